import { type FocusEvent, type KeyboardEvent, useCallback, useRef, useState } from 'react';

/** A cell of the grid by its place: row among the body rows, column among the cells of a row. */
export interface GridPosition {
  row: number;
  col: number;
}

/**
 * Where a key moves the focus in a grid of `rows` × `cols` cells, following the WAI-ARIA grid
 * pattern (docs/requirements.md R-UI-2): arrows one cell (stopping at the edges), Home and End to
 * the first and last cell of the row, Ctrl+Home and Ctrl+End to the first and last cell of the
 * grid, Page Up and Page Down five rows. Null for any other key, so it keeps its own meaning
 * (Enter opens the focused link, Tab leaves the grid).
 */
export function moveInGrid(
  from: GridPosition,
  key: { key: string; ctrlKey?: boolean; metaKey?: boolean },
  rows: number,
  cols: number,
): GridPosition | null {
  if (rows === 0 || cols === 0) return null;
  const clamp = (row: number, col: number) => ({
    row: Math.min(Math.max(row, 0), rows - 1),
    col: Math.min(Math.max(col, 0), cols - 1),
  });
  const whole = key.ctrlKey === true || key.metaKey === true;
  switch (key.key) {
    case 'ArrowRight':
      return clamp(from.row, from.col + 1);
    case 'ArrowLeft':
      return clamp(from.row, from.col - 1);
    case 'ArrowDown':
      return clamp(from.row + 1, from.col);
    case 'ArrowUp':
      return clamp(from.row - 1, from.col);
    case 'Home':
      return whole ? clamp(0, 0) : clamp(from.row, 0);
    case 'End':
      return whole ? clamp(rows - 1, cols - 1) : clamp(from.row, cols - 1);
    case 'PageDown':
      return clamp(from.row + pageRows, from.col);
    case 'PageUp':
      return clamp(from.row - pageRows, from.col);
    default:
      return null;
  }
}

const pageRows = 5;

/** The data attributes that place a focusable element of the grid. */
export const cellAttributes = (pos: GridPosition) => ({
  'data-grid-row': pos.row,
  'data-grid-col': pos.col,
});

/**
 * Roving tabindex for a grid of links: exactly one cell is in the tab order (tabIndex 0, the
 * others -1), the arrow keys move the focus between cells, and a click or Tab into the grid makes
 * the focused cell the one Tab returns to. The active cell is kept inside the grid when filters
 * shrink it.
 */
export function useRovingGrid(rows: number, cols: number) {
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  const container = useRef<HTMLTableElement>(null);
  const current = {
    row: Math.min(active.row, Math.max(rows - 1, 0)),
    col: Math.min(active.col, Math.max(cols - 1, 0)),
  };

  const tabIndexOf = (pos: GridPosition) => (pos.row === current.row && pos.col === current.col ? 0 : -1);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const from = positionOf(event.target);
      if (!from) return;
      const to = moveInGrid(from, event, rows, cols);
      if (!to) return;
      event.preventDefault();
      setActive(to);
      container.current
        ?.querySelector<HTMLElement>(`[data-grid-row="${to.row}"][data-grid-col="${to.col}"]`)
        ?.focus();
    },
    [rows, cols],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const pos = positionOf(event.target);
    if (pos) setActive(pos);
  }, []);

  return { container, tabIndexOf, onKeyDown, onFocus };
}

function positionOf(target: EventTarget): GridPosition | null {
  if (!(target instanceof HTMLElement) || target.dataset.gridRow === undefined) return null;
  const row = Number(target.dataset.gridRow);
  const col = Number(target.dataset.gridCol);
  return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : null;
}

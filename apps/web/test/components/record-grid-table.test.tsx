import type { GridCell, GridRow } from '@mini-edc/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RecordGridTable } from '../../src/grid/record-grid-table';
import { moveInGrid } from '../../src/grid/roving-grid';

const columns = [
  { visitCode: 'BL', formCode: 'vas' },
  { visitCode: 'BL', formCode: 'odi' },
  { visitCode: 'W1', formCode: 'vas' },
];

const cell = (visitCode: string, formCode: string): GridCell => ({
  visitCode,
  formCode,
  status: 'not_started',
  recordId: null,
  openQueries: 0,
  sdvDone: false,
  outOfWindow: false,
  due: true,
});

const row = (n: number): GridRow => ({
  participantId: `00000000-0000-4000-8000-00000000000${n}`,
  studyId: `S01-000${n}`,
  siteId: '00000000-0000-4000-8000-0000000000a1',
  siteCode: 'S01',
  participantStatus: 'randomized',
  cells: columns.map((c) => cell(c.visitCode, c.formCode)),
  series: [],
});

/** The grid under a router, with a button standing for the page's filters (keeps the first row). */
function Harness({ rows }: { rows: GridRow[] }) {
  const [shown, setShown] = useState(rows);
  return (
    <>
      <button type="button" onClick={() => setShown(rows.slice(0, 1))}>
        filter
      </button>
      <RecordGridTable columns={columns} series={[]} rows={shown} user={null} label="Grid" />
    </>
  );
}

function renderGrid(rows: GridRow[]) {
  const router = createMemoryRouter(
    [
      { path: '/grid', element: <Harness rows={rows} /> },
      { path: '/participants/:id/visits/:visit/forms/:form', element: <h1>form page</h1> },
    ],
    { initialEntries: ['/grid'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

/** The focusable element of each cell, row by row: the participant link, then each form cell. */
const focusables = () =>
  within(screen.getByRole('grid'))
    .getAllByRole('row')
    .slice(2)
    .map((r) => within(r).getAllByRole('link'));

describe('moveInGrid', () => {
  const at = { row: 1, col: 1 };
  it('moves one cell by arrow and stops at the edges', () => {
    expect(moveInGrid(at, { key: 'ArrowRight' }, 3, 4)).toEqual({ row: 1, col: 2 });
    expect(moveInGrid(at, { key: 'ArrowLeft' }, 3, 4)).toEqual({ row: 1, col: 0 });
    expect(moveInGrid(at, { key: 'ArrowDown' }, 3, 4)).toEqual({ row: 2, col: 1 });
    expect(moveInGrid(at, { key: 'ArrowUp' }, 3, 4)).toEqual({ row: 0, col: 1 });
    expect(moveInGrid({ row: 2, col: 3 }, { key: 'ArrowRight' }, 3, 4)).toEqual({ row: 2, col: 3 });
    expect(moveInGrid({ row: 2, col: 3 }, { key: 'ArrowDown' }, 3, 4)).toEqual({ row: 2, col: 3 });
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'ArrowUp' }, 3, 4)).toEqual({ row: 0, col: 0 });
  });

  it('Home and End go along the row; with Ctrl, to the corners of the grid', () => {
    expect(moveInGrid(at, { key: 'Home' }, 3, 4)).toEqual({ row: 1, col: 0 });
    expect(moveInGrid(at, { key: 'End' }, 3, 4)).toEqual({ row: 1, col: 3 });
    expect(moveInGrid(at, { key: 'Home', ctrlKey: true }, 3, 4)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid(at, { key: 'End', ctrlKey: true }, 3, 4)).toEqual({ row: 2, col: 3 });
  });

  it('leaves other keys alone (Enter opens, Tab leaves the grid)', () => {
    expect(moveInGrid(at, { key: 'Enter' }, 3, 4)).toBeNull();
    expect(moveInGrid(at, { key: 'Tab' }, 3, 4)).toBeNull();
    expect(moveInGrid(at, { key: 'ArrowDown' }, 0, 4)).toBeNull();
  });
});

describe('RecordGridTable', () => {
  it('is a grid with exactly one cell in the tab order', () => {
    renderGrid([row(1), row(2)]);
    const cells = focusables().flat();
    expect(cells).toHaveLength(8);
    expect(cells.filter((c) => c.getAttribute('tabindex') === '0')).toEqual([cells[0]]);
    expect(cells.filter((c) => c.getAttribute('tabindex') === '-1')).toHaveLength(7);
  });

  it('moves the focus and the tab stop with the arrow keys, Home and End; Enter opens the form', async () => {
    const router = renderGrid([row(1), row(2)]);
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    const [first, second] = focusables();
    expect(document.activeElement).toBe(first?.[0]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(first?.[1]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(second?.[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(second?.[3]);
    // The tab stop follows the focus: Tab out and back in returns to the same cell.
    expect(second?.[3]?.getAttribute('tabindex')).toBe('0');
    expect(first?.[0]?.getAttribute('tabindex')).toBe('-1');
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(second?.[0]);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'S01-0002, Baseline, Oswestry Disability Index, Not started',
    );
    await user.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe(
      '/participants/00000000-0000-4000-8000-000000000002/visits/BL/forms/odi',
    );
  });

  it('keeps the tab stop inside the grid when the filters remove the row it was on', async () => {
    renderGrid([row(1), row(2)]);
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    await user.keyboard('{ArrowDown}{End}');
    await user.click(screen.getByRole('button', { name: 'filter' }));
    const cells = focusables().flat();
    expect(cells).toHaveLength(4);
    expect(cells.filter((c) => c.getAttribute('tabindex') === '0')).toEqual([cells[3]]);
  });
});

import {
  type AccessSubject,
  cellNeedsAction,
  type GridCellState,
  type GridRow,
  gridCellState,
  type StudyDefinition,
} from '@mini-edc/domain';

export const cellStates: readonly GridCellState[] = [
  'not_started',
  'draft',
  'complete',
  'signed',
  'locked',
  'open_query',
  'sdv_done',
  'out_of_window',
];

export interface GridFilter {
  siteId: string;
  state: GridCellState | '';
  mine: boolean;
}

/**
 * The rows the filters keep: of the chosen site, having at least one cell in the chosen state and,
 * with "needs my action", at least one cell waiting for this user (the domain's cellNeedsAction).
 */
export function filterRows(
  rows: readonly GridRow[],
  filter: GridFilter,
  user: AccessSubject | null,
  def: StudyDefinition,
): GridRow[] {
  return rows.filter(
    (row) =>
      (filter.siteId === '' || row.siteId === filter.siteId) &&
      (filter.state === '' || row.cells.some((c) => gridCellState(c) === filter.state)) &&
      (!filter.mine || row.cells.some((c) => cellNeedsAction(user, def, c))),
  );
}

import {
  type AccessSubject,
  cellNeedsAction,
  type GridCellState,
  type GridRow,
  type GridSeriesColumn,
  gridCellState,
  type StudyDefinition,
  seriesCellState,
  seriesNeedsAction,
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
 * The rows the filters keep: of the chosen site, having at least one cell (of a visit's form or of
 * repeating records) in the chosen state and, with "needs my action", at least one cell waiting
 * for this user (the domain's cellNeedsAction and seriesNeedsAction).
 */
export function filterRows(
  grid: { rows: readonly GridRow[]; series: readonly GridSeriesColumn[] },
  filter: GridFilter,
  user: AccessSubject | null,
  def: StudyDefinition,
): GridRow[] {
  const inState = (row: GridRow) =>
    row.cells.some((c) => gridCellState(c) === filter.state) ||
    row.series.some((c) => seriesCellState(c) === filter.state);
  const waiting = (row: GridRow) =>
    row.cells.some((c) => cellNeedsAction(user, def, c)) ||
    grid.series.some((column) => {
      const cell = row.series.find((c) => c.code === column.code);
      return cell !== undefined && seriesNeedsAction(user, def, column, cell);
    });
  return grid.rows.filter(
    (row) =>
      (filter.siteId === '' || row.siteId === filter.siteId) &&
      (filter.state === '' || inState(row)) &&
      (!filter.mine || waiting(row)),
  );
}

import {
  type AccessSubject,
  cellNeedsAction,
  type GridCell,
  type GridCellState,
  type GridColumn,
  type GridRow,
  type GridSeriesColumn,
  gridCellState,
} from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formDefinition, localized, study, visitTitle } from '../forms/study';
import { formLink } from '../participants/participant-links';
import { cellAttributes, type GridPosition, useRovingGrid } from './roving-grid';
import { SeriesCellLink, SeriesName } from './series-cell';

export const symbols: Record<GridCellState, string> = {
  not_started: '○',
  draft: '◐',
  complete: '●',
  signed: '✓',
  locked: '■',
  open_query: '?',
  sdv_done: '✓✓',
  out_of_window: '!',
};

interface Props {
  columns: readonly GridColumn[];
  series: readonly GridSeriesColumn[];
  rows: readonly GridRow[];
  user: AccessSubject | null;
  label: string;
}

/**
 * The grid itself, a WAI-ARIA grid (docs/requirements.md R-UI-2): one cell in the tab
 * order, the arrow keys, Home and End move between the participant links and the form cells, and
 * Enter opens the focused one. Column 0 of each row is the participant, then one per form column,
 * then one per column of repeating records.
 */
export function RecordGridTable({ columns, series, rows, user, label }: Props) {
  const { t, i18n } = useTranslation();
  const visits = [...new Set(columns.map((c) => c.visitCode))];
  const roving = useRovingGrid(rows.length, columns.length + series.length + 1);
  return (
    <table
      className="record-grid"
      // The WAI-ARIA grid pattern's own markup (APG "data grid" example): a table made interactive
      // by the roving focus below, so its cells are announced as grid cells.
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the table is the grid
      role="grid"
      aria-label={label}
      ref={roving.container}
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      <thead>
        <tr>
          <th rowSpan={2} scope="col">
            {t('grid.participant')}
          </th>
          {visits.map((v) => (
            <th key={v} scope="colgroup" colSpan={columns.filter((c) => c.visitCode === v).length}>
              {visitTitle(v, i18n.language)}
            </th>
          ))}
          {series.length > 0 ? (
            <th scope="colgroup" colSpan={series.length}>
              {t('grid.series.title')}
            </th>
          ) : null}
        </tr>
        <tr>
          {columns.map((c) => (
            <th key={`${c.visitCode}-${c.formCode}`} scope="col" className="form-col">
              {localized(formDefinition(c.formCode).label, i18n.language)}
            </th>
          ))}
          {series.map((c) => (
            <th key={c.code} scope="col" className="form-col">
              <SeriesName column={c} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <GridRowView
            key={row.participantId}
            row={row}
            series={series}
            index={index}
            user={user}
            tabIndexOf={roving.tabIndexOf}
          />
        ))}
      </tbody>
    </table>
  );
}

interface RowProps {
  row: GridRow;
  series: readonly GridSeriesColumn[];
  index: number;
  user: AccessSubject | null;
  tabIndexOf: (pos: GridPosition) => number;
}

function GridRowView({ row, series, index, user, tabIndexOf }: RowProps) {
  const first = { row: index, col: 0 };
  return (
    <tr>
      <th scope="row">
        <Link
          to={`/participants/${row.participantId}`}
          className="mono"
          tabIndex={tabIndexOf(first)}
          {...cellAttributes(first)}
        >
          {row.studyId}
        </Link>
        <span className="muted grid-site">{row.siteCode}</span>
      </th>
      {row.cells.map((cell, col) => {
        const pos = { row: index, col: col + 1 };
        return (
          <td key={`${cell.visitCode}-${cell.formCode}`}>
            <GridCellLink row={row} cell={cell} user={user} pos={pos} tabIndex={tabIndexOf(pos)} />
          </td>
        );
      })}
      {series.map((column, i) => {
        const pos = { row: index, col: row.cells.length + i + 1 };
        const cell = row.series.find((c) => c.code === column.code);
        return (
          <td key={column.code}>
            {cell ? (
              <SeriesCellLink
                row={row}
                column={column}
                cell={cell}
                user={user}
                tabIndex={tabIndexOf(pos)}
                {...cellAttributes(pos)}
              />
            ) : null}
          </td>
        );
      })}
    </tr>
  );
}

function GridCellLink({
  row,
  cell,
  user,
  pos,
  tabIndex,
}: {
  row: GridRow;
  cell: GridCell;
  user: AccessSubject | null;
  pos: GridPosition;
  tabIndex: number;
}) {
  const { t, i18n } = useTranslation();
  const state = gridCellState(cell);
  const needs = cellNeedsAction(user, study, cell);
  const form = localized(formDefinition(cell.formCode).label, i18n.language);
  const label = [
    row.studyId,
    visitTitle(cell.visitCode, i18n.language),
    form,
    t(`grid.states.${cell.status}`),
    cell.openQueries > 0 ? t('grid.queries', { count: cell.openQueries }) : null,
    cell.sdvDone ? t('grid.states.sdv_done') : null,
    cell.outOfWindow ? t('grid.states.out_of_window') : null,
    needs ? t('grid.needsAction') : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Link
      to={formLink(row.participantId, cell.visitCode, cell.formCode)}
      className={`grid-cell state-${state}${needs ? ' needs-action' : ''}`}
      aria-label={label}
      title={label}
      data-state={state}
      tabIndex={tabIndex}
      {...cellAttributes(pos)}
    >
      <span aria-hidden="true">{symbols[state]}</span>
    </Link>
  );
}

import {
  type AccessSubject,
  type GridRow,
  type GridSeriesCell,
  type GridSeriesColumn,
  seriesCellState,
  seriesNeedsAction,
} from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formDefinition, localized, study } from '../forms/study';
import { participantLink, type Tab } from '../participants/participant-links';

/** The participant tab that lists a column's records: where one click on the cell goes. */
function tabOf(column: GridSeriesColumn): Tab {
  if (column.code === 'treatment') return 'treatment';
  if (column.code === study.roles.deviationForm) return 'deviations';
  return 'adverse-events';
}

/** A repeating column's name: "Treatment sessions", or the form's own label. */
function useSeriesName(): (column: GridSeriesColumn) => string {
  const { t, i18n } = useTranslation();
  return (column) => {
    const [only] = column.forms;
    if (column.code === 'treatment' || only === undefined) return t('grid.series.treatment');
    return localized(formDefinition(only).label, i18n.language);
  };
}

export function SeriesName({ column }: { column: GridSeriesColumn }) {
  return <>{useSeriesName()(column)}</>;
}

/**
 * A participant's repeating records of one column (docs/requirements.md R-MON-2): how many, in
 * the colour of the least advanced (a query first), and one click to the list of them.
 */
export function SeriesCellLink({
  row,
  column,
  cell,
  user,
  tabIndex,
  ...place
}: {
  row: GridRow;
  column: GridSeriesColumn;
  cell: GridSeriesCell;
  user: AccessSubject | null;
  tabIndex: number;
  'data-grid-row': number;
  'data-grid-col': number;
}) {
  const { t } = useTranslation();
  const state = seriesCellState(cell);
  const needs = seriesNeedsAction(user, study, column, cell);
  const name = useSeriesName()(column);
  const label = [
    row.studyId,
    name,
    cell.count === 0 ? t('grid.series.none') : t('grid.series.count', { count: cell.count }),
    cell.count > 0 ? t('grid.series.least', { status: t(`grid.states.${cell.status}`) }) : null,
    cell.openQueries > 0 ? t('grid.queries', { count: cell.openQueries }) : null,
    cell.sdvDone ? t('grid.states.sdv_done') : null,
    needs ? t('grid.needsAction') : null,
  ];
  return (
    <Link
      to={participantLink(row.participantId, tabOf(column))}
      className={`grid-cell series-cell state-${state}${needs ? ' needs-action' : ''}`}
      aria-label={label.filter(Boolean).join(', ')}
      title={label.filter(Boolean).join(', ')}
      data-state={state}
      tabIndex={tabIndex}
      {...place}
    >
      <span aria-hidden="true">{cell.count}</span>
    </Link>
  );
}

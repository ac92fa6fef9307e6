import '../styles/grid.css';
import { cellNeedsAction, type GridCell, type GridRow, gridCellState } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { QueryError } from '../components/query-error';
import { formDefinition, localized, study, visitTitle } from '../forms/study';
import { formLink } from '../participants/participant-links';
import { useRecordGrid } from './grid-api';
import { cellStates, filterRows, type GridFilter } from './grid-filter';

/**
 * The daily work screen of site staff and monitors (docs/requirements.md R-MON-2): participants ×
 * visits × forms, each cell a link into the form with its status as colour, symbol and text.
 * Filters by site, by state and "needs my action"; a table of links, so Tab walks it and Enter opens.
 */
export function RecordGridPage() {
  const { t, i18n } = useTranslation();
  const grid = useRecordGrid();
  const [filter, setFilter] = useState<GridFilter>({ siteId: '', state: '', mine: false });
  const { user } = useSession();

  if (grid.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (grid.isError) return <QueryError error={grid.error} onRetry={() => void grid.refetch()} />;
  const { columns, rows } = grid.data;
  const sites = [...new Map(rows.map((r) => [r.siteId, r.siteCode]))].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const shown = filterRows(rows, filter, user, study);
  const visits = [...new Set(columns.map((c) => c.visitCode))];

  return (
    <section className="stack record-grid-page">
      <h1>{t('grid.title')}</h1>
      <p className="muted">{t('grid.intro')}</p>
      <fieldset className="grid-filters">
        <legend className="sr-only">{t('grid.filters')}</legend>
        <label>
          {t('grid.site')}
          <select value={filter.siteId} onChange={(e) => setFilter({ ...filter, siteId: e.target.value })}>
            <option value="">{t('grid.allSites')}</option>
            {sites.map(([id, code]) => (
              <option key={id} value={id}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('grid.status')}
          <select
            value={filter.state}
            onChange={(e) => {
              const state = cellStates.find((s) => s === e.target.value) ?? '';
              setFilter({ ...filter, state });
            }}
          >
            <option value="">{t('grid.anyStatus')}</option>
            {cellStates.map((s) => (
              <option key={s} value={s}>
                {t(`grid.states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filter.mine}
            onChange={(e) => setFilter({ ...filter, mine: e.target.checked })}
          />
          {t('grid.mine')}
        </label>
      </fieldset>
      <GridLegend />
      <p role="status" className="muted">
        {t('grid.count', { count: shown.length, total: rows.length })}
      </p>
      {shown.length === 0 ? (
        <p className="panel muted">{t('grid.empty')}</p>
      ) : (
        <section className="grid-scroll" aria-label={t('grid.title')}>
          <table className="record-grid">
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
              </tr>
              <tr>
                {columns.map((c) => (
                  <th key={`${c.visitCode}-${c.formCode}`} scope="col" className="form-col">
                    <FormName code={c.formCode} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <GridRowView key={row.participantId} row={row} />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function FormName({ code }: { code: string }) {
  const { i18n } = useTranslation();
  return <>{localized(formDefinition(code).label, i18n.language)}</>;
}

const symbols: Record<ReturnType<typeof gridCellState>, string> = {
  not_started: '○',
  draft: '◐',
  complete: '●',
  signed: '✓',
  locked: '■',
  open_query: '?',
  sdv_done: '✓✓',
  out_of_window: '!',
};

function GridRowView({ row }: { row: GridRow }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/participants/${row.participantId}`} className="mono">
          {row.studyId}
        </Link>
        <span className="muted grid-site">{row.siteCode}</span>
      </th>
      {row.cells.map((cell) => (
        <td key={`${cell.visitCode}-${cell.formCode}`}>
          <GridCellLink row={row} cell={cell} />
        </td>
      ))}
    </tr>
  );
}

function GridCellLink({ row, cell }: { row: GridRow; cell: GridCell }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
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
    >
      <span aria-hidden="true">{symbols[state]}</span>
    </Link>
  );
}

function GridLegend() {
  const { t } = useTranslation();
  return (
    <ul className="grid-legend" aria-label={t('grid.legend')}>
      {cellStates.map((s) => (
        <li key={s}>
          <span className={`grid-cell state-${s}`} aria-hidden="true">
            {symbols[s]}
          </span>{' '}
          {t(`grid.states.${s}`)}
        </li>
      ))}
    </ul>
  );
}

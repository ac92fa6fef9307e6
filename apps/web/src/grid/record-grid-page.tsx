import '../styles/grid.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { QueryError } from '../components/query-error';
import { study } from '../forms/study';
import { useRecordGrid } from './grid-api';
import { cellStates, filterRows, type GridFilter } from './grid-filter';
import { RecordGridTable, symbols } from './record-grid-table';

/**
 * The daily work screen of site staff and monitors (docs/requirements.md R-MON-2): participants ×
 * visits × forms, each cell a link into the form with its status as colour, symbol and text.
 * Filters by site, by state and "needs my action"; the grid is walked with the arrow keys (one
 * cell in the tab order) and Enter opens the focused cell.
 */
export function RecordGridPage() {
  const { t } = useTranslation();
  const grid = useRecordGrid();
  const [filter, setFilter] = useState<GridFilter>({ siteId: '', state: '', mine: false });
  const { user } = useSession();

  if (grid.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (grid.isError) return <QueryError error={grid.error} onRetry={() => void grid.refetch()} />;
  const { columns, series, rows } = grid.data;
  const sites = [...new Map(rows.map((r) => [r.siteId, r.siteCode]))].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const shown = filterRows(grid.data, filter, user, study);

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
        <div className="grid-scroll">
          <RecordGridTable
            columns={columns}
            series={series}
            rows={shown}
            user={user}
            label={t('grid.title')}
          />
        </div>
      )}
    </section>
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

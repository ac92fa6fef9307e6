import { can, type QueryStatus, queryStatusSchema } from '@mini-edc/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { StatusNotice } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { useDataQueries, useQueryCounts } from './queries-api';
import { QueryCard } from './query-card';
import { QueryCountsPanel } from './query-counts-panel';
import '../styles/monitor.css';

const statusOrder: Record<QueryStatus, number> = { open: 0, answered: 1, closed: 2 };

/** Data queries at the user's sites: counts, a status filter, and each query's thread and steps. */
export function QueriesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const statusId = useId();
  const [params, setParams] = useSearchParams();
  const parsedStatus = queryStatusSchema.safeParse(params.get('status'));
  const status: QueryStatus | '' = parsedStatus.success ? parsedStatus.data : '';
  const participantId = params.get('participantId') ?? '';
  const list = useDataQueries(status, participantId);
  const counts = useQueryCounts();
  const [notice, setNotice] = useState<string | null>(null);

  const setFilter = (key: 'status' | 'participantId', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const queries = [...(list.data ?? [])].sort(
    (a, b) => statusOrder[a.status] - statusOrder[b.status] || b.openedAt.localeCompare(a.openedAt),
  );
  const participantStudyId =
    counts.data?.byParticipant.find((p) => p.participantId === participantId)?.studyId ??
    queries[0]?.participantStudyId ??
    participantId;

  if (!user) return null;
  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('monitor.queries.title')}</h1>
        {can(user, 'verify_source') ? (
          <Link to="/review" className="button">
            {t('monitor.review.indexTitle')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t(`monitor.queries.intro.${can(user, 'raise_query') ? 'monitor' : 'site'}`)}</p>
      <StatusNotice message={notice} />
      {counts.data ? (
        <QueryCountsPanel counts={counts.data} reviewLinks={can(user, 'verify_source')} />
      ) : null}
      <div className="filter-bar">
        <div className="field">
          <label htmlFor={statusId}>{t('monitor.queries.statusFilter')}</label>
          <select id={statusId} value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('monitor.common.all')}</option>
            {queryStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`monitor.queryStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {participantId ? (
          <p className="filter-chip">
            {t('monitor.queries.forParticipant', { studyId: participantStudyId })}{' '}
            <button type="button" className="button small" onClick={() => setFilter('participantId', '')}>
              {t('monitor.queries.allParticipants')}
            </button>
          </p>
        ) : null}
      </div>
      {list.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && queries.length === 0 ? <p className="muted">{t('monitor.queries.empty')}</p> : null}
      <div className="stack">
        {queries.map((q) => (
          <QueryCard key={q.id} query={q} user={user} onNotice={setNotice} />
        ))}
      </div>
    </section>
  );
}

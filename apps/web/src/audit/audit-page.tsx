import { type AuditFilter, can } from '@mini-edc/domain';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { QueryError } from '../components/query-error';
import { useParticipantList } from '../review/review-api';
import { useReviewFormat } from '../review/time-format';
import { useAdminUsers, useAuditTrail } from './audit-api';
import { exportHref, filterFromSearch, searchFromFilter } from './audit-filter';
import { type ActorOption, AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { AuditVerify } from './audit-verify';
import '../styles/monitor.css';

/** Audit review (21 CFR 11.10(e); EMA 2023 §6.2): filter, read, verify and copy the trail. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filter = useMemo(() => filterFromSearch(new URLSearchParams(search)), [search]);
  const trail = useAuditTrail(filter);
  const participants = useParticipantList();
  const isAdmin = can(user, 'manage_users');
  const users = useAdminUsers(isAdmin);
  const auditor = can(user, 'export_audit');

  const entries = useMemo(() => trail.data?.pages.flatMap((p) => p.items) ?? [], [trail.data]);

  // Users seen on any page stay offered after the filter narrows the list (non-admins cannot
  // list accounts, so the trail itself is where names come from).
  const seenActors = useRef(new Map<string, string>());
  const actors: ActorOption[] = useMemo(() => {
    for (const e of entries) seenActors.current.set(e.actor.id, e.actor.label ?? e.actor.id);
    const all = new Map(seenActors.current);
    for (const u of users.data ?? []) all.set(u.id, `${u.displayName} (${u.email})`);
    if (filter.actorId && !all.has(filter.actorId)) all.set(filter.actorId, filter.actorId);
    return [...all].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [users.data, filter.actorId, entries]);

  const participantOptions = useMemo(() => {
    const options = [...(participants.data ?? [])]
      .map((p) => ({ id: p.id, studyId: p.studyId }))
      .sort((a, b) => a.studyId.localeCompare(b.studyId));
    // The filtered participant is selectable before the list arrives, so the form keeps it.
    const chosen = filter.participantId;
    if (chosen && !options.some((p) => p.id === chosen)) options.unshift({ id: chosen, studyId: '…' });
    return options;
  }, [participants.data, filter.participantId]);
  const idByStudyId = useMemo(
    () => new Map(participantOptions.map((p) => [p.studyId, p.id])),
    [participantOptions],
  );
  const participantHref = (studyId: string) => {
    const id = idByStudyId.get(studyId);
    if (!id || !user) return null;
    if (can(user, 'verify_source')) return `/review/${id}`;
    return can(user, 'record_visits') ? `/participants/${id}` : null;
  };

  const apply = (next: AuditFilter) => setSearchParams(searchFromFilter(next));

  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('monitor.audit.title')}</h1>
        {auditor ? (
          <div className="actions">
            <AuditVerify />
            <a className="button" href={exportHref(filter)} download>
              {t('monitor.audit.export')}
            </a>
          </div>
        ) : null}
      </div>
      <p className="muted">{t('monitor.audit.intro')}</p>
      <AuditFilters
        filter={filter}
        participants={participantOptions}
        sites={user?.sites ?? []}
        actors={actors}
        onApply={apply}
      />
      {trail.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {trail.isError ? <QueryError error={trail.error} onRetry={() => void trail.refetch()} /> : null}
      <p className="muted" aria-live="polite">
        {trail.data
          ? entries.length === 0
            ? t('monitor.audit.empty')
            : t(trail.hasNextPage ? 'monitor.audit.shownMore' : 'monitor.audit.shownAll', {
                count: entries.length,
                n: format.number(entries.length),
              })
          : null}
      </p>
      {entries.length > 0 ? <AuditTable entries={entries} participantHref={participantHref} /> : null}
      {trail.hasNextPage ? (
        <div>
          <button
            type="button"
            className="button"
            onClick={() => void trail.fetchNextPage()}
            disabled={trail.isFetchingNextPage}
          >
            {trail.isFetchingNextPage ? t('common.loading') : t('monitor.audit.loadMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

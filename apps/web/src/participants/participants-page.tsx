import { can } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { BlindedNote } from '../components/blinded-note';
import { QueryError } from '../components/query-error';
import { localized, visitDefinition } from '../forms/study';
import { ArmLabel } from './arm-label';
import { allocationOf, participantStatuses, statusFilterOf, useParticipants } from './participants-api';
import { ParticipantStatusBadge, VisitStatusBadge } from './status-badges';
import { useDates } from './use-dates';
import { useSeesArm } from './use-sees-arm';

/** Participants at the user's sites, filterable by status. */
export function ParticipantsPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const dates = useDates();
  const [params, setParams] = useSearchParams();
  const status = statusFilterOf(params);
  const list = useParticipants(status);
  // Blinded users: the column does not exist for them (and their list has no allocation).
  const showArm = useSeesArm();

  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('nav.participants')}</h1>
        {can(user, 'register_participants') ? (
          <Link to="/participants/new" className="button primary">
            {t('participants.list.screenNew')}
          </Link>
        ) : null}
      </div>
      <p className="muted">
        {t('participants.list.intro', { sites: user?.sites.map((s) => s.code).join(', ') ?? '' })}
      </p>
      <div className="filter-bar">
        <label htmlFor="status-filter">{t('participants.list.filter')}</label>
        <select
          id="status-filter"
          value={status}
          onChange={(event) => {
            const next = event.target.value;
            setParams(next ? { status: next } : {}, { replace: true });
          }}
        >
          <option value="">{t('participants.list.allStatuses')}</option>
          {participantStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`participants.status.${s}`)}
            </option>
          ))}
        </select>
        {list.data ? (
          <span className="muted" role="status">
            {t('participants.list.count', { count: list.data.length })}
          </span>
        ) : null}
      </div>
      {list.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.length === 0 ? (
        <p className="panel muted">{t('participants.list.empty')}</p>
      ) : null}
      {list.data && list.data.length > 0 && !showArm ? <BlindedNote subject="arm" /> : null}
      {list.data && list.data.length > 0 ? (
        <table className="responsive-table participants-table">
          <caption className="sr-only">{t('nav.participants')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.studyId')}</th>
              <th scope="col">{t('participants.site')}</th>
              <th scope="col">{t('participants.statusLabel')}</th>
              {showArm ? <th scope="col">{t('participants.arm')}</th> : null}
              <th scope="col">{t('participants.list.nextVisit')}</th>
              <th scope="col">{t('participants.list.screened')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => {
              const allocation = showArm ? allocationOf(p) : null;
              const visit = p.nextVisit;
              const visitDef = visit ? visitDefinition(visit.visitCode) : undefined;
              return (
                <tr key={p.id}>
                  <th scope="row" data-label={t('participants.studyId')}>
                    <Link to={`/participants/${p.id}`} className="cell-title mono">
                      {p.studyId}
                    </Link>
                  </th>
                  <td data-label={t('participants.site')}>{p.siteCode}</td>
                  <td data-label={t('participants.statusLabel')}>
                    <ParticipantStatusBadge status={p.status} />
                  </td>
                  {showArm ? (
                    <td data-label={t('participants.arm')}>
                      {allocation ? <ArmLabel code={allocation.arm} /> : <span className="muted">—</span>}
                    </td>
                  ) : null}
                  <td data-label={t('participants.list.nextVisit')}>
                    {visit ? (
                      <span className="next-visit">
                        <span>
                          <span className="cell-title">
                            {visitDef ? localized(visitDef.label, i18n.language) : visit.visitCode}
                          </span>
                          <span className="cell-sub">{dates.day(visit.targetDate)}</span>
                        </span>
                        <VisitStatusBadge status={visit.status} />
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td data-label={t('participants.list.screened')} className="nowrap">
                    {dates.day(p.screenedAt)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

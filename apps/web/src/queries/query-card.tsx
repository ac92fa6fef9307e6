import { can, canAny, type DataQuery, type Me } from '@mini-edc/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isKnownRole } from '../audit/audit-vocabulary';
import { formLink } from '../participants/participant-links';
import { fieldLabel, formLabel, visitLabel } from '../review/study-labels';
import { useReviewFormat } from '../review/time-format';
import type { QueryStep } from './queries-api';
import { QueryStepForm } from './query-step-form';

const statusBadge = { open: 'badge-danger', answered: 'badge-warn', closed: 'badge-off' } as const;

/** Which steps this user may take on this query (the API enforces the same rules). */
function allowedSteps(query: DataQuery, user: Pick<Me, 'id' | 'role'>): QueryStep[] {
  const unresolved = query.status !== 'closed';
  const steps: QueryStep[] = [];
  if (unresolved && can(user, 'answer_query')) steps.push('answer');
  const ownSelfCheck = can(user, 'close_own_self_check') && query.selfCheck && query.openedBy.id === user.id;
  if (unresolved && (can(user, 'close_query') || ownSelfCheck)) steps.push('close');
  if (!unresolved && can(user, 'reopen_query')) steps.push('reopen');
  return steps;
}

/** A query with its thread of messages and the steps the user may take. */
export function QueryCard({
  query,
  user,
  onNotice,
}: {
  query: DataQuery;
  user: Me;
  onNotice: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useReviewFormat();
  const headingId = useId();
  const language = i18n.language;
  const steps = allowedSteps(query, user);
  const roleName = (role: string | null) => (role && isKnownRole(role) ? t(`roles.${role}`) : (role ?? ''));
  const siteStaff = can(user, 'answer_query');

  return (
    <article className="panel query-card" aria-labelledby={headingId}>
      <header className="query-head">
        <h2 id={headingId} className="query-title">
          {query.participantStudyId} · {visitLabel(query.visitCode, language)} ·{' '}
          {formLabel(query.formCode, language)} · {fieldLabel(query.formCode, query.field, language)}
        </h2>
        <span className={`badge ${statusBadge[query.status]}`}>
          {t(`monitor.queryStatus.${query.status}`)}
        </span>
        {query.selfCheck ? <span className="badge badge-off">{t('monitor.queries.selfCheck')}</span> : null}
      </header>
      <p className="muted query-meta">
        {t('monitor.queries.openedBy', {
          name: query.openedBy.name ?? query.openedBy.id,
          role: roleName(query.openedBy.role),
          time: format.dateTime(query.openedAt),
        })}{' '}
        · {query.siteCode}
      </p>
      <ol className="thread" aria-label={t('monitor.queries.thread')}>
        {query.messages.map((m) => (
          <li key={m.id} className={`thread-message thread-${m.kind}`}>
            <p className="thread-meta">
              <strong>{m.authorName ?? m.authorId}</strong> ({roleName(m.authorRole)}) ·{' '}
              {t(`monitor.messageKind.${m.kind}`)} ·{' '}
              <time dateTime={m.createdAt}>{format.dateTime(m.createdAt)}</time>
            </p>
            <p className="thread-text">{m.message}</p>
          </li>
        ))}
      </ol>
      <div className="query-actions">
        {steps.map((step) => (
          <QueryStepForm
            key={step}
            query={query}
            step={step}
            onDone={(done) =>
              onNotice(t(`monitor.queries.done.${done}`, { studyId: query.participantStudyId }))
            }
          />
        ))}
        <p className="section-links">
          {siteStaff ? (
            <Link to={formLink(query.participantId, query.visitCode, query.formCode)}>
              {t('monitor.queries.correct')}
              <span className="sr-only"> ({query.participantStudyId})</span>
            </Link>
          ) : null}
          {canAny(user, ['verify_source', 'raise_self_check']) ? (
            <Link to={`/review/${query.participantId}`}>
              {t('monitor.queries.review', { studyId: query.participantStudyId })}
            </Link>
          ) : null}
        </p>
      </div>
    </article>
  );
}

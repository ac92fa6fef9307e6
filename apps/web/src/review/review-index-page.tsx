import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../components/query-error';
import { useQueryCounts } from '../queries/queries-api';
import { useParticipantList } from './review-api';
import { useReviewFormat } from './time-format';
import '../styles/monitor.css';

/** Participants to review, with their unresolved queries (the participant list is another screen's). */
export function ReviewIndexPage() {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const participants = useParticipantList();
  const counts = useQueryCounts();
  const unresolved = new Map(
    (counts.data?.byParticipant ?? []).map((p) => [p.participantId, { open: p.open, answered: p.answered }]),
  );
  const rows = [...(participants.data ?? [])].sort((a, b) => a.studyId.localeCompare(b.studyId));

  return (
    <section className="stack">
      <h1>{t('monitor.review.indexTitle')}</h1>
      <p className="muted">{t('monitor.review.indexIntro')}</p>
      {participants.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {participants.isError ? (
        <QueryError error={participants.error} onRetry={() => void participants.refetch()} />
      ) : null}
      {participants.data && rows.length === 0 ? (
        <p className="muted">{t('monitor.review.noParticipants')}</p>
      ) : null}
      {rows.length > 0 ? (
        <table className="responsive-table">
          <thead>
            <tr>
              <th scope="col">{t('monitor.common.participant')}</th>
              <th scope="col">{t('monitor.common.site')}</th>
              <th scope="col">{t('monitor.common.status')}</th>
              <th scope="col">{t('monitor.queryStatus.open')}</th>
              <th scope="col">{t('monitor.queryStatus.answered')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const q = unresolved.get(p.id) ?? { open: 0, answered: 0 };
              return (
                <tr key={p.id}>
                  <th scope="row" data-label={t('monitor.common.participant')}>
                    <span className="cell-title">{p.studyId}</span>
                  </th>
                  <td data-label={t('monitor.common.site')}>{p.siteCode}</td>
                  <td data-label={t('monitor.common.status')}>
                    {t(`monitor.participantStatus.${p.status}`)}
                  </td>
                  <td data-label={t('monitor.queryStatus.open')}>{format.number(q.open)}</td>
                  <td data-label={t('monitor.queryStatus.answered')}>{format.number(q.answered)}</td>
                  <td data-label={t('admin.actions')}>
                    <Link to={`/review/${p.id}`} className="button small">
                      {t('monitor.review.link')}
                      <span className="sr-only"> {p.studyId}</span>
                    </Link>
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

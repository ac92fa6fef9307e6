import type { QueryCounts } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReviewFormat } from '../review/time-format';

/** Unresolved queries (open and answered) per site and per participant. */
export function QueryCountsPanel({ counts, reviewLinks }: { counts: QueryCounts; reviewLinks: boolean }) {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const participants = counts.byParticipant.filter((p) => p.open + p.answered > 0);
  return (
    <section className="panel counts-panel" aria-labelledby="query-counts-title">
      <h2 id="query-counts-title">{t('monitor.queries.countsTitle')}</h2>
      <p>
        {t('monitor.queries.totals', {
          open: format.number(counts.total.open),
          answered: format.number(counts.total.answered),
        })}
      </p>
      <div className="counts-grid">
        <table className="compact-table">
          <caption>{t('monitor.queries.bySite')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitor.common.site')}</th>
              <th scope="col">{t('monitor.queryStatus.open')}</th>
              <th scope="col">{t('monitor.queryStatus.answered')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.bySite.map((s) => (
              <tr key={s.siteId}>
                <th scope="row">{s.siteCode}</th>
                <td>{format.number(s.open)}</td>
                <td>{format.number(s.answered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="compact-table">
          <caption>{t('monitor.queries.byParticipant')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitor.common.participant')}</th>
              <th scope="col">{t('monitor.queryStatus.open')}</th>
              <th scope="col">{t('monitor.queryStatus.answered')}</th>
            </tr>
          </thead>
          <tbody>
            {participants.length === 0 ? (
              <tr>
                <td colSpan={3} className="muted">
                  {t('monitor.queries.noneUnresolved')}
                </td>
              </tr>
            ) : (
              participants.map((p) => (
                <tr key={p.participantId}>
                  <th scope="row">
                    <Link to={`/queries?participantId=${p.participantId}`}>{p.studyId}</Link>
                    {reviewLinks ? (
                      <>
                        {' · '}
                        <Link to={`/review/${p.participantId}`}>
                          {t('monitor.review.link')}
                          <span className="sr-only"> {p.studyId}</span>
                        </Link>
                      </>
                    ) : null}
                  </th>
                  <td>{format.number(p.open)}</td>
                  <td>{format.number(p.answered)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

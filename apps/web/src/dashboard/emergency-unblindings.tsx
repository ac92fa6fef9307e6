import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReviewFormat } from '../review/time-format';
import type { DashboardView } from './dashboard-api';

/**
 * Emergency unblindings at the user's sites (R-BLIND-4). Blinded roles receive the number only,
 * so the list (participant, who, when, why) is laid out only when the answer carries it.
 */
export function EmergencyUnblindings({ data }: { data: DashboardView }) {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const list = 'emergencyUnblindings' in data ? data.emergencyUnblindings : null;
  return (
    <section className="panel" aria-labelledby="unblinding-title">
      <h2 id="unblinding-title">{t('monitor.dashboard.unblindings')}</h2>
      <p data-testid="unblinding-count">
        {t('monitor.dashboard.unblindingCount', { count: data.emergencyUnblindingCount })}
      </p>
      {list && list.length > 0 ? (
        <table className="compact-table">
          <thead>
            <tr>
              <th scope="col">{t('monitor.dashboard.unblindingColumns.participant')}</th>
              <th scope="col">{t('monitor.dashboard.unblindingColumns.when')}</th>
              <th scope="col">{t('monitor.dashboard.unblindingColumns.who')}</th>
              <th scope="col">{t('monitor.dashboard.unblindingColumns.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/participants/${u.participantId}`} className="mono">
                    {u.studyId}
                  </Link>
                </td>
                <td>{format.dateTime(u.unblindedAt)}</td>
                <td>{u.unblindedBy}</td>
                <td>{u.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

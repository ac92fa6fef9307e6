import type { VisitRecord } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { localized, visitDefinition } from '../forms/study';
import { VisitStatusBadge } from './status-badges';
import { useDates } from './use-dates';

/** The visit schedule: target date, inclusive window and status (protocol §5.1). */
export function ScheduleTable({ visits }: { visits: VisitRecord[] }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  return (
    <table className="responsive-table">
      <caption className="sr-only">{t('participants.visits.schedule')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('participants.visits.visit')}</th>
          <th scope="col">{t('participants.visits.target')}</th>
          <th scope="col">{t('participants.visits.window')}</th>
          <th scope="col">{t('participants.statusLabel')}</th>
        </tr>
      </thead>
      <tbody>
        {visits.map((v) => {
          const def = visitDefinition(v.visitCode);
          return (
            <tr key={v.id}>
              <th scope="row" data-label={t('participants.visits.visit')}>
                <span className="cell-title">{def ? localized(def.label, i18n.language) : v.visitCode}</span>
              </th>
              <td data-label={t('participants.visits.target')}>{dates.day(v.targetDate)}</td>
              <td data-label={t('participants.visits.window')}>{dates.range(v.windowStart, v.windowEnd)}</td>
              <td data-label={t('participants.statusLabel')}>
                <VisitStatusBadge status={v.status} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import type { VisitRecord } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import type { ParticipantStatus } from './participants-api';

const participantTone: Record<ParticipantStatus, string> = {
  screening: 'badge-info',
  screen_failed: 'badge-off',
  screening_closed: 'badge-off',
  enrolled: 'badge-info',
  randomized: 'badge-ok',
  completed: 'badge-ok',
  withdrawn: 'badge-warn',
};

export function ParticipantStatusBadge({ status }: { status: ParticipantStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${participantTone[status]}`}>{t(`participants.status.${status}`)}</span>;
}

const visitTone: Record<VisitRecord['status'], string> = {
  upcoming: 'badge-off',
  due: 'badge-info',
  overdue: 'badge-danger',
  missed: 'badge-warn',
  done: 'badge-ok',
};

export function VisitStatusBadge({ status }: { status: VisitRecord['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge ${visitTone[status]}`}>{t(`participants.visitStatus.${status}`)}</span>;
}

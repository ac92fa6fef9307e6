import type { FormRecord } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';

const tone: Record<FormRecord['status'], string> = {
  draft: 'badge-warn',
  complete: 'badge-info',
  signed: 'badge-ok',
  locked: 'badge-off',
};

/** Draft / complete / signed / locked, or "not started" when there is no record yet. */
export function RecordStatusBadge({ record }: { record: Pick<FormRecord, 'status'> | undefined }) {
  const { t } = useTranslation();
  if (!record) return <span className="badge badge-off">{t('participants.recordStatus.empty')}</span>;
  return (
    <span className={`badge ${tone[record.status]}`}>{t(`participants.recordStatus.${record.status}`)}</span>
  );
}

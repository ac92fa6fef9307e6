import type { OdiBand } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';

const tone: Record<OdiBand, string> = {
  minimal: 'badge-ok',
  moderate: 'badge-info',
  severe: 'badge-warn',
  crippled: 'badge-danger',
  bed_bound: 'badge-danger',
};

export function OdiBandBadge({ band }: { band: OdiBand }) {
  const { t } = useTranslation();
  return <span className={`badge ${tone[band]}`}>{t(`participants.odi.bands.${band}`)}</span>;
}

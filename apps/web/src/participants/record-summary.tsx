import { type FormRecord, odiBand } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { OdiBandBadge } from '../forms/odi-band-badge';
import { study } from '../forms/study';
import { useScoreFormat } from '../forms/use-score-format';
import { useDates } from './use-dates';

/** The one value that tells a record apart in a list (VAS mm, ODI %, BMI, a date). */
export function RecordSummary({ record }: { record: FormRecord }) {
  const { t } = useTranslation();
  const fmt = useScoreFormat();
  const dates = useDates();
  const d = record.data;
  const consent = study.roles.consent;
  if (record.formCode === consent.form) {
    const date = d[consent.dateField];
    return typeof date === 'string' ? <span>{dates.day(date)}</span> : null;
  }
  switch (study.forms.find((f) => f.code === record.formCode)?.instrument) {
    case 'visual_analogue_scale':
      return typeof d.vas_mm === 'number' ? <span>{d.vas_mm} mm</span> : null;
    case 'oswestry_disability_index':
      return typeof d.odi_pct_x10 === 'number' &&
        typeof d.odi_sum === 'number' &&
        typeof d.odi_answered === 'number' ? (
        <span className="inline-badges">
          {fmt.percent1(d.odi_pct_x10)} <OdiBandBadge band={odiBand(d.odi_sum, d.odi_answered)} />
        </span>
      ) : null;
    case 'body_mass_index':
      return typeof d.bmi === 'number' ? (
        <span>
          {t('participants.demographics.bmi')} {fmt.decimal1(Math.round(d.bmi * 10))}
        </span>
      ) : null;
    default: {
      const date = d.date ?? d.onset_date;
      return typeof date === 'string' ? <span>{dates.day(date)}</span> : null;
    }
  }
}

import { type VisitRecord, windowDeviation } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { TextAreaField } from '../components/field';
import { useDates } from '../participants/use-dates';
import { todayIso } from './study';

/** A visit whose forms are being entered outside its window, with no reason on file yet. */
export interface WindowWarning {
  kind: 'early' | 'late';
  windowStart: string;
  windowEnd: string;
}

/**
 * Whether entering a form of this visit today needs an out-of-window reason (R-VISIT-2), by the
 * same domain rule the server applies: the visit's date if it was marked done, else today.
 */
export function windowWarningOf(visit: VisitRecord | undefined): WindowWarning | null {
  if (!visit || visit.windowReasonOnFile || visit.outOfWindowReason || visit.status === 'missed') return null;
  const kind = windowDeviation(visit, visit.visitDate ?? todayIso());
  return kind ? { kind, windowStart: visit.windowStart, windowEnd: visit.windowEnd } : null;
}

/** The server's refusal of a save for want of an out-of-window reason, if that is what it was. */
export function isWindowRefusal(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.body?.error.fields ?? []).some((f) => f.path === 'body.outOfWindowReason')
  );
}

/** The warning shown before saving, with the reason the save will carry. */
export function WindowReasonField({
  warning,
  value,
  onChange,
  error,
}: {
  warning: WindowWarning;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const params = { windowStart: dates.day(warning.windowStart), windowEnd: dates.day(warning.windowEnd) };
  return (
    <div className="window-warning notice" data-testid="window-warning">
      <p>{t(warning.kind === 'early' ? 'dailyForm.windowEarly' : 'dailyForm.windowLate', params)}</p>
      <TextAreaField
        label={t('dailyForm.windowReason')}
        hint={t('dailyForm.windowReasonHint')}
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error ? { message: error } : undefined}
      />
    </div>
  );
}

import { useTranslation } from 'react-i18next';

/**
 * Calendar dates (YYYY-MM-DD) in the user's language. A date-only value is formatted at UTC noon
 * so no time zone can move it to the previous or next day.
 */
export function useDates() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'tr' ? 'tr-TR' : 'en-GB';
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const day = (iso: string | null | undefined) =>
    iso ? fmt.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : '—';
  return {
    day,
    range: (from: string, to: string) => `${day(from)} – ${day(to)}`,
    instant: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  };
}

import { useTranslation } from 'react-i18next';

/** Intl locale per interface language (as in i18n/format.ts: en-GB day-month order, tr-TR). */
function intlLocale(language: string): string {
  return language === 'tr' ? 'tr-TR' : 'en-GB';
}

const toSecond: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

/**
 * Times of the review screens. Audit times are shown to the second with their zone, in UTC and in
 * the browser's zone (design: time stamps unambiguous; EMA 2023 §6.2).
 */
export function useReviewFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return {
    locale,
    utc: (iso: string) =>
      new Intl.DateTimeFormat(locale, { ...toSecond, timeZone: 'UTC' }).format(new Date(iso)),
    local: (iso: string) => new Intl.DateTimeFormat(locale, toSecond).format(new Date(iso)),
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    /** "2026-11" → "Nov 2026" (the month is the study's; shown without a zone shift). */
    month: (month: string) =>
      new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${month}-01T00:00:00Z`),
      ),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
    percent: (fraction: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction),
  };
}

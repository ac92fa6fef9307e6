import { useTranslation } from 'react-i18next';

/** Intl locale per interface language; English uses day-month order, as at the Ankara sites. */
const intlLocale = { en: 'en-GB', tr: 'tr-TR' } as const;

function toIntl(language: string): string {
  return language === 'tr' ? intlLocale.tr : intlLocale.en;
}

/** Date and number formatting in the interface language, re-rendering when it changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = toIntl(i18n.language);
  return {
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    /** To the second with the zone, as audit times are shown (design: unambiguous times). */
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'long',
      }).format(new Date(iso)),
    time: (iso: string) =>
      new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
  };
}

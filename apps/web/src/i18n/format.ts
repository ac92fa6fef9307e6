import { useTranslation } from 'react-i18next';

/** Intl locale per interface language; English uses day-month order, as at the Ankara sites. */
const intlLocale = { en: 'en-GB', tr: 'tr-TR' } as const;

function toIntl(language: string): string {
  return language === 'tr' ? intlLocale.tr : intlLocale.en;
}

/** The user's time zone as the browser reports it (e.g. Europe/Istanbul). */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone's short name at that moment in the locale's words ("GMT+3"). */
function zoneName(locale: string, iso: string): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: userTimeZone(),
    timeZoneName: 'short',
  }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? userTimeZone();
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
    /**
     * A moment in the user's own time zone, named, in the interface language's style (the
     * session's end): the zone is the browser's in both languages, never the server's or UTC.
     */
    localDateTime: (iso: string) => {
      const at = new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: userTimeZone(),
      }).format(new Date(iso));
      return `${at} (${zoneName(locale, iso)})`;
    },
    time: (iso: string) =>
      new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
  };
}

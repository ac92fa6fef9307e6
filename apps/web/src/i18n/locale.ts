/**
 * The interface language before sign-in: the last one chosen on this device, else the browser's.
 * No i18next here: the sign-in page (src/main.tsx) reads it without loading the app.
 */
export type Locale = 'en' | 'tr';
export const locales: readonly Locale[] = ['en', 'tr'];

const storageKey = 'edc.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'tr';
}

export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked; the browser language still works.
  }
  return navigator.languages?.some((l) => l.toLowerCase().startsWith('tr')) ? 'tr' : 'en';
}

/** Remembers the choice on this device and marks the page's language. */
export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembering the choice on this device is harmless.
  }
  // Also a cookie, so the server's page names this language's text for the browser to fetch at
  // once (apps/api/src/plugins/app-preload.ts); a year, this site only, never sent cross-site.
  // biome-ignore lint/suspicious/noDocumentCookie: one fixed name and a checked locale code, nothing to escape; the Cookie Store API is missing from the tablets' older Safari
  document.cookie = `${storageKey}=${locale}; path=/; max-age=31536000; samesite=strict`;
  document.documentElement.lang = locale;
}

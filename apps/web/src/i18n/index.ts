import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { tr } from './tr';

export type Locale = 'en' | 'tr';
export const locales: readonly Locale[] = ['en', 'tr'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const storageKey = 'edc.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'tr';
}

/** Before sign-in: the last language chosen on this device, else the browser's language. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked; the browser language still works.
  }
  return navigator.languages?.some((l) => l.toLowerCase().startsWith('tr')) ? 'tr' : 'en';
}

/** Switches the interface language and remembers it on this device. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembering the choice on this device is harmless.
  }
  document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

const lng = initialLocale();
document.documentElement.lang = lng;

// Resources are bundled, so initialisation is synchronous and the first render is translated.
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, tr: { translation: tr } },
  lng,
  fallbackLng: 'en',
  supportedLngs: [...locales],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { i18n };

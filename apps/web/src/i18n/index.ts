import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Catalogue, catalogues, deskCatalogues } from './catalogues';
import type { DeskTranslation } from './desk.en';
import type { en } from './en';
import { initialLocale, isLocale, type Locale, locales, rememberLocale } from './locale';

export { type Locale, locales };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & DeskTranslation };
  }
}

const loaded = new Map<Locale, Promise<Catalogue>>();

function load(locale: Locale): Promise<Catalogue> {
  let catalogue = loaded.get(locale);
  if (!catalogue) {
    catalogue = catalogues[locale]().then((c) => {
      i18n.addResourceBundle(locale, 'translation', c.translation, true, true);
      return c;
    });
    // A failed download (network) is tried again next time rather than remembered.
    catalogue.catch(() => loaded.delete(locale));
    loaded.set(locale, catalogue);
  }
  return catalogue;
}

const loadedDesk = new Map<Locale, Promise<void>>();
let deskWanted = false;

function loadDesk(locale: Locale): Promise<void> {
  let desk = loadedDesk.get(locale);
  if (!desk) {
    desk = deskCatalogues[locale]().then((text) => {
      i18n.addResourceBundle(locale, 'translation', text, true, true);
    });
    desk.catch(() => loadedDesk.delete(locale));
    loadedDesk.set(locale, desk);
  }
  return desk;
}

/**
 * A desk screen's loader that also fetches the desk text (src/i18n/catalogues.ts) in the current
 * language, in parallel, so the screen draws with its words. Once a desk screen has been opened, a
 * change of language loads that language's desk text too (applyLocale).
 */
export function withDeskText<M>(load: () => Promise<M>): () => Promise<M> {
  return () => {
    deskWanted = true;
    return Promise.all([load(), loadDesk(currentLocale())]).then(([module]) => module);
  };
}

/** Switches the interface language (loading its text first) and remembers it on this device. */
export async function applyLocale(locale: Locale): Promise<void> {
  await load(locale);
  // Checked after the wait, so a desk screen opened meanwhile also gets the new language's words.
  if (deskWanted) await loadDesk(locale);
  rememberLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

const lng = initialLocale();
document.documentElement.lang = lng;
// Requested as soon as this module runs, in parallel with the rest of the start-up.
const first = load(lng);

void i18n.use(initReactI18next).init({
  resources: {},
  lng,
  // Both catalogues have every key (tr.ts is typed by en.ts), so there is nothing to fall back to.
  fallbackLng: false,
  supportedLngs: [...locales],
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Resolves once the first language's text is in place: main.tsx renders after it. */
export function i18nReady(): Promise<void> {
  return first.then(() => undefined);
}

export { i18n };

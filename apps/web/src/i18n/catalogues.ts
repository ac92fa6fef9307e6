import type { Translation } from './en';
import type { Locale } from './locale';

export interface Catalogue {
  translation: Translation;
  /** The contracts' and the API's English sentences in this language (none for English). */
  sentences: Record<string, string>;
}

/**
 * Each language is its own chunk, fetched only when that language is used: a Turkish tablet never
 * downloads the English text and the other way round (docs/architecture.md, "Web delivery").
 */
export const catalogues: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import('./en').then((m) => ({ translation: m.en, sentences: {} })),
  tr: () =>
    Promise.all([import('./tr'), import('./tr-messages')]).then(([m, s]) => ({
      translation: m.tr,
      sentences: s.trMessages,
    })),
};

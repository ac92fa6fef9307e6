import type { DeskTranslation } from './desk.en';
import type { Translation } from './en';
import type { Locale } from './locale';

/**
 * A language's text. The server and the contracts speak in codes with parameters (docs/errors.md),
 * which this text words: there is no table of English sentences to translate.
 */
export interface Catalogue {
  translation: Translation;
}

/**
 * Each language is its own chunk, fetched only when that language is used: a Turkish tablet never
 * downloads the English text and the other way round (docs/architecture.md, "Web delivery").
 */
export const catalogues: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import('./en').then((m) => ({ translation: m.en })),
  tr: () => import('./tr').then((m) => ({ translation: m.tr })),
};

/**
 * The desk screens' text (administration, study definition, exports, close-out, audit trail), a
 * chunk per language of its own: the bedside screens (list, participant, forms) never load it.
 */
export const deskCatalogues: Record<Locale, () => Promise<DeskTranslation>> = {
  en: () => import('./desk.en').then((m) => m.deskEn),
  tr: () => import('./desk.tr').then((m) => m.deskTr),
};

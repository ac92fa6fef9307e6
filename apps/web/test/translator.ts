import { createInstance } from 'i18next';
import { deskEn } from '../src/i18n/desk.en';
import { deskTr } from '../src/i18n/desk.tr';
import { en } from '../src/i18n/en';
import { tr } from '../src/i18n/tr';

/** The app's catalogues in one language, without a browser: for tests that word codes. */
export async function translator(lng: 'en' | 'tr') {
  const i18n = createInstance();
  await i18n.init({
    resources: { en: { translation: { ...en, ...deskEn } }, tr: { translation: { ...tr, ...deskTr } } },
    lng,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

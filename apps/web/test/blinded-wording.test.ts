import { armRevealingTerms, lbpTrial } from '@mini-edc/domain';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { tr } from '../src/i18n/tr';

/**
 * What a blinded viewer reads where something is absent (R-BLIND-2): the agreed neutral words in
 * English and Turkish, and nothing in them that names an arm, a treatment or a revealing choice.
 */
describe('the note on what is not shown to blinded assessors', () => {
  it('says it in the agreed words', () => {
    expect(en.blinding.notShown).toBe('Not shown to blinded assessors');
    expect(tr.blinding.notShown).toBe('Maskelenmiş değerlendiricilere gösterilmez');
    for (const text of Object.values(en.blinding))
      expect(text.toLowerCase()).toContain('not shown to blinded assessors');
    for (const text of Object.values(tr.blinding)) {
      expect(text.toLowerCase()).toContain('maskelenmiş değerlendiricilere gösterilmez');
    }
  });

  it('names no arm, treatment or revealing choice in either language', () => {
    const terms = [
      ...armRevealingTerms(lbpTrial),
      'dextrose',
      'dekstroz',
      'injection',
      'enjeksiyon',
      'mobili',
    ].map((term) => term.toLowerCase());
    for (const text of [...Object.values(en.blinding), ...Object.values(tr.blinding)]) {
      expect(
        terms.filter((term) => text.toLowerCase().includes(term)),
        text,
      ).toEqual([]);
    }
  });
});

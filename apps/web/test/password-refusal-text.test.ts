import { describe, expect, it } from 'vitest';
import { codedFieldText } from '../src/i18n/field-codes';
import { translator } from './translator';

// Coded field refusals (docs/errors.md, "Field codes"), worded in both languages: passwords
// (docs/security.md, control 3) and dates.

const path = 'body.newPassword';

describe('coded password refusals beside the field', () => {
  it('words the length rule with its minimum in English and Turkish', async () => {
    const field = {
      path,
      message: 'Use at least 12 characters',
      code: 'PASSWORD_TOO_SHORT',
      params: { min: 12 },
    };
    expect(codedFieldText(field, await translator('en'))).toBe('Use at least 12 characters.');
    expect(codedFieldText(field, await translator('tr'))).toBe('En az 12 karakter kullanın.');
  });

  it('says why a password is guessable, in each language', async () => {
    const field = {
      path,
      message: 'This password is too easy to guess',
      code: 'PASSWORD_TOO_GUESSABLE',
      params: { reason: 'common' },
    };
    expect(codedFieldText(field, await translator('en'))).toBe(
      'This password is too easy to guess. It is a commonly used password.',
    );
    expect(codedFieldText(field, await translator('tr'))).toBe(
      'Bu parola çok kolay tahmin edilir. Yaygın olarak kullanılan bir parola.',
    );
  });

  it('falls back to a general reason for one it does not know, and to a general refusal for an unknown code', async () => {
    const t = await translator('en');
    const unknownReason = { path, message: 'x', code: 'PASSWORD_TOO_GUESSABLE', params: { reason: 'novel' } };
    expect(codedFieldText(unknownReason, t)).toBe(
      'This password is too easy to guess. Add a few more uncommon words.',
    );
    expect(codedFieldText({ path, message: 'Already in use' }, t)).toBe('This value was refused.');
  });

  it('words the own-sites refusal (docs/security.md, control 6) in both languages', async () => {
    const field = { path: 'body.siteIds', message: 'You cannot change your own sites', code: 'OWN_SITES' };
    expect(codedFieldText(field, await translator('en'))).toBe(
      'You cannot change your own sites; another admin can.',
    );
    expect(codedFieldText(field, await translator('tr'))).toBe(
      'Kendi merkezlerinizi değiştiremezsiniz; bunu başka bir yönetici yapabilir.',
    );
  });
});

describe('ODI statement load refusals', () => {
  it('are worded in both languages, the language named, not coded', async () => {
    const field = {
      path: 'body.csv',
      message: 'tr: 1 statements missing',
      code: 'ODI_STATEMENTS_INCOMPLETE',
      params: { language: 'tr', missing: 1, section: 4, index: 2 },
    };
    expect(codedFieldText(field, await translator('en'))).toBe(
      'Türkçe: 1 statements missing; the first is section 4, statement 2.',
    );
    expect(codedFieldText(field, await translator('tr'))).toBe(
      'Türkçe: 1 ifade eksik; ilki 4. bölümün 2 numaralı ifadesi.',
    );
  });
});

describe('coded date refusals beside a field outside the study forms (a visit date)', () => {
  it('names the milestone or the fixed date in English and Turkish', async () => {
    const early = {
      path: 'body.visitDate',
      message: 'Visit date cannot be before randomization (2026-01-20)',
      code: 'DATE_TOO_EARLY',
      params: { kind: 'event', ref: 'randomization', date: '2026-01-20' },
    };
    expect(codedFieldText(early, await translator('en'))).toBe(
      'Cannot be before randomization (2026-01-20).',
    );
    expect(codedFieldText(early, await translator('tr'))).toMatch(
      /^randomizasyon.*\(2026-01-20\) öncesinde olamaz\.$/i,
    );
    const fixed = {
      ...early,
      code: 'DATE_TOO_LATE',
      params: { kind: 'date', ref: '2100-12-31', date: '2100-12-31' },
    };
    expect(codedFieldText(fixed, await translator('en'))).toBe('Cannot be after 2100-12-31.');
  });
});

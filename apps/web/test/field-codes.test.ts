import { fieldCodes, fieldMessages } from '@mini-edc/domain';
import { describe, expect, it } from 'vitest';
import { codedFieldText } from '../src/i18n/field-codes';
import { fieldMessagesEn } from '../src/i18n/field-messages.en';
import { fieldMessagesTr } from '../src/i18n/field-messages.tr';
import { translator } from './translator';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** A value for every parameter a field code's text names (numbers and dates, as the server sends). */
const sample = (code: string) =>
  Object.fromEntries(placeholders(fieldMessages[code as keyof typeof fieldMessages]).map((p) => [p, 7]));

describe('every field code the server can send has English and Turkish text', () => {
  it('knows the codes it checks (generic zod codes, services, CSV rows)', () => {
    expect(fieldCodes).toEqual(
      expect.arrayContaining([
        'FIELD_REQUIRED',
        'TOO_SHORT',
        'INVALID_CHOICE',
        'EMAIL_TAKEN',
        'ROW_ARM_UNKNOWN',
      ]),
    );
  });

  it.each([...fieldCodes])('%s', async (code) => {
    const [en, tr] = [await translator('en'), await translator('tr')];
    for (const catalogue of [fieldMessagesEn, fieldMessagesTr]) {
      expect(catalogue[code]?.trim(), code).toBeTruthy();
      expect(placeholders(catalogue[code]), code).toEqual(placeholders(fieldMessages[code]));
    }
    const field = { path: 'body.x', message: 'English from the server', code, params: sample(code) };
    const english = codedFieldText(field, en);
    const turkish = codedFieldText(field, tr);
    for (const text of [english, turkish]) {
      // Worded, filled, never the server's sentence, the code or a formula.
      expect(text, code).not.toMatch(/\{\{|English from the server|round\(|×/);
      expect(text, code).not.toContain(code);
    }
    expect(turkish, code).not.toEqual(english);
  });

  it('has no text for a code the server does not know', () => {
    expect(Object.keys(fieldMessagesEn).sort()).toEqual([...fieldCodes].sort());
    expect(Object.keys(fieldMessagesTr).sort()).toEqual([...fieldCodes].sort());
  });
});

describe('a Turkish user reads Turkish for the server field codes', () => {
  const cases = [
    // A zod type error on an absent field, a too-short value, an invalid enum.
    [{ code: 'FIELD_REQUIRED', params: {} }, 'Bu alanı doldurun.'],
    [{ code: 'TOO_SHORT', params: { minimum: 3 } }, 'En az 3 karakter kullanın.'],
    [{ code: 'INVALID_CHOICE', params: { options: 'en, tr' } }, 'Sunulan değerlerden birini seçin.'],
    [{ code: 'INVALID_FORMAT', params: { format: 'email' } }, 'Bir e-posta adresi girin, ör. ad@ornek.org.'],
    // A service refusal and a CSV row problem.
    [{ code: 'EMAIL_TAKEN', params: {} }, 'Bu e-posta adresiyle kayıtlı bir kullanıcı zaten var.'],
    [
      { code: 'ROW_ARM_UNKNOWN', params: { row: 2, column: 'arm', arm: 'PLACEBO' } },
      '2. satır: PLACEBO çalışmanın bir kolu değil.',
    ],
  ] as const;

  it.each(cases)('%o', async (coded, expected) => {
    const tr = await translator('tr');
    expect(codedFieldText({ path: 'body.x', message: 'English', ...coded }, tr)).toBe(expected);
  });

  it('words a code it does not know as refused, never the server sentence', async () => {
    const field = {
      path: 'body.x',
      message: 'Too small: expected string to have >=3 characters',
      code: 'NEW_CODE',
    };
    expect(codedFieldText(field, await translator('tr'))).toBe('Bu değer kabul edilmedi.');
    expect(codedFieldText({ ...field, code: undefined }, await translator('en'))).toBe(
      'This value was refused.',
    );
  });
});

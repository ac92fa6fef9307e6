import {
  changePasswordRequestSchema,
  closeScreeningRequestSchema,
  createSiteRequestSchema,
  lbpTrial,
  signVisitRequestSchema,
  type VerifyAllocationRequest,
  verifyAllocationRequestSchema,
} from '@mini-edc/domain';
import type { FieldValues, Resolver } from 'react-hook-form';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { studyFormResolver } from '../../src/forms/form-resolver';
import { applyLocale } from '../../src/i18n';
import { codedResolver } from '../../src/lib/coded-resolver';

/** The message of each field the resolver refuses, as react-hook-form would show it. */
async function messages<T extends FieldValues, O>(resolver: Resolver<T, unknown, O>, values: T) {
  const result = await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return Object.fromEntries(
    Object.entries(result.errors).map(([name, error]) => [name, (error as { message?: string }).message]),
  );
}

afterAll(() => applyLocale('en'));

describe('browser checks of the domain contracts read like the server field codes, in the interface language', () => {
  it('words a short reason and an empty password in Turkish, never the contract sentence', async () => {
    await applyLocale('tr');
    expect(await messages(codedResolver(closeScreeningRequestSchema), { reason: 'x' })).toEqual({
      reason: 'En az 3 karakter kullanın.',
    });
    expect(await messages(codedResolver(signVisitRequestSchema), { password: '' })).toEqual({
      password: 'Bu alanı doldurun.',
    });
    const site = await messages(codedResolver(createSiteRequestSchema), { code: 'site 3', name: '' });
    expect(site).toEqual({
      code: 'Bir büyük harf ve iki rakam kullanın, ör. S03.',
      name: 'En az 2 karakter kullanın.',
    });
  });

  it('says what a typed pattern should look like (a site code, a seed), in Turkish and English', async () => {
    await applyLocale('tr');
    const seed: VerifyAllocationRequest = { listId: '00000000-0000-4000-8000-000000000000', seedHex: 'abc' };
    expect(await messages(codedResolver(verifyAllocationRequestSchema), seed)).toEqual({
      seedHex: 'Tohum 64 onaltılık basamaktan oluşur.',
    });
    await applyLocale('en');
    expect(await messages(codedResolver(createSiteRequestSchema), { code: 's3', name: 'Ankara' })).toEqual({
      code: 'Use a capital letter and two digits, e.g. S03.',
    });
    expect(await messages(codedResolver(verifyAllocationRequestSchema), seed)).toEqual({
      seedHex: 'The seed is 64 hexadecimal digits.',
    });
  });

  it('words a contract refinement by its code, and a screen’s own refinement by its own text', async () => {
    await applyLocale('tr');
    const answers = z.object({
      answer: z.custom((v) => v === 'yes', { params: { code: 'ANSWER_YES_OR_NO' } }),
    });
    expect(await messages(codedResolver(answers), { answer: 'maybe' })).toEqual({
      answer: 'Evet veya hayır yanıtını verin.',
    });
    const own = z.object({ a: z.string() }).superRefine((_, ctx) => {
      ctx.addIssue({
        code: 'custom',
        path: ['a'],
        message: 'Parolalar aynı değil',
        params: { worded: true },
      });
    });
    expect(await messages(codedResolver(own), { a: '' })).toEqual({ a: 'Parolalar aynı değil' });
    const unchanged = { currentPassword: 'Same-Pass-42', newPassword: 'Same-Pass-42' };
    const refused = await messages(codedResolver(changePasswordRequestSchema), unchanged);
    expect(refused.newPassword).toBe('Yeni parola mevcut paroladan farklı olmalı.');
  });

  it('words the same refusals in English from the same catalogue', async () => {
    await applyLocale('en');
    expect(await messages(codedResolver(closeScreeningRequestSchema), { reason: '' })).toEqual({
      reason: 'Use at least 3 characters.',
    });
  });

  it('words a correction without a reason, or with too short a one, from field codes (en, tr)', async () => {
    const form = lbpTrial.forms[0];
    if (!form) throw new Error('fixture');
    const resolver = studyFormResolver(
      form,
      () => 'draft',
      () => true,
    );
    const reasonOf = async (reason: string) => {
      const result = await resolver({ data: {}, reason }, undefined, {
        fields: {},
        shouldUseNativeValidation: false,
      });
      return result.errors.reason?.message;
    };
    await applyLocale('tr');
    expect(await reasonOf('  ')).toBe('Bir gerekçe yazın.');
    expect(await reasonOf('ab')).toBe('En az 3 karakter kullanın.');
    await applyLocale('en');
    expect(await reasonOf('')).toBe('Give a reason.');
  });

  it('passes valid values through as the contract parses them', async () => {
    const result = await codedResolver(closeScreeningRequestSchema)({ reason: '  Moved away  ' }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(result).toEqual({ values: { reason: 'Moved away' }, errors: {} });
  });
});

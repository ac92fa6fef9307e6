import { fieldError } from '@mini-edc/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/client';
import { applyLocale } from '../../src/i18n';
import { readinessRefusalText } from '../../src/participants/api-errors';

/** A refused randomization as the API sends it (apps/api/src/services/randomization.ts). */
const refusal = new ApiError(409, {
  error: {
    code: 'BASELINE_OUT_OF_WINDOW',
    message: 'The baseline VAS and ODI must be assessed between 2026-01-03 and 2026-01-10.',
    messageCode: 'READY_BASELINE_OUT_OF_WINDOW',
    params: { from: '2026-01-03', to: '2026-01-10' },
    fields: [
      fieldError('participant', 'BASELINE_OUT_OF_WINDOW', {
        form: 'vas',
        from: '2026-01-03',
        to: '2026-01-10',
      }),
      fieldError('participant', 'BASELINE_OUT_OF_WINDOW', {
        form: 'odi',
        from: '2026-01-03',
        to: '2026-01-10',
      }),
    ],
  },
});
const day = (lng: string) => (iso: string) =>
  new Intl.DateTimeFormat(lng === 'tr' ? 'tr-TR' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

afterAll(() => applyLocale('en'));

describe('a refused randomization names each baseline form by label, with dates in the interface language', () => {
  it('in English', async () => {
    await applyLocale('en');
    expect(readinessRefusalText(refusal, day('en'))).toBe(
      'The baseline Pain (VAS) was assessed outside 3 Jan 2026 to 10 Jan 2026. ' +
        'The baseline Oswestry Disability Index was assessed outside 3 Jan 2026 to 10 Jan 2026.',
    );
  });

  it('in Turkish, never the server sentence, a form code or an ISO date', async () => {
    await applyLocale('tr');
    const text = readinessRefusalText(refusal, day('tr'));
    expect(text).toBe(
      'Başlangıç Ağrı (VAS) formu 3 Oca 2026 – 10 Oca 2026 aralığının dışında değerlendirildi. ' +
        'Başlangıç Oswestry Disabilite İndeksi formu 3 Oca 2026 – 10 Oca 2026 aralığının dışında değerlendirildi.',
    );
    expect(text).not.toMatch(/2026-01|vas|odi|must be/);
  });

  it('leaves a refusal without readiness fields to the usual wording', () => {
    expect(readinessRefusalText(new ApiError(409, null), day('en'))).toBeNull();
  });
});

import { type FormDefinition, lbpTrial, validateFormData } from '@mini-edc/domain';
import { describe, expect, it } from 'vitest';
import { formIssueText } from '../src/forms/form-issue-text';
import { translator } from './translator';

const formOf = (code: string): FormDefinition => {
  const form = lbpTrial.forms.find((f) => f.code === code);
  if (!form) throw new Error(`no form ${code}`);
  return form;
};

const context = {
  today: '2026-03-10',
  timeZone: 'Europe/Istanbul',
  visitRole: 'baseline' as const,
  events: {},
};

/** An instrument rule refused by the one validator, worded as a person reads it beside the field. */
async function worded(code: string, data: Record<string, unknown>, field: string) {
  const form = formOf(code);
  const result = validateFormData(form, 'complete', data, context);
  const issue = result.success ? undefined : result.issues.find((i) => i.path[0] === field);
  if (!issue) throw new Error(`no issue on ${field}`);
  const out: Record<string, string | null> = {};
  for (const lng of ['en', 'tr'] as const)
    out[lng] = formIssueText(form, field, issue, await translator(lng), lng);
  return out;
}

// Field codes (vas_mm, q8NotApplicable) and developer notation never reach a person.
const developerNotation = /[a-z]+_[a-z_]+|q8NotApplicable|round\(|×/;

describe('instrument rules beside the field, in English and Turkish', () => {
  it('states the VAS a paper mark gives, with the field label and no formula', async () => {
    const text = await worded(
      'vas',
      {
        vas_mm: 60,
        vas_method: 'paper',
        vas_mark_mm: 78,
        vas_line_length_mm: 120,
        assessed_at: '2026-03-09T10:00:00.000Z',
        assessor_id: 'a',
      },
      'vas_mm',
    );
    expect(text.en).toMatch(/78 mm on a 120 mm line is 65 mm/);
    expect(text.tr).toMatch(/120 mm’lik çizgide 78 mm’deki bir işaret için .* 65 mm’dir/);
    for (const t of Object.values(text)) expect(t).not.toMatch(developerNotation);
  });

  it('says why section 8 cannot be both not applicable and answered', async () => {
    const answers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q${i + 1}`, 1]));
    const text = await worded(
      'odi',
      { ...answers, q8NotApplicable: true, odi_version: '2.1a-en', assessed_at: '2026-03-09T10:00:00.000Z' },
      'q8NotApplicable',
    );
    expect(text.en).toMatch(/Section 8 is marked not applicable/);
    expect(text.tr).toMatch(/Bölüm 8 uygulanamaz/);
    for (const t of Object.values(text)) expect(t).not.toMatch(developerNotation);
  });
});

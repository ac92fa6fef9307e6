import { codedFieldIssues, lbpTrialInput, studyDefinitionSchema } from '@mini-edc/domain';
import { describe, expect, it } from 'vitest';
import { definitionProblemLines } from '../src/admin/definition-problem-text';
import { translator } from './translator';

/** The field errors the API sends for a draft (apps/api/src/plugins/errors.ts does the same mapping). */
function refusalOf(draft: unknown) {
  const result = studyDefinitionSchema.safeParse(draft);
  return (result.error?.issues ?? []).flatMap((issue) =>
    codedFieldIssues(issue.code, issue, false).map((coded) => ({
      path: ['body', 'definition', ...issue.path.map(String), ...coded.at].join('.'),
      message: issue.message,
      code: coded.code,
      params: coded.params,
    })),
  );
}

/** A draft with a form-less visit reference, a reversed range, a bad consent role and a bad shape. */
function brokenDraft() {
  const def = structuredClone(lbpTrialInput) as unknown as typeof lbpTrialInput;
  def.visits[2] = { ...(def.visits[2] as (typeof def.visits)[number]), forms: ['no_such_form'] };
  const vas = def.forms.find((f) => f.code === 'vas');
  const field = vas?.fields.find((f) => f.type === 'integer');
  if (!vas || !field) throw new Error('fixture');
  field.min = 200;
  field.max = 100;
  def.roles = { ...def.roles, consent: { ...def.roles.consent, dateField: 'signed_on' } };
  const visit = def.visits[1] as (typeof def.visits)[number];
  def.visits[1] = { ...visit, windowBefore: -1 };
  return { def, vas, field, visit };
}

describe('an amendment refused for its definition reads in the interface language', () => {
  it.each(['en', 'tr'] as const)(
    'names forms, fields and visits by label, never by path (%s)',
    async (lng) => {
      const { def, vas, field, visit } = brokenDraft();
      const lines = definitionProblemLines(refusalOf(def), def, lng, await translator(lng));
      expect(lines).toHaveLength(4);
      for (const line of lines) {
        // No path, no server English in Turkish, no code of the catalogue.
        expect(line).not.toMatch(/\[\d+\]|\.\d+\.|body\.|definition\.|DEF_|FIELD_/);
        expect(line).not.toMatch(/\{\{/);
      }
      const joined = lines.join('\n');
      expect(joined).toContain(vas.label[lng]);
      expect(joined).toContain(field.label[lng]);
      expect(joined).toContain(visit.label[lng]);
      expect(joined).toContain('no_such_form');
      expect(joined).toContain('signed_on');
    },
  );

  it('words the problems in Turkish', async () => {
    const { def, vas, field, visit } = brokenDraft();
    const lines = definitionProblemLines(refusalOf(def), def, 'tr', await translator('tr'));
    expect(lines).toEqual([
      `“${visit.label.tr}” vizitesi › windowBefore: 0 veya daha büyük bir değer girin.`,
      `“${(def.visits[2] as { label: { tr: string } }).label.tr}” vizitesi › forms › 1. öğe: Tanımda “no_such_form” adlı bir form yok.`,
      `“${vas.label.tr}” formunun “${field.label.tr}” alanı: en düşük değer 200, en yüksek değer 100 değerinden büyük.`,
      'Formların rolleri › consent › dateField: “Bilgilendirilmiş onam” formunda “signed_on” alanı yok.',
    ]);
  });
});

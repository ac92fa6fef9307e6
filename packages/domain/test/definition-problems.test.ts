import { describe, expect, it } from 'vitest';
import { fieldCodes } from '../src/contracts/field-codes';
import { studyDefinitionProblems } from '../src/study/definition-checks';
import { definitionProblemCodes, definitionProblemMessages } from '../src/study/definition-problems';
import { studyDefinitionObjectSchema, studyDefinitionSchema } from '../src/study/definition-schema';
import { lbpTrialInput } from '../src/study/lbp-trial';

const clone = () => structuredClone(lbpTrialInput) as unknown as typeof lbpTrialInput;

/** A definition with one problem of several kinds: duplicates, unknown forms, ranges, roles, rules. */
function broken() {
  const def = clone();
  def.visits[3] = { ...def.visits[3], code: 'W1', forms: ['vas', 'sf36'] } as (typeof def.visits)[number];
  def.enrollment = { target: 80, cap: 75 };
  const vas = def.forms.find((f) => f.code === 'vas');
  const field = vas?.fields.find((f) => f.type === 'integer' || f.type === 'decimal');
  if (!vas || !field) throw new Error('fixture');
  field.min = 200;
  field.max = 100;
  def.roles = { ...def.roles, consent: { ...def.roles.consent, dateField: 'signed_on' } };
  return { def, field: field.name };
}

describe('study definition problems as codes with parameters (docs/errors.md "Field codes")', () => {
  it('names each problem by code, with the forms, fields and visits it concerns', () => {
    const { def, field } = broken();
    const problems = studyDefinitionProblems(studyDefinitionObjectSchema.parse(def));
    expect(problems.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'DEF_DUPLICATE_VISIT', params: { code: 'W1' } },
      { code: 'DEF_FORM_UNDEFINED', params: { form: 'sf36' } },
      { code: 'DEF_MIN_ABOVE_MAX', params: { form: 'vas', field, min: 200, max: 100 } },
      { code: 'DEF_TARGET_ABOVE_CAP', params: { target: 80, cap: 75 } },
      { code: 'DEF_FIELD_UNDEFINED', params: { form: 'consent', field: 'signed_on' } },
    ]);
  });

  it('carries the code and parameters on the zod issue the API turns into a field error', () => {
    const result = studyDefinitionSchema.safeParse(broken().def);
    const custom = result.error?.issues.filter((i) => i.code === 'custom') ?? [];
    expect(custom).toHaveLength(5);
    for (const issue of custom) {
      const params = 'params' in issue ? issue.params : undefined;
      expect(definitionProblemCodes).toContain(params?.code);
      // The English names things by code, never by a path into the document.
      expect(issue.message).not.toMatch(/\[\d+\]|forms\.|visits\./);
    }
  });

  it('is a field code with an English sentence for every problem', () => {
    for (const code of definitionProblemCodes) {
      expect(fieldCodes).toContain(code);
      expect(definitionProblemMessages[code]).toMatch(/\.$/);
    }
  });
});

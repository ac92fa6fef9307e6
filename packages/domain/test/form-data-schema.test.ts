import { describe, expect, it } from 'vitest';
import { formDataSchema, withDerivedFields } from '../src/forms/form-data-schema';
import type { FormRuleContext } from '../src/forms/form-rules';
import { validateFormData } from '../src/forms/validate-form-data';
import type { FormDefinition } from '../src/study/definition-schema';
import { field, option, text, YES_NO_ONLY_YES } from '../src/study/field-builders';
import { lbpTrial } from '../src/study/lbp-trial';

// One field of every type, so each edit check the API and the web share is seen on its own
// (docs/requirements.md R-REC-1: the form's rules come from the study definition). A new object
// at every call: formDataSchema caches a schema per form object, and a schema built by an earlier
// test would leave the later ones unable to notice a mutant of its construction
// (docs/testing.md "Speed").
const probe = (): FormDefinition => ({
  code: 'probe',
  label: text('Probe', 'Deneme'),
  repeating: false,
  fields: [
    field('age', text('Age', 'Yaş'), 'integer', { min: 18, max: 65 }),
    field('weight', text('Weight', 'Kilo'), 'decimal', { min: 30, max: 250, required: false }),
    field('note', text('Note', 'Not'), 'text', { required: false }),
    field('assessor', text('Assessor', 'Değerlendiren'), 'user_ref', { required: false }),
    field('visit_date', text('Visit date', 'Vizit tarihi'), 'date', { required: false }),
    field('seen_at', text('Seen at', 'Görülme zamanı'), 'datetime', { required: false }),
    field('smoker', text('Smoker', 'Sigara'), 'yes_no', { required: false }),
    field('consented', text('Consent given', 'Onam verildi'), 'yes_no', {
      required: false,
      allowedValues: YES_NO_ONLY_YES,
    }),
    field('flag', text('Flag', 'İşaret'), 'boolean', { required: false }),
    field('side', text('Side', 'Taraf'), 'choice', {
      required: false,
      allowedValues: [option('left', 'Left', 'Sol'), option('right', 'Right', 'Sağ')],
    }),
    field('levels', text('Levels', 'Seviyeler'), 'multi_choice', {
      allowedValues: [option('L4_L5', 'L4–L5', 'L4–L5'), option('L5_S1', 'L5–S1', 'L5–S1')],
    }),
    field('score', text('Score', 'Skor'), 'integer', { derived: true }),
  ],
});

function issuesOf(form: FormDefinition, mode: 'draft' | 'complete', data: Record<string, unknown>) {
  const result = formDataSchema(form, mode).safeParse(data);
  return result.success ? [] : result.error.issues;
}
const only = (data: Record<string, unknown>, mode: 'draft' | 'complete' = 'draft') =>
  issuesOf(probe(), mode, data).map((i) => ({ path: i.path, message: i.message }));
/** A copy of a form of the trial, so no test reads a schema another test built (see probe). */
const formOf = (code: string): FormDefinition => {
  const form = lbpTrial.forms.find((f) => f.code === code);
  if (!form) throw new Error(`the trial has a ${code} form`);
  return structuredClone(form);
};

describe('formDataSchema: one edit check per field type', () => {
  it('bounds numbers inclusively and names the field and the bound', () => {
    expect(only({ age: 18, weight: 30 })).toEqual([]);
    expect(only({ age: 65, weight: 250 })).toEqual([]);
    expect(only({ age: 17 })).toEqual([{ path: ['age'], message: 'Age must be at least 18' }]);
    expect(only({ age: 66 })).toEqual([{ path: ['age'], message: 'Age must be at most 65' }]);
    expect(only({ age: 20.5 })).toEqual([{ path: ['age'], message: 'Age must be a whole number' }]);
    expect(only({ weight: 'heavy' })).toEqual([{ path: ['weight'], message: 'Weight must be a number' }]);
    expect(only({ weight: 29.9 })).toEqual([{ path: ['weight'], message: 'Weight must be at least 30' }]);
    expect(only({ weight: 72.5 })).toEqual([]);
    // A number without bounds takes any whole number.
    const count = { ...probe(), fields: [field('count', text('Count', 'Sayı'), 'integer')] };
    expect(issuesOf(count, 'complete', { count: -1_000_000 })).toEqual([]);
    expect(issuesOf(count, 'complete', { count: 1_000_000 })).toEqual([]);
  });

  it('trims text, bounds its length and refuses what is not text', () => {
    expect(formDataSchema(probe(), 'draft').parse({ note: '  hi  ' })).toEqual({ note: 'hi' });
    expect(only({ note: 5 })).toEqual([{ path: ['note'], message: 'Note must be text' }]);
    expect(only({ assessor: 5 })).toEqual([{ path: ['assessor'], message: 'Assessor must be text' }]);
    expect(only({ note: 'a'.repeat(2000) })).toEqual([]);
    expect(only({ note: 'a'.repeat(2001) })).toEqual([{ path: ['note'], message: 'Note is too long' }]);
    const bad = issuesOf(probe(), 'draft', { note: 'a\u0000b' });
    expect(bad).toMatchObject([
      {
        path: ['note'],
        message: 'Note contains characters that are not text',
        params: { code: 'TEXT_INVALID_CHARACTERS' },
      },
    ]);
  });

  it('takes dates as YYYY-MM-DD and date-times with their offset', () => {
    expect(only({ visit_date: '2025-03-01', seen_at: '2025-03-01T10:00:00+03:00' })).toEqual([]);
    expect(only({ seen_at: '2025-03-01T07:00:00Z' })).toEqual([]);
    expect(only({ visit_date: '01.03.2025' })).toEqual([
      { path: ['visit_date'], message: 'Visit date must be a date (YYYY-MM-DD)' },
    ]);
    expect(only({ seen_at: '2025-03-01' })).toEqual([
      { path: ['seen_at'], message: 'Seen at must be a date and time (ISO 8601)' },
    ]);
  });

  it('takes yes or no, true or false, and only the listed choices', () => {
    expect(only({ smoker: 'no', flag: false, side: 'left', levels: ['L4_L5', 'L5_S1'] })).toEqual([]);
    expect(only({ smoker: 'maybe' })).toEqual([{ path: ['smoker'], message: 'Smoker: answer yes or no' }]);
    expect(only({ flag: 'true' })).toEqual([{ path: ['flag'], message: 'Flag must be true or false' }]);
    expect(only({ side: 'up' })).toEqual([{ path: ['side'], message: 'Side: choose one of left, right' }]);
    expect(only({ levels: ['L4_L5', 'L3_L4'] })).toEqual([
      { path: ['levels', 1], message: 'Levels: choose from L4_L5, L5_S1' },
    ]);
  });

  it('restricts a yes/no to its allowed values, and names them', () => {
    expect(only({ consented: 'yes' })).toEqual([]);
    expect(only({ consented: null })).toEqual([]);
    expect(issuesOf(probe(), 'draft', { consented: 'no' })).toMatchObject([
      {
        path: ['consented'],
        message: 'Consent given: only yes',
        params: { code: 'FIELD_NOT_ALLOWED', allowed: 'yes' },
      },
    ]);
  });

  it('restricts a number to its allowed values, and lists them all', () => {
    const grade = {
      ...probe(),
      fields: [
        field('grade', text('Grade', 'Derece'), 'integer', {
          allowedValues: [option('1', 'One', 'Bir'), option('3', 'Three', 'Üç')],
        }),
      ],
    };
    expect(issuesOf(grade, 'draft', { grade: 3 })).toEqual([]);
    expect(issuesOf(grade, 'draft', { grade: 2 })).toMatchObject([
      {
        path: ['grade'],
        message: 'Grade: only 1, 3',
        params: { code: 'FIELD_NOT_ALLOWED', allowed: '1, 3' },
      },
    ]);
  });

  it('never accepts a derived field or a field the form does not have', () => {
    expect(issuesOf(probe(), 'draft', { score: 3 })).toMatchObject([
      { code: 'unrecognized_keys', keys: ['score'] },
    ]);
    expect(issuesOf(probe(), 'draft', { extra: 1 })).toMatchObject([
      { code: 'unrecognized_keys', keys: ['extra'] },
    ]);
  });
});

describe('formDataSchema: draft and complete', () => {
  it('lets a draft leave anything out', () => {
    expect(only({})).toEqual([]);
    expect(only({ age: null, levels: [] })).toEqual([]);
  });

  it('requires the required fields, empty text and empty lists included, to complete', () => {
    const required = (data: Record<string, unknown>) =>
      issuesOf(probe(), 'complete', data).map((i) => ({
        path: i.path,
        message: i.message,
        params: 'params' in i ? i.params : undefined,
      }));
    expect(required({ age: 40, levels: ['L5_S1'] })).toEqual([]);
    const code = { code: 'FIELD_REQUIRED' };
    expect(required({ age: null, levels: ['L5_S1'] })).toEqual([
      { path: ['age'], message: 'Age is required to complete the form', params: code },
    ]);
    expect(required({ age: null, levels: [] })).toEqual([
      { path: ['age'], message: 'Age is required to complete the form', params: code },
      { path: ['levels'], message: 'Levels is required to complete the form', params: code },
    ]);
    const note = { ...probe(), fields: [field('note', text('Note', 'Not'), 'text')] };
    expect(issuesOf(note, 'complete', { note: '' })).toMatchObject([
      { path: ['note'], message: 'Note is required to complete the form' },
    ]);
    expect(issuesOf(note, 'complete', { note: 'x' })).toEqual([]);
  });

  it('builds each form and mode once', () => {
    const form = probe();
    expect(formDataSchema(form, 'draft')).toBe(formDataSchema(form, 'draft'));
    expect(formDataSchema(form, 'complete')).toBe(formDataSchema(form, 'complete'));
    expect(formDataSchema(form, 'complete')).not.toBe(formDataSchema(form, 'draft'));
    expect(formDataSchema(form, 'draft')).toBe(formDataSchema(form, 'draft'));
  });

  it('applies the ODI and VAS instrument rules when complete, not to a draft', () => {
    const odi = formOf('odi');
    const answers = {
      odi_version: '2.1a-en',
      q1: 1,
      q2: 1,
      q3: 1,
      q4: 1,
      q5: 1,
      q6: 1,
      q7: 1,
      q9: 1,
      q10: 1,
    };
    const q8Both = { ...answers, q8: 2, q8NotApplicable: true };
    expect(issuesOf(odi, 'draft', q8Both)).toEqual([]);
    expect(issuesOf(odi, 'complete', q8Both)).toMatchObject([
      {
        code: 'custom',
        path: ['q8NotApplicable'],
        message: 'section 8 is marked not applicable but has a score; clear one of them',
      },
    ]);
    expect(issuesOf(odi, 'complete', { ...answers, q8: null, q8NotApplicable: true })).toEqual([]);

    const vas = formOf('vas');
    const entered = {
      vas_mm: 40,
      vas_method: 'electronic',
      assessed_at: '2025-03-01T10:00:00+03:00',
      assessor_id: 'u1',
      vas_line_length_mm: 95,
    };
    expect(issuesOf(vas, 'draft', entered)).toEqual([]);
    expect(issuesOf(vas, 'complete', entered)).toMatchObject([
      { code: 'custom', path: ['vas_method'], message: 'a line length or mark applies to paper VAS only' },
    ]);
    expect(issuesOf(vas, 'complete', { ...entered, vas_line_length_mm: null })).toEqual([]);
  });
});

describe('withDerivedFields', () => {
  it('adds the ODI sum, answered count, percentage ×10 and the low-completion flag', () => {
    const odi = formOf('odi');
    const seven = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: null, q9: null, q10: null };
    expect(withDerivedFields(odi, seven)).toEqual({
      ...seven,
      odi_sum: 7,
      odi_answered: 7,
      odi_pct_x10: 200,
      odi_low_completion: true,
    });
    expect(withDerivedFields(odi, { ...seven, q8: 0 })).toMatchObject({
      odi_answered: 8,
      odi_pct_x10: 175,
      odi_low_completion: false,
    });
    expect(withDerivedFields(odi, {})).toMatchObject({
      odi_sum: null,
      odi_answered: 0,
      odi_pct_x10: null,
      odi_low_completion: true,
    });
  });

  it('adds the BMI when height and weight are both numbers, and null otherwise', () => {
    const demographics = formOf('demographics');
    expect(withDerivedFields(demographics, { height_cm: 170, weight_kg: 70 })).toEqual({
      height_cm: 170,
      weight_kg: 70,
      bmi: 24.2,
    });
    expect(withDerivedFields(demographics, { height_cm: 170 })).toEqual({ height_cm: 170, bmi: null });
    expect(withDerivedFields(demographics, { weight_kg: 70 })).toEqual({ weight_kg: 70, bmi: null });
    expect(withDerivedFields(demographics, { height_cm: 0, weight_kg: 70 })).toMatchObject({ bmi: null });
    expect(withDerivedFields(demographics, { height_cm: '170', weight_kg: 70 })).toMatchObject({ bmi: null });
  });

  it('leaves the data of a form without derived fields as it is', () => {
    const data = { age: 40 };
    expect(withDerivedFields(probe(), data)).toBe(data);
  });
});

describe('validateFormData: one coded issue per field', () => {
  const ctx: FormRuleContext = { today: '2026-03-10', timeZone: 'Europe/Istanbul', events: {} };

  it('passes valid data through', () => {
    expect(validateFormData(probe(), 'draft', { age: 40, note: ' x ' }, ctx)).toEqual({
      success: true,
      data: { age: 40, note: 'x' },
    });
  });

  it('answers data that is not an object with an issue, not an exception', () => {
    for (const input of [null, [1], 'text', 7]) {
      const result = validateFormData(probe(), 'draft', input, ctx);
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ path: [], code: 'FIELD_TYPE', params: { type: 'unknown' } });
    }
  });

  it('keeps the first issue of each field and one for every field with an issue', () => {
    const result = validateFormData(probe(), 'draft', { levels: ['x', 'y'], age: 10, side: 'up' }, ctx);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => ({ path: i.path, code: i.code }))).toEqual([
      { path: ['age'], code: 'FIELD_MIN' },
      { path: ['side'], code: 'FIELD_NOT_ALLOWED' },
      { path: ['levels', '0'], code: 'FIELD_NOT_ALLOWED' },
    ]);
  });
});

describe('validateFormData: the code and parameters of each kind of issue (docs/errors.md "Field codes")', () => {
  const ctx: FormRuleContext = { today: '2026-03-10', timeZone: 'Europe/Istanbul', events: {} };
  const coded = (form: FormDefinition, mode: 'draft' | 'complete', data: Record<string, unknown>) => {
    const result = validateFormData(form, mode, data, ctx);
    return result.success ? [] : result.issues.map((i) => ({ path: i.path, code: i.code, params: i.params }));
  };
  const one = (data: Record<string, unknown>) => coded(probe(), 'draft', data);

  it('codes the type, range, length and choice issues with what the field allows', () => {
    expect(one({ age: 10 })).toEqual([{ path: ['age'], code: 'FIELD_MIN', params: { min: 18 } }]);
    expect(one({ age: 70 })).toEqual([{ path: ['age'], code: 'FIELD_MAX', params: { max: 65 } }]);
    expect(one({ note: 'a'.repeat(2001) })).toEqual([
      { path: ['note'], code: 'FIELD_TOO_LONG', params: { max: 2000 } },
    ]);
    expect(one({ assessor: 'a'.repeat(2001) })).toEqual([
      { path: ['assessor'], code: 'FIELD_TOO_LONG', params: { max: 2000 } },
    ]);
    expect(one({ age: 'x' })).toEqual([{ path: ['age'], code: 'FIELD_TYPE', params: { type: 'integer' } }]);
    expect(one({ visit_date: 'x' })).toEqual([
      { path: ['visit_date'], code: 'FIELD_TYPE', params: { type: 'date' } },
    ]);
    expect(one({ side: 'up' })).toEqual([
      { path: ['side'], code: 'FIELD_NOT_ALLOWED', params: { allowed: 'left, right' } },
    ]);
  });

  it('names an unknown field', () => {
    const result = validateFormData(probe(), 'draft', { extra: 1 }, ctx);
    expect(result).toEqual({
      success: false,
      issues: [
        { path: ['extra'], code: 'FIELD_UNKNOWN', params: {}, message: 'extra is not a field of this form' },
      ],
    });
  });

  it('takes the code of a rule from its parameters, and FIELD_INVALID naming an instrument rule', () => {
    expect(one({ consented: 'no' })).toEqual([
      { path: ['consented'], code: 'FIELD_NOT_ALLOWED', params: { allowed: 'yes' } },
    ]);
    expect(one({ note: 'a\u0000' })).toEqual([
      { path: ['note'], code: 'TEXT_INVALID_CHARACTERS', params: {} },
    ]);
    expect(coded(probe(), 'complete', { age: null, levels: ['L4_L5'] })).toEqual([
      { path: ['age'], code: 'FIELD_REQUIRED', params: {} },
    ]);
    const vas = formOf('vas');
    const electronic = {
      vas_mm: 40,
      vas_method: 'electronic',
      assessed_at: '2026-03-01T10:00:00+03:00',
      assessor_id: 'u1',
      vas_line_length_mm: 95,
    };
    expect(coded(vas, 'complete', electronic)).toEqual([
      { path: ['vas_method'], code: 'FIELD_INVALID', params: { rule: 'VAS_PAPER_ONLY' } },
    ]);
  });

  it('names the numbers of a paper VAS that does not match its mark', () => {
    const paper = {
      vas_mm: 40,
      vas_method: 'paper',
      assessed_at: '2026-03-01T10:00:00+03:00',
      assessor_id: 'u1',
      vas_line_length_mm: 200,
      vas_mark_mm: 50,
    };
    expect(coded(formOf('vas'), 'complete', paper)).toEqual([
      {
        path: ['vas_mm'],
        code: 'FIELD_INVALID',
        params: { rule: 'VAS_PAPER_MISMATCH', expected: 25, mark: 50, length: 200 },
      },
    ]);
  });

  it("keeps the instrument's own limits when a form's fields allow more", () => {
    const loose: FormDefinition = {
      code: 'pain',
      label: text('Pain', 'Ağrı'),
      repeating: false,
      instrument: 'visual_analogue_scale',
      fields: [
        field('vas_mm', text('Pain VAS', 'Ağrı VAS'), 'integer'),
        field('vas_method', text('Method', 'Yöntem'), 'choice', {
          allowedValues: [
            option('paper', 'Paper', 'Kağıt'),
            option('electronic', 'Electronic', 'Elektronik'),
          ],
        }),
      ],
    };
    // Refused with the instrument's sentence; no rule to name, as it is not one of the rules.
    const result = validateFormData(loose, 'complete', { vas_mm: 150, vas_method: 'paper' }, ctx);
    expect(result).toEqual({
      success: false,
      issues: [
        {
          path: ['vas_mm'],
          code: 'FIELD_INVALID',
          params: {},
          message: 'VAS is 0–100 mm; it cannot be above 100',
        },
      ],
    });
    expect(coded(loose, 'draft', { vas_mm: 150, vas_method: 'paper' })).toEqual([]);
  });
});

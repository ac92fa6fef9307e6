import { z } from 'zod';
import { bodyMassIndex } from '../eligibility';
import { ODI_ITEM_KEYS, odiItemsFrom, scoreOdiAnswers } from '../scoring/odi';
import { odiAnswersSchema } from '../scoring/odi-schema';
import { vasAssessmentSchema } from '../scoring/vas';
import type { FormDefinition, FormField } from '../study/definition-schema';

import { isWellFormedText } from '../text';
import type { RecordMode } from './form-issues';

export type { RecordMode } from './form-issues';
export type FormData = Record<string, unknown>;

/** Allowed values restrict any field type, not only the choices (e.g. a yes/no that must be yes). */
function withAllowedValues(field: FormField, schema: z.ZodType): z.ZodType {
  const codes = field.allowedValues?.map((v) => v.code);
  if (!codes || field.type === 'choice' || field.type === 'multi_choice') return schema;
  return schema.refine((v) => v === null || v === undefined || codes.includes(String(v)), {
    error: `${field.label.en}: only ${codes.join(', ')}`,
    params: { code: 'FIELD_NOT_ALLOWED', allowed: codes.join(', ') },
  });
}

function baseSchema(field: FormField): z.ZodType {
  const label = field.label.en;
  const range = (n: z.ZodNumber) => {
    let s = n;
    if (field.min !== undefined) s = s.min(field.min, { error: `${label} must be at least ${field.min}` });
    if (field.max !== undefined) s = s.max(field.max, { error: `${label} must be at most ${field.max}` });
    return s;
  };
  const codes = (field.allowedValues ?? []).map((v) => v.code);
  switch (field.type) {
    case 'integer':
      return range(z.int({ error: `${label} must be a whole number` }));
    case 'decimal':
      return range(z.number({ error: `${label} must be a number` }));
    case 'text':
    case 'user_ref':
      return z
        .string({ error: `${label} must be text` })
        .trim()
        .max(2000, { error: `${label} is too long` })
        .refine(isWellFormedText, {
          error: `${label} contains characters that are not text`,
          params: { code: 'TEXT_INVALID_CHARACTERS' },
        });
    case 'date':
      return z.iso.date({ error: `${label} must be a date (YYYY-MM-DD)` });
    case 'datetime':
      return z.iso.datetime({ offset: true, error: `${label} must be a date and time (ISO 8601)` });
    case 'yes_no':
      return z.enum(['yes', 'no'], { error: `${label}: answer yes or no` });
    case 'boolean':
      return z.boolean({ error: `${label} must be true or false` });
    case 'choice':
      return z.enum(codes as [string, ...string[]], { error: `${label}: choose one of ${codes.join(', ')}` });
    case 'multi_choice':
      return z.array(
        z.enum(codes as [string, ...string[]], { error: `${label}: choose from ${codes.join(', ')}` }),
      );
  }
}

// Building a zod schema (and zod's compiled fast path) per save is costly on a hot path; the
// definition is immutable, so each form's two schemas are built once.
const schemaCache = new WeakMap<FormDefinition, Partial<Record<RecordMode, z.ZodType<FormData>>>>();

/**
 * The zod schema of a form's data, built from the study definition, so the API and the web form
 * validate exactly the same way. Derived fields (scores, BMI) are computed, never accepted.
 */
export function formDataSchema(form: FormDefinition, mode: RecordMode): z.ZodType<FormData> {
  const cached = schemaCache.get(form)?.[mode];
  if (cached) return cached;
  const schema = buildFormDataSchema(form, mode);
  schemaCache.set(form, { ...schemaCache.get(form), [mode]: schema });
  return schema;
}

function buildFormDataSchema(form: FormDefinition, mode: RecordMode): z.ZodType<FormData> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of form.fields) {
    if (field.derived) continue;
    const base = withAllowedValues(field, baseSchema(field)).nullable();
    shape[field.name] =
      mode === 'complete' && field.required
        ? base.refine(
            (v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
            {
              error: `${field.label.en} is required to complete the form`,
              params: { code: 'FIELD_REQUIRED' },
            },
          )
        : base.optional();
  }
  const object = z.strictObject(shape);
  if (form.instrument === 'oswestry_disability_index') {
    return object.superRefine((data, ctx) => {
      if (mode !== 'complete') return;
      const items = Object.fromEntries(
        Object.entries(data).filter(
          ([k]) => /^q\d+$/.test(k) || k === 'odi_version' || k === 'q8NotApplicable',
        ),
      );
      const full = {
        q1: null,
        q2: null,
        q3: null,
        q4: null,
        q5: null,
        q6: null,
        q7: null,
        q8: null,
        q9: null,
        q10: null,
        ...items,
      };
      const parsed = odiAnswersSchema.safeParse(full);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: ruleOf(issue) });
      }
    }) as unknown as z.ZodType<FormData>;
  }
  if (form.instrument === 'visual_analogue_scale') {
    return object.superRefine((data, ctx) => {
      if (mode !== 'complete') return;
      const parsed = vasAssessmentSchema.safeParse(
        Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined)),
      );
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: ruleOf(issue) });
      }
    }) as unknown as z.ZodType<FormData>;
  }
  return object as unknown as z.ZodType<FormData>;
}

/**
 * The instrument rule an issue of the VAS or ODI schema names (`params.rule`, e.g.
 * VAS_PAPER_MISMATCH with `expected`), kept so the web words it with the field's label
 * (FIELD_INVALID, docs/errors.md "Field codes").
 */
function ruleOf(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code !== 'custom' || !issue.params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(issue.params)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}

/** Adds the derived fields (ODI totals, BMI) to validated data; recomputed on every save. */
export function withDerivedFields(form: FormDefinition, data: FormData): FormData {
  if (form.instrument === 'oswestry_disability_index') {
    const answers = odiItemsFrom(data);
    const score = scoreOdiAnswers(answers);
    const answered = ODI_ITEM_KEYS.filter((k) => answers[k] !== null).length;
    return {
      ...data,
      odi_sum: score?.sum ?? null,
      odi_answered: answered,
      odi_pct_x10: score?.pctX10 ?? null,
      odi_low_completion: answered < 8,
    };
  }
  if (form.instrument === 'body_mass_index') {
    const h = data.height_cm;
    const w = data.weight_kg;
    const bmi = typeof h === 'number' && typeof w === 'number' && h > 0 ? bodyMassIndex(w, h) : null;
    return { ...data, bmi };
  }
  return data;
}

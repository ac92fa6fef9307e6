import type { z } from 'zod';
import type { FormDefinition } from '../study/definition-schema';

/** draft: anything may be blank; complete: required fields must be filled (design invariant 3). */
export type RecordMode = 'draft' | 'complete';

/**
 * Why a value of a form was refused, as a code with parameters the web words in the user's
 * language (docs/errors.md, "Field codes"); `message` is the English sentence for API readers.
 */
export const formIssueCodes = [
  'FIELD_REQUIRED',
  'FIELD_REQUIRED_WHEN',
  'FIELD_TYPE',
  'FIELD_MIN',
  'FIELD_MAX',
  'FIELD_TOO_LONG',
  'FIELD_NOT_ALLOWED',
  'FIELD_UNKNOWN',
  'TEXT_INVALID_CHARACTERS',
  'DATE_TOO_EARLY',
  'DATE_TOO_LATE',
  'FIELD_INVALID',
] as const;
export type FormIssueCode = (typeof formIssueCodes)[number];

/**
 * The instrument rules a FIELD_INVALID issue may name in `params.rule` (VAS paper mark, ODI
 * section 8), with the numbers they need; the web words each with the field's label.
 */
export const instrumentRules = [
  'VAS_PAPER_ONLY',
  'VAS_MARK_AND_LENGTH',
  'VAS_MARK_BEYOND_LINE',
  'VAS_PAPER_MISMATCH',
  'ODI_S8_NOT_APPLICABLE_WITH_SCORE',
] as const;
export type InstrumentRule = (typeof instrumentRules)[number];

export interface FormIssue {
  /** Inside the record's data: the field name (and an index for a multiple choice). */
  path: string[];
  code: FormIssueCode;
  params: Record<string, string | number>;
  message: string;
}

const isIssueCode = (value: unknown): value is FormIssueCode =>
  typeof value === 'string' && (formIssueCodes as readonly string[]).includes(value);

function paramsOf(raw: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [k, v] of Object.entries(raw)) {
    if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) out[k] = v;
  }
  return out;
}

/** A zod issue of `formDataSchema` as a coded issue, using the field's definition for its type. */
export function codedIssues(form: FormDefinition, issue: z.core.$ZodIssue): FormIssue[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      code: 'FIELD_UNKNOWN',
      params: {},
      message: `${key} is not a field of this form`,
    }));
  }
  const field = form.fields.find((f) => f.name === path[0]);
  const base = { path, message: issue.message };
  switch (issue.code) {
    case 'too_small':
      return [{ ...base, code: 'FIELD_MIN', params: { min: Number(issue.minimum) } }];
    case 'too_big':
      return [
        field?.type === 'text' || field?.type === 'user_ref'
          ? { ...base, code: 'FIELD_TOO_LONG', params: { max: Number(issue.maximum) } }
          : { ...base, code: 'FIELD_MAX', params: { max: Number(issue.maximum) } },
      ];
    case 'invalid_type':
    case 'invalid_format':
      return [{ ...base, code: 'FIELD_TYPE', params: { type: field?.type ?? 'unknown' } }];
    case 'invalid_value':
      return [
        {
          ...base,
          code: 'FIELD_NOT_ALLOWED',
          params: { allowed: (field?.allowedValues ?? []).map((v) => v.code).join(', ') },
        },
      ];
    case 'custom': {
      const code = issue.params?.code;
      return [{ ...base, code: isIssueCode(code) ? code : 'FIELD_INVALID', params: paramsOf(issue.params) }];
    }
    default:
      return [{ ...base, code: 'FIELD_INVALID', params: {} }];
  }
}

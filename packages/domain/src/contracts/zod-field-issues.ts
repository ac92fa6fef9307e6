import { z } from 'zod';
import { type FieldCode, isFieldCode } from './field-codes';
import { patternFieldCode } from './named-patterns';
import type { MessageParams } from './server-messages';

/** A refused input as a field code: `at` extends the issue's path (one entry per unknown key). */
export interface CodedFieldIssue {
  at: string[];
  code: FieldCode;
  params: MessageParams;
}

const bound = z.union([z.number(), z.bigint()]).transform(Number);
const issueDetail = z.looseObject({
  origin: z.string().optional(),
  expected: z.string().optional(),
  format: z.string().optional(),
  pattern: z.string().optional(),
  minimum: bound.optional(),
  maximum: bound.optional(),
  inclusive: z.boolean().optional(),
  divisor: bound.optional(),
  keys: z.array(z.string()).optional(),
  values: z.array(z.unknown()).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** Formats the web words by name; any other (a contract's own pattern) is just "not in the expected form". */
const namedFormats = new Set(['email', 'uuid', 'date', 'datetime', 'time']);

function scalarParams(raw: Record<string, unknown> | undefined): MessageParams {
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) out[k] = v;
  }
  return out;
}

function typeCode(expected: string | undefined): FieldCode {
  switch (expected) {
    case 'number':
    case 'bigint':
    case 'nan':
      return 'NOT_A_NUMBER';
    case 'int':
      return 'NOT_A_WHOLE_NUMBER';
    case 'string':
      return 'NOT_TEXT';
    case 'boolean':
      return 'NOT_YES_NO';
    case 'array':
    case 'set':
    case 'tuple':
      return 'NOT_A_LIST';
    default:
      return 'WRONG_TYPE';
  }
}

/**
 * One zod issue of a request contract (its code, and the rest of the issue as fastify's zod
 * provider passes it) as a field code with parameters (docs/errors.md, "Field codes"). `missing`
 * says the input was absent, so a type error there reads "fill in this field". A refinement
 * names its own code in `params.code` (e.g. PASSWORD_TOO_SHORT); one without a known code is
 * FIELD_INVALID. Parameters are bounds and format names, never the contract's pattern or prose.
 */
export function codedFieldIssues(zodCode: string, detail: unknown, missing: boolean): CodedFieldIssue[] {
  const parsed = issueDetail.safeParse(detail);
  const d = parsed.success ? parsed.data : {};
  const one = (code: FieldCode, params: MessageParams = {}): CodedFieldIssue[] => [{ at: [], code, params }];
  const text = d.origin === 'string';
  const list = d.origin === 'array' || d.origin === 'set';
  switch (zodCode) {
    case 'invalid_type':
      return missing ? one('FIELD_REQUIRED') : one(typeCode(d.expected), { expected: d.expected ?? '' });
    case 'too_small': {
      const minimum = d.minimum ?? 0;
      if (text) return minimum <= 1 ? one('FIELD_REQUIRED') : one('TOO_SHORT', { minimum });
      if (list) return one('TOO_FEW', { minimum });
      return one(d.inclusive === false ? 'NOT_ABOVE' : 'TOO_SMALL', { minimum });
    }
    case 'too_big': {
      const maximum = d.maximum ?? 0;
      if (text) return one('TOO_LONG', { maximum });
      if (list) return one('TOO_MANY', { maximum });
      return one(d.inclusive === false ? 'NOT_BELOW' : 'TOO_BIG', { maximum });
    }
    case 'invalid_format': {
      // A pattern a person types against says what the value should look like (a site code).
      const named = d.format === 'regex' ? patternFieldCode(d.pattern) : undefined;
      if (named) return one(named);
      return one('INVALID_FORMAT', {
        format: d.format && namedFormats.has(d.format) ? d.format : 'pattern',
      });
    }
    case 'invalid_value':
      return one('INVALID_CHOICE', {
        options: (d.values ?? []).filter((v) => typeof v === 'string' || typeof v === 'number').join(', '),
      });
    case 'not_multiple_of':
      return one('NOT_MULTIPLE_OF', { divisor: d.divisor ?? 1 });
    case 'unrecognized_keys':
      return (d.keys ?? []).map((key) => ({ at: [key], code: 'FIELD_UNKNOWN', params: {} }));
    case 'custom': {
      const code = d.params?.code;
      return one(isFieldCode(code) ? code : 'FIELD_INVALID', scalarParams(d.params));
    }
    default:
      return one('FIELD_INVALID');
  }
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedHexPattern, siteCodePattern } from '../src/contracts/named-patterns';
import { codedFieldIssues } from '../src/contracts/zod-field-issues';

const one = (code: string, params: Record<string, string | number> = {}) => [{ at: [], code, params }];

/** The issues zod itself reports for a value, coded: the route layer passes exactly these. */
function coded(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a refusal');
  return r.error.issues.flatMap((i) => {
    const { code, ...detail } = i;
    return codedFieldIssues(code, detail, value === undefined);
  });
}

describe('codedFieldIssues', () => {
  it('says "fill in" for a missing value, else what kind of value was expected', () => {
    expect(coded(z.string(), undefined)).toEqual(one('FIELD_REQUIRED'));
    expect(coded(z.number(), 'x')).toEqual(one('NOT_A_NUMBER', { expected: 'number' }));
    expect(coded(z.bigint(), 'x')).toEqual(one('NOT_A_NUMBER', { expected: 'bigint' }));
    expect(coded(z.nan(), 1)).toEqual(one('NOT_A_NUMBER', { expected: 'nan' }));
    expect(coded(z.int(), 'x')).toEqual(one('NOT_A_NUMBER', { expected: 'number' }));
    expect(codedFieldIssues('invalid_type', { expected: 'int' }, false)).toEqual(
      one('NOT_A_WHOLE_NUMBER', { expected: 'int' }),
    );
    expect(coded(z.string(), 1)).toEqual(one('NOT_TEXT', { expected: 'string' }));
    expect(coded(z.boolean(), 1)).toEqual(one('NOT_YES_NO', { expected: 'boolean' }));
    expect(coded(z.array(z.string()), 1)).toEqual(one('NOT_A_LIST', { expected: 'array' }));
    expect(coded(z.set(z.string()), 1)).toEqual(one('NOT_A_LIST', { expected: 'set' }));
    expect(coded(z.tuple([z.string()]), 1)).toEqual(one('NOT_A_LIST', { expected: 'tuple' }));
    expect(coded(z.object({}), 1)).toEqual(one('WRONG_TYPE', { expected: 'object' }));
    expect(codedFieldIssues('invalid_type', {}, false)).toEqual(one('WRONG_TYPE', { expected: '' }));
  });

  it('words lower bounds by what is bounded', () => {
    expect(coded(z.string().min(1), '')).toEqual(one('FIELD_REQUIRED'));
    expect(coded(z.string().min(3), 'ab')).toEqual(one('TOO_SHORT', { minimum: 3 }));
    expect(coded(z.string().min(2), 'a')).toEqual(one('TOO_SHORT', { minimum: 2 }));
    expect(coded(z.array(z.string()).min(2), ['a'])).toEqual(one('TOO_FEW', { minimum: 2 }));
    expect(coded(z.set(z.string()).min(1), new Set())).toEqual(one('TOO_FEW', { minimum: 1 }));
    expect(coded(z.number().min(5), 4)).toEqual(one('TOO_SMALL', { minimum: 5 }));
    expect(coded(z.number().gt(5), 5)).toEqual(one('NOT_ABOVE', { minimum: 5 }));
    expect(coded(z.bigint().min(5n), 4n)).toEqual(one('TOO_SMALL', { minimum: 5 }));
    expect(codedFieldIssues('too_small', { origin: 'number' }, false)).toEqual(
      one('TOO_SMALL', { minimum: 0 }),
    );
    expect(codedFieldIssues('too_small', { origin: 'string' }, false)).toEqual(one('FIELD_REQUIRED'));
  });

  it('words upper bounds by what is bounded', () => {
    expect(coded(z.string().max(3), 'abcd')).toEqual(one('TOO_LONG', { maximum: 3 }));
    expect(coded(z.array(z.string()).max(1), ['a', 'b'])).toEqual(one('TOO_MANY', { maximum: 1 }));
    expect(coded(z.set(z.string()).max(1), new Set(['a', 'b']))).toEqual(one('TOO_MANY', { maximum: 1 }));
    expect(coded(z.number().max(5), 6)).toEqual(one('TOO_BIG', { maximum: 5 }));
    expect(coded(z.number().lt(5), 5)).toEqual(one('NOT_BELOW', { maximum: 5 }));
    expect(codedFieldIssues('too_big', { origin: 'number' }, false)).toEqual(one('TOO_BIG', { maximum: 0 }));
  });

  it('names a typed pattern by its own code, a known format by name, any other as a pattern', () => {
    expect(coded(z.string().regex(siteCodePattern), 'S1')).toEqual(one('SITE_CODE_FORMAT'));
    expect(coded(z.string().regex(seedHexPattern), 'x')).toEqual(one('SEED_FORMAT'));
    expect(coded(z.string().regex(/^x$/), 'y')).toEqual(one('INVALID_FORMAT', { format: 'pattern' }));
    expect(coded(z.email(), 'x')).toEqual(one('INVALID_FORMAT', { format: 'email' }));
    expect(coded(z.uuid(), 'x')).toEqual(one('INVALID_FORMAT', { format: 'uuid' }));
    expect(coded(z.iso.date(), 'x')).toEqual(one('INVALID_FORMAT', { format: 'date' }));
    expect(coded(z.iso.datetime(), 'x')).toEqual(one('INVALID_FORMAT', { format: 'datetime' }));
    expect(coded(z.iso.time(), 'x')).toEqual(one('INVALID_FORMAT', { format: 'time' }));
    expect(coded(z.url(), 'x')).toEqual(one('INVALID_FORMAT', { format: 'pattern' }));
    // A named format with its own pattern stays that format: only a regex check is a typed pattern.
    expect(coded(z.email({ pattern: siteCodePattern }), 'x')).toEqual(
      one('INVALID_FORMAT', { format: 'email' }),
    );
    expect(codedFieldIssues('invalid_format', {}, false)).toEqual(
      one('INVALID_FORMAT', { format: 'pattern' }),
    );
    expect(codedFieldIssues('invalid_format', { format: 'regex' }, false)).toEqual(
      one('INVALID_FORMAT', { format: 'pattern' }),
    );
  });

  it('lists the allowed choices, numbers and text only', () => {
    expect(coded(z.enum(['a', 'b']), 'c')).toEqual(one('INVALID_CHOICE', { options: 'a, b' }));
    expect(coded(z.literal(3), 4)).toEqual(one('INVALID_CHOICE', { options: '3' }));
    expect(coded(z.literal(true), false)).toEqual(one('INVALID_CHOICE', { options: '' }));
    expect(codedFieldIssues('invalid_value', {}, false)).toEqual(one('INVALID_CHOICE', { options: '' }));
  });

  it('gives the divisor of a multiple, 1 when unknown', () => {
    expect(coded(z.number().multipleOf(5), 7)).toEqual(one('NOT_MULTIPLE_OF', { divisor: 5 }));
    expect(codedFieldIssues('not_multiple_of', {}, false)).toEqual(one('NOT_MULTIPLE_OF', { divisor: 1 }));
  });

  it('gives one FIELD_UNKNOWN per unknown key, at that key', () => {
    expect(coded(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 })).toEqual([
      { at: ['b'], code: 'FIELD_UNKNOWN', params: {} },
      { at: ['c'], code: 'FIELD_UNKNOWN', params: {} },
    ]);
    expect(codedFieldIssues('unrecognized_keys', {}, false)).toEqual([]);
  });

  it("takes a refinement's own code and its scalar parameters, else FIELD_INVALID", () => {
    const refined = z.string().refine(() => false, {
      params: { code: 'PASSWORD_TOO_SHORT', min: 12, note: 'x', nested: { a: 1 }, flag: true },
    });
    expect(coded(refined, 'a')).toEqual(one('PASSWORD_TOO_SHORT', { min: 12, note: 'x' }));
    expect(
      coded(
        z.string().refine(() => false, { params: { code: 'NOT_A_CODE' } }),
        'a',
      ),
    ).toEqual(one('FIELD_INVALID'));
    expect(
      coded(
        z.string().refine(() => false),
        'a',
      ),
    ).toEqual(one('FIELD_INVALID'));
  });

  it('is FIELD_INVALID for any other issue, and reads a malformed detail as empty', () => {
    expect(codedFieldIssues('invalid_union', {}, false)).toEqual(one('FIELD_INVALID'));
    expect(codedFieldIssues('too_big', { origin: 7, maximum: 'x' }, false)).toEqual(
      one('TOO_BIG', { maximum: 0 }),
    );
    expect(codedFieldIssues('too_big', null, false)).toEqual(one('TOO_BIG', { maximum: 0 }));
  });
});

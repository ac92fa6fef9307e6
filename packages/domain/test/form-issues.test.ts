import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { codedIssues } from '../src/forms/form-issues';
import type { FormDefinition } from '../src/study/definition-schema';
import { field, option, text } from '../src/study/field-builders';

// codedIssues on zod issues written out by hand, for the kinds formDataSchema makes rarely or never
// (an issue of a path no field has, a custom issue without parameters, an issue kind it has no
// code for): the API words whatever zod reports, so each must still be coded (docs/errors.md
// "Field codes").
const form = (): FormDefinition => ({
  code: 'probe',
  label: text('Probe', 'Deneme'),
  repeating: false,
  fields: [
    field('age', text('Age', 'Yaş'), 'integer', { min: 18, max: 65 }),
    field('note', text('Note', 'Not'), 'text', { required: false }),
    field('smoker', text('Smoker', 'Sigara'), 'yes_no', { required: false }),
    field('side', text('Side', 'Taraf'), 'choice', {
      allowedValues: [option('left', 'Left', 'Sol'), option('right', 'Right', 'Sağ')],
    }),
  ],
});

const coded = (issue: z.core.$ZodIssue) =>
  codedIssues(form(), issue).map((i) => ({ path: i.path, code: i.code, params: i.params }));

describe('codedIssues', () => {
  it('codes an issue of a path no field has by the issue alone', () => {
    expect(
      coded({ code: 'too_big', origin: 'number', maximum: 5, path: ['nope'], message: 'm', input: 6 }),
    ).toEqual([{ path: ['nope'], code: 'FIELD_MAX', params: { max: 5 } }]);
    expect(coded({ code: 'invalid_value', values: ['a'], path: ['nope'], message: 'm', input: 'b' })).toEqual(
      [{ path: ['nope'], code: 'FIELD_NOT_ALLOWED', params: { allowed: '' } }],
    );
    expect(
      coded({ code: 'invalid_type', expected: 'string', path: ['nope'], message: 'm', input: 1 }),
    ).toEqual([{ path: ['nope'], code: 'FIELD_TYPE', params: { type: 'unknown' } }]);
  });

  it('tells a text that is too long from a number that is too big', () => {
    const tooBig = (path: string) =>
      coded({ code: 'too_big', origin: 'string', maximum: 2000, path: [path], message: 'm', input: '' });
    expect(tooBig('note')).toEqual([{ path: ['note'], code: 'FIELD_TOO_LONG', params: { max: 2000 } }]);
    expect(tooBig('age')).toEqual([{ path: ['age'], code: 'FIELD_MAX', params: { max: 2000 } }]);
  });

  it('lists no allowed value for a yes/no refused by its own type', () => {
    expect(
      coded({ code: 'invalid_value', values: ['yes', 'no'], path: ['smoker'], message: 'm', input: 'x' }),
    ).toEqual([{ path: ['smoker'], code: 'FIELD_NOT_ALLOWED', params: { allowed: '' } }]);
  });

  it('takes a known code from a custom issue, FIELD_INVALID otherwise, and only plain parameters', () => {
    expect(coded({ code: 'custom', path: ['age'], message: 'm', input: 1 })).toEqual([
      { path: ['age'], code: 'FIELD_INVALID', params: {} },
    ]);
    const params = {
      code: 'NOT_A_FIELD_CODE',
      rule: 'VAS_PAPER_MISMATCH',
      expected: 25,
      flag: true,
      at: [1],
    };
    expect(coded({ code: 'custom', path: ['age'], message: 'm', input: 1, params })).toEqual([
      { path: ['age'], code: 'FIELD_INVALID', params: { rule: 'VAS_PAPER_MISMATCH', expected: 25 } },
    ]);
    expect(coded({ code: 'custom', path: ['age'], message: 'm', input: 1, params: { code: 7 } })).toEqual([
      { path: ['age'], code: 'FIELD_INVALID', params: {} },
    ]);
    expect(
      coded({
        code: 'custom',
        path: ['age'],
        message: 'm',
        input: 1,
        params: { code: 'FIELD_MIN', min: 18 },
      }),
    ).toEqual([{ path: ['age'], code: 'FIELD_MIN', params: { min: 18 } }]);
  });

  it('codes an issue kind it has no code for as FIELD_INVALID, keeping its message', () => {
    expect(
      codedIssues(form(), { code: 'not_multiple_of', divisor: 5, path: ['age'], message: 'five', input: 7 }),
    ).toEqual([{ path: ['age'], code: 'FIELD_INVALID', params: {}, message: 'five' }]);
  });
});

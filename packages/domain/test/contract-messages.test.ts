import { describe, expect, it } from 'vitest';
import { fieldError, fieldMessageText } from '../src/contracts/field-messages';
import { patternFieldCode, seedHexPattern, siteCodePattern } from '../src/contracts/named-patterns';
import { passwordLengthRefusal, passwordRefusalMessage } from '../src/contracts/password-policy';
import {
  isPlausibleDate,
  isPlausibleInstant,
  requestDate,
  requestDateTime,
} from '../src/contracts/request-dates';
import { isServerMessageCode, serverMessageText } from '../src/contracts/server-messages';

describe('message texts', () => {
  it('fill every placeholder they have parameters for and leave the others as written', () => {
    expect(fieldMessageText('FIELD_MIN', { min: 0 })).toBe('Enter 0 or more.');
    expect(fieldMessageText('FIELD_MIN')).toBe('Enter {{min}} or more.');
    expect(fieldMessageText('FIELD_REQUIRED', { min: 3 })).toBe('Fill in this field.');
    expect(
      fieldMessageText('field_removed_with_data', {
        studyId: 'S01-0001',
        visit: 'BL',
        form: 'vas',
        value: 4,
      }),
    ).toBe('S01-0001, BL, vas: {{field}} holds 4');
    expect(serverMessageText('INTERNAL', { requestId: 'r-1' })).toBe(
      'Something went wrong on our side (request r-1).',
    );
    expect(serverMessageText('INTERNAL')).toBe('Something went wrong on our side (request {{requestId}}).');
  });

  it('a field error carries its path, code, parameters and sentence', () => {
    expect(fieldError('body.max', 'FIELD_MAX', { max: 10 })).toEqual({
      path: 'body.max',
      code: 'FIELD_MAX',
      params: { max: 10 },
      message: 'Enter 10 or less.',
    });
    expect(fieldError('body.x', 'FIELD_UNKNOWN')).toEqual({
      path: 'body.x',
      code: 'FIELD_UNKNOWN',
      params: {},
      message: 'This field is not accepted here.',
    });
  });

  it('knows its own server codes and nothing else', () => {
    expect(isServerMessageCode('INTERNAL')).toBe(true);
    expect(isServerMessageCode('NOPE')).toBe(false);
    expect(isServerMessageCode('toString')).toBe(false);
    expect(isServerMessageCode(7)).toBe(false);
    // Object.hasOwn would turn these into the key 'INTERNAL'.
    expect(isServerMessageCode(['INTERNAL'])).toBe(false);
    expect(isServerMessageCode({ toString: () => 'INTERNAL' })).toBe(false);
  });
});

describe('named patterns', () => {
  it('give the field code of a typed pattern as zod writes it, none for others', () => {
    expect(patternFieldCode(siteCodePattern.toString())).toBe('SITE_CODE_FORMAT');
    expect(patternFieldCode(seedHexPattern.toString())).toBe('SEED_FORMAT');
    expect(patternFieldCode('/^x$/')).toBeUndefined();
    expect(patternFieldCode(undefined)).toBeUndefined();
  });
});

describe('password length', () => {
  it('counts code points: 12 to 200 characters', () => {
    expect(passwordLengthRefusal('a'.repeat(11))).toEqual({
      code: 'PASSWORD_TOO_SHORT',
      params: { min: 12 },
    });
    expect(passwordLengthRefusal('a'.repeat(12))).toBeNull();
    expect(passwordLengthRefusal('𝄞'.repeat(11))).toEqual({
      code: 'PASSWORD_TOO_SHORT',
      params: { min: 12 },
    });
    expect(passwordLengthRefusal('𝄞'.repeat(200))).toBeNull();
    expect(passwordLengthRefusal('a'.repeat(201))).toEqual({
      code: 'PASSWORD_TOO_LONG',
      params: { max: 200 },
    });
  });

  it('says each refusal in English', () => {
    expect(passwordRefusalMessage({ code: 'PASSWORD_TOO_SHORT', params: { min: 12 } })).toBe(
      'Use at least 12 characters',
    );
    expect(passwordRefusalMessage({ code: 'PASSWORD_TOO_LONG', params: { max: 200 } })).toBe(
      'Use at most 200 characters',
    );
    expect(passwordRefusalMessage({ code: 'PASSWORD_TOO_GUESSABLE', params: { reason: 'common' } })).toBe(
      'This password is too easy to guess',
    );
  });
});

describe('request dates', () => {
  it('accept existing days from 1900-01-01 to 2100-12-31', () => {
    expect(isPlausibleDate('1900-01-01')).toBe(true);
    expect(isPlausibleDate('2100-12-31')).toBe(true);
    expect(isPlausibleDate('1899-12-31')).toBe(false);
    expect(isPlausibleDate('2101-01-01')).toBe(false);
    expect(isPlausibleDate('2025-02-30')).toBe(false);
  });

  it('accept instants whose UTC day is in range', () => {
    expect(isPlausibleInstant('1900-01-01T00:00:00Z')).toBe(true);
    expect(isPlausibleInstant('2100-12-31T23:59:59Z')).toBe(true);
    expect(isPlausibleInstant('2101-01-01T00:30:00+01:00')).toBe(true);
    expect(isPlausibleInstant('1900-01-01T00:30:00+01:00')).toBe(false);
    expect(isPlausibleInstant('2100-12-31T23:30:00-01:00')).toBe(false);
    expect(isPlausibleInstant('not a time')).toBe(false);
  });

  it('refuse an out-of-range value with its own code, a malformed one with the given message', () => {
    const day = requestDate().safeParse('0001-01-01');
    expect(day.success).toBe(false);
    expect(day.error?.issues[0]).toMatchObject({
      message: 'Use a date between 1900-01-01 and 2100-12-31',
      params: { code: 'DATE_OUT_OF_RANGE', earliest: '1900-01-01', latest: '2100-12-31' },
    });
    expect(requestDate().safeParse('2025-06-01').success).toBe(true);
    expect(requestDate().safeParse('1.6.2025').error?.issues[0]?.message).toBe('Use a date like 2026-01-31');
    expect(requestDate('Say when').safeParse('x').error?.issues[0]?.message).toBe('Say when');
    expect(requestDateTime().safeParse('2025-06-01T08:00:00+03:00').success).toBe(true);
    expect(requestDateTime().safeParse('9999-06-01T08:00:00Z').error?.issues[0]).toMatchObject({
      params: { code: 'DATE_OUT_OF_RANGE' },
    });
    expect(requestDateTime().safeParse('2025-06-01').error?.issues[0]?.message).toBe(
      'Use an ISO date-time like 2026-01-31T08:00:00Z',
    );
  });

  it('say one thing about a malformed value: its form, not also its range', () => {
    expect(requestDate().safeParse('01.06.2025').error?.issues).toHaveLength(1);
    expect(requestDateTime().safeParse('tomorrow').error?.issues).toHaveLength(1);
    expect(requestDate().safeParse('0001-01-01').error?.issues).toHaveLength(1);
  });
});

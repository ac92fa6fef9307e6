import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/contracts/errors';
import { fieldError } from '../src/contracts/field-messages';

describe('DomainError', () => {
  it('carries its code, message code, parameters, fields and details, and words the message in English', () => {
    const fields = [fieldError('body.reason', 'REASON_REQUIRED')];
    const e = new DomainError(
      'VERSION_CONFLICT',
      'RECORD_VERSION_CONFLICT',
      { current: 3, expected: 2 },
      fields,
      {
        current: { version: 3 },
      },
    );
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('VERSION_CONFLICT');
    expect(e.messageCode).toBe('RECORD_VERSION_CONFLICT');
    expect(e.params).toEqual({ current: 3, expected: 2 });
    expect(e.fields).toBe(fields);
    expect(e.details).toEqual({ current: { version: 3 } });
    expect(e.message).toBe(
      'Someone saved a newer version (3) while you were editing version 2. Nothing was overwritten.',
    );
  });

  it('defaults to no parameters, fields or details; coded() builds the same error', () => {
    const e = new DomainError('NOT_FOUND', 'PARTICIPANT_NOT_FOUND');
    expect(e.params).toEqual({});
    expect(e.fields).toBeUndefined();
    expect(e.details).toBeUndefined();
    expect(e.message).toBe('No such participant at your sites.');
    const coded = DomainError.coded('CONFLICT', 'VISIT_NOT_IN_STUDY', { visit: 'M9' }, [], { a: 1 });
    expect(coded).toBeInstanceOf(DomainError);
    expect({ ...coded, message: coded.message }).toEqual({
      name: 'DomainError',
      code: 'CONFLICT',
      messageCode: 'VISIT_NOT_IN_STUDY',
      params: { visit: 'M9' },
      fields: [],
      details: { a: 1 },
      message: 'The study has no visit M9.',
    });
    expect(DomainError.coded('NOT_FOUND', 'PATH_NOT_FOUND').params).toEqual({});
  });
});

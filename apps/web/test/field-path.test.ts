import { describe, expect, it } from 'vitest';
import { fieldForPath } from '../src/lib/field-path';

describe('fieldForPath', () => {
  const fields = ['email', 'siteIds', 'temporaryPassword'] as const;

  it('maps a body path to the form field', () => {
    expect(fieldForPath('body.email', fields)).toBe('email');
  });

  it('maps an array element to its array field', () => {
    expect(fieldForPath('body.siteIds.0', fields)).toBe('siteIds');
  });

  it('returns null for paths the form does not have', () => {
    expect(fieldForPath('body', fields)).toBeNull();
    expect(fieldForPath('params.id', fields)).toBeNull();
    expect(fieldForPath('body.role', fields)).toBeNull();
  });
});

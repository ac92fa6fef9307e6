import { describe, expect, it } from 'vitest';
import { updateUserRequestSchema } from '../src/contracts/admin';
import { verifyAllocationRequestSchema } from '../src/contracts/allocation-verification';
import { changePasswordRequestSchema, newPasswordSchema } from '../src/contracts/auth';
import { backupOverdue } from '../src/contracts/backup';
import { isFieldCode } from '../src/contracts/field-codes';
import { codedFieldIssues } from '../src/contracts/zod-field-issues';

const listId = '00000000-0000-4000-8000-000000000001';
const issue = (r: { success: boolean; error?: { issues: unknown[] } }) => r.error?.issues[0];

/** A refinement's issue as the API codes it (a `custom` issue carries its own code). */
function apiCode(r: { error?: { issues: { code: string }[] } }) {
  const first = r.error?.issues[0];
  if (!first) throw new Error('expected a refusal');
  const { code, ...detail } = first;
  return codedFieldIssues(code, detail, false);
}

describe('request refinements', () => {
  it('a user update must change something besides giving a reason', () => {
    expect(issue(updateUserRequestSchema.safeParse({ reason: 'tidy up' }))).toMatchObject({
      message: 'Nothing to change',
      params: { code: 'NOTHING_TO_CHANGE' },
    });
    expect(updateUserRequestSchema.safeParse({ reason: 'tidy up', active: false }).success).toBe(true);
  });

  it('an allocation check takes the seed or the list file, not both and not neither', () => {
    const refusal = {
      path: ['seedHex'],
      message: 'Give either the seed (generated list) or the list file (imported list)',
      params: { code: 'SEED_OR_LIST_FILE' },
    };
    expect(issue(verifyAllocationRequestSchema.safeParse({ listId }))).toMatchObject(refusal);
    expect(
      issue(verifyAllocationRequestSchema.safeParse({ listId, seedHex: 'a'.repeat(64), csv: 'x' })),
    ).toMatchObject(refusal);
    expect(apiCode(verifyAllocationRequestSchema.safeParse({ listId }))).toEqual([
      { at: [], code: 'SEED_OR_LIST_FILE', params: {} },
    ]);
    expect(verifyAllocationRequestSchema.safeParse({ listId, seedHex: 'a'.repeat(64) }).success).toBe(true);
    expect(verifyAllocationRequestSchema.safeParse({ listId, csv: 'x' }).success).toBe(true);
  });

  it('a new password is refused for its length with the code, bound and sentence', () => {
    expect(issue(newPasswordSchema.safeParse('short'))).toMatchObject({
      message: 'Use at least 12 characters',
      params: { code: 'PASSWORD_TOO_SHORT', min: 12 },
    });
    expect(issue(newPasswordSchema.safeParse('x'.repeat(201)))).toMatchObject({
      params: { code: 'PASSWORD_TOO_LONG', max: 200 },
    });
    expect(apiCode(newPasswordSchema.safeParse('short'))).toEqual([
      { at: [], code: 'PASSWORD_TOO_SHORT', params: { min: 12 } },
    ]);
    expect(newPasswordSchema.safeParse('x'.repeat(12)).success).toBe(true);
  });

  it('a changed password must differ from the current one', () => {
    const same = 'correct horse battery';
    expect(
      issue(changePasswordRequestSchema.safeParse({ currentPassword: same, newPassword: same })),
    ).toMatchObject({
      path: ['newPassword'],
      message: 'The new password must differ from the current one',
      params: { code: 'PASSWORD_UNCHANGED' },
    });
    expect(
      changePasswordRequestSchema.safeParse({ currentPassword: same, newPassword: `${same}!` }).success,
    ).toBe(true);
  });
});

describe('backupOverdue', () => {
  const now = new Date('2025-06-02T12:00:00Z');

  it('is overdue without a verified backup or when the newest is older than the interval', () => {
    expect(backupOverdue(null, now, 24)).toBe(true);
    expect(backupOverdue('', now, 24)).toBe(true);
    expect(backupOverdue('2025-06-01T12:00:00Z', now, 24)).toBe(false);
    expect(backupOverdue('2025-06-01T11:59:59Z', now, 24)).toBe(true);
    expect(backupOverdue('2025-06-02T11:00:00Z', now, 1)).toBe(false);
    expect(backupOverdue('2025-06-02T10:59:59Z', now, 1)).toBe(true);
  });
});

describe('isFieldCode', () => {
  it('knows the field codes and nothing else', () => {
    expect(isFieldCode('FIELD_REQUIRED')).toBe(true);
    expect(isFieldCode('field_removed_with_data')).toBe(true);
    expect(isFieldCode('NOPE')).toBe(false);
    expect(isFieldCode(3)).toBe(false);
  });
});

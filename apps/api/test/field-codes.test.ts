import { testDbKind } from '@mini-edc/db/testing';
import { errorBodySchema, fieldCodes } from '@mini-edc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { call, type Session } from './session';

/**
 * Every field the API refuses carries a field code and its parameters (docs/errors.md, "Field
 * codes"), whether a contract (zod), a service or a CSV row refused it: the web words the code, so
 * the English `message` never has to reach a screen.
 */
let t: TestContext;
let admin: Session;
let siteId: string;

beforeAll(async () => {
  t = await buildTestApp();
  siteId = (await newSite(t.db.db, { code: 'F01' })).id;
  admin = (await signedInUser(t, { role: 'admin', siteIds: [siteId] })).session;
});
afterAll(() => t?.close());

const user = (over: Record<string, unknown>) => ({
  email: 'new.person@example.org',
  displayName: 'New Person',
  role: 'coordinator',
  siteIds: [siteId],
  temporaryPassword: 'Harbor-Violet-Compass-38',
  ...over,
});

/** The refused fields, after checking the envelope and that every code is one the web words. */
function refusedFields(res: { statusCode: number; json: () => unknown; body: string }, status = 400) {
  expect(res.statusCode, res.body).toBe(status);
  const fields = errorBodySchema.parse(res.json()).error.fields ?? [];
  expect(fields.length).toBeGreaterThan(0);
  for (const f of fields) expect(fieldCodes, f.code).toContain(f.code);
  return fields.map(({ path, code, params }) => ({ path, code, params }));
}

describe(`field codes on ${testDbKind()}`, () => {
  it('a zod type error, an absent field, a too-short value and an invalid enum are coded', async () => {
    const res = await call(t.app, admin, 'POST', '/api/v1/admin/users', {
      ...user({ displayName: 42, role: 'boss', temporaryPassword: 'short' }),
      email: undefined,
      extra: 1,
    });
    expect(refusedFields(res)).toEqual(
      expect.arrayContaining([
        { path: 'body.email', code: 'FIELD_REQUIRED', params: {} },
        { path: 'body.displayName', code: 'NOT_TEXT', params: { expected: 'string' } },
        {
          path: 'body.role',
          code: 'INVALID_CHOICE',
          params: { options: expect.stringContaining('coordinator') },
        },
        { path: 'body.temporaryPassword', code: 'PASSWORD_TOO_SHORT', params: { min: 12 } },
        { path: 'body.extra', code: 'FIELD_UNKNOWN', params: {} },
      ]),
    );
  });

  it('a value shorter than the contract allows names the minimum; a malformed email its format', async () => {
    const res = await call(
      t.app,
      admin,
      'POST',
      '/api/v1/admin/users',
      user({ email: 'nope', displayName: 'N' }),
    );
    expect(refusedFields(res)).toEqual(
      expect.arrayContaining([
        { path: 'body.displayName', code: 'TOO_SHORT', params: { minimum: 2 } },
        { path: 'body.email', code: 'INVALID_FORMAT', params: { format: 'email' } },
      ]),
    );
  });

  it('a service refusal of a field is coded (a site code already taken)', async () => {
    const site = { code: 'F02', name: 'Field Code Hospital' };
    expect((await call(t.app, admin, 'POST', '/api/v1/admin/sites', site)).statusCode).toBe(201);
    const dup = await call(t.app, admin, 'POST', '/api/v1/admin/sites', site);
    expect(refusedFields(dup, 409)).toEqual([{ path: 'body.code', code: 'SITE_CODE_TAKEN', params: {} }]);
  });

  it('a site code in the wrong form says what it should look like, not just "not in the expected form"', async () => {
    const res = await call(t.app, admin, 'POST', '/api/v1/admin/sites', {
      code: 'site 3',
      name: 'Wrong Code',
    });
    expect(refusedFields(res)).toEqual([{ path: 'body.code', code: 'SITE_CODE_FORMAT', params: {} }]);
  });

  it('a CSV row problem is coded with its row number', async () => {
    const csv =
      'stratum,seq,arm,block_no,block_size\nF01,1,PLACEBO,1,2\nF01,2,US_D5W,1,2\nF02,1,TLF_MOB,1,2\nF02,2,US_D5W,1,2\n';
    const res = await call(t.app, admin, 'POST', '/api/v1/admin/randomization-lists/import', {
      name: 'Coded rows',
      csv,
    });
    expect(refusedFields(res)).toContainEqual({
      path: 'body.csv.row1.arm',
      code: 'ROW_ARM_UNKNOWN',
      params: { row: 1, column: 'arm', arm: 'PLACEBO' },
    });
  });
});

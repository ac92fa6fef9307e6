/**
 * Strict parsing (docs/requirements.md R-REC-4): dates a trial cannot hold (year 0000, 0001,
 * 9999), cursors that decode to such a date, NUL and lone UTF-16 surrogates in any parameter or
 * body field are answered 400 naming the field, never 500, and change nothing. The write routes
 * get the same inputs at random in fuzz-write-routes.test.ts.
 */
import { field, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteId: string;
let staff: Session;
let admin: Session;
let participantId: string;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'Z01' })).id;
  staff = (await signedInUser(t, { role: 'coordinator', siteIds: [siteId] })).session;
  admin = (await signedInUser(t, { role: 'admin', siteIds: [siteId] })).session;
  participantId = await readyForRandomization(t.app, staff, siteId);
});
afterAll(() => t?.close());

async function auditCount(): Promise<number> {
  const rows = await selectRows(t.db.db, { n: field.int }, sql`select count(*)::int as n from audit_log`);
  return rows[0]?.n ?? -1;
}

async function refused(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const before = await auditCount();
  const res = await call(t.app, session, method, url, payload);
  expect(res.statusCode, res.body).toBe(400);
  if (method !== 'GET') expect(await auditCount()).toBe(before);
  return [...new Set(res.json().error.fields.map((f: { path: string }) => f.path))];
}

const cursorAt = (at: string) => Buffer.from(`audit:5@${at}`).toString('base64url');

describe(`strict parsing on ${testDbKind()}`, () => {
  it.each(['0000-01-01', '0001-01-01', '9999-12-31', '2026-02-30'])(
    'refuses the screening date %s, naming it',
    async (screenedAt) => {
      expect(await refused(staff, 'POST', '/api/v1/participants', { siteId, screenedAt })).toEqual([
        'body.screenedAt',
      ]);
    },
  );

  it.each(['0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z'])(
    'refuses the audit filter time %s, and a cursor that carries it',
    async (at) => {
      expect(await refused(admin, 'GET', `/api/v1/audit?from=${encodeURIComponent(at)}`)).toEqual([
        'querystring.from',
      ]);
      expect(await refused(admin, 'GET', `/api/v1/audit?cursor=${cursorAt(at)}`)).toEqual([
        'querystring.cursor',
      ]);
    },
  );

  it('refuses NUL in a query parameter and lone surrogates or NUL in any body field', async () => {
    expect(await refused(admin, 'GET', '/api/v1/audit?actorId=a%00b')).toEqual(['querystring.actorId']);
    const base = `/api/v1/participants/${participantId}`;
    expect(
      await refused(staff, 'PUT', `${base}/visits/UNS/forms/deviation`, {
        data: { description: 'lone \uD800 surrogate' },
        status: 'draft',
      }),
    ).toEqual(['body.data.description']);
    expect(
      await refused(staff, 'PUT', `${base}/eligibility`, {
        answers: { I1: 'yes' },
        reason: 'nul \u0000 inside',
      }),
    ).toEqual(['body.reason']);
    expect(
      await refused(staff, 'PUT', `${base}/visits/UNS/forms/deviation`, {
        data: { 'key\uDC00': 'x' },
        status: 'draft',
      }),
    ).toEqual(['body.data']);
  });

  it('refuses a visit date of year 0000 with 400, not a database error', async () => {
    const list = await call(t.app, admin, 'POST', '/api/v1/admin/randomization-lists/generate', {
      name: 'Strict list',
    });
    expect(list.statusCode).toBe(201);
    expect(
      (await call(t.app, staff, 'POST', `/api/v1/participants/${participantId}/randomize`)).statusCode,
    ).toBe(201);
    expect(
      await refused(staff, 'PUT', `/api/v1/participants/${participantId}/visits/W1`, {
        status: 'done',
        visitDate: '0000-01-01',
      }),
    ).toEqual(['body.visitDate']);
  });
});

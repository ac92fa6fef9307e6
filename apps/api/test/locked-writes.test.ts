import { testDbKind } from '@mini-edc/db/testing';
import type { Role } from '@mini-edc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/services/sessions';
import { buildTestApp, type TestContext } from './helpers';
import { type MatrixEntry, type Method, matrixEntries } from './matrix/entries';
import { buildMatrixFixture, type MatrixFixture } from './matrix/fixture';
import { callerFor, fingerprint } from './matrix/route-walk';

const writeMethods = new Set(['post', 'put', 'patch', 'delete']);

const writableWhileLocked = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/change-password',
  'POST /api/v1/auth/reauthenticate',
  'PUT /api/v1/auth/locale',
  'POST /api/v1/admin/users',
  'PATCH /api/v1/admin/users/:id',
  'POST /api/v1/admin/users/:id/reset-password',
  'POST /api/v1/admin/users/:id/unlock',
  'POST /api/v1/admin/study/:action',
  'POST /api/v1/closeout/allocation-verifications',
];

let t: TestContext;
let fx: MatrixFixture;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 100_000 });
  fx = await buildMatrixFixture(t.app);
  await t.app.ready();
}, 300_000);
afterAll(() => t?.close());

async function sessionHeaders(role: Role): Promise<Record<string, string>> {
  const { token, session } = await createSession(t.db.db, fx.users[role].id, t.app.sessionPolicy);
  return { cookie: `edc_session=${token}`, 'x-csrf-token': session.csrfToken };
}

describe(`writes while the study is locked on ${testDbKind()}`, () => {
  it('every state-changing route of the OpenAPI document answers 423 STUDY_LOCKED and changes nothing', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) {
        if (writeMethods.has(method))
          writes.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      }
    }
    // Every state-changing route is in the document (a hidden route would escape this walk).
    const registered = t.app.apiRoutes.filter((r) => writeMethods.has(r.method.toLowerCase()));
    expect(writes.sort()).toEqual(registered.map((r) => `${r.method} ${r.url}`).sort());
    expect(writableWhileLocked.filter((key) => !writes.includes(key))).toEqual([]);

    const admin = await sessionHeaders('admin');
    const step = async (action: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/study/${action}`,
        headers: admin,
        payload: { reason: 'locked-writes probe' },
      });
    expect((await step('close_entry')).statusCode).toBe(200);
    expect((await step('lock')).statusCode).toBe(200);

    const headers = new Map<string, Record<string, string>>();
    for (const key of writes) {
      const entry = matrixEntries[key];
      if (!entry) throw new Error(`no matrix entry for ${key}`);
      const role = callerFor(entry);
      if (role !== 'public' && !headers.has(key)) headers.set(key, await sessionHeaders(role));
    }
    const before = await fingerprint(t.db.db, ['sessions']);
    const failures: string[] = [];
    for (const key of writes.filter((k) => !writableWhileLocked.includes(k))) {
      const entry = matrixEntries[key] as MatrixEntry;
      const req = entry.request(fx, fx.own);
      const res = await t.app.inject({
        method: key.split(' ')[0] as Method,
        url: req.url,
        headers: headers.get(key) ?? { 'x-csrf-token': 'login' },
        ...(req.payload === undefined ? {} : { payload: req.payload as object }),
      });
      const code = res.statusCode === 423 ? (res.json() as { error: { code: string } }).error.code : '';
      if (res.statusCode !== 423 || code !== 'STUDY_LOCKED') {
        failures.push(`${key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(t.db.db, ['sessions'])).toEqual(before);
    console.log(
      `locked: ${writes.length - writableWhileLocked.length} state-changing routes refused, ${writableWhileLocked.length} writable`,
    );
  }, 600_000);
});

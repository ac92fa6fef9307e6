import { schema } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import type { Role } from '@mini-edc/domain';
import { count, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions';
import { buildTestApp, type TestContext } from '../helpers';
import { type Method, matrixEntries } from '../matrix/entries';
import { buildMatrixFixture, type MatrixFixture } from '../matrix/fixture';

/**
 * Every state-changing route refuses a request that carries the session cookie but not the
 * session's own x-csrf-token (R-ACCESS-1, docs/security.md): no header, a forged one, or the
 * valid token of another session. The caller is a role the route allows, so without the check the
 * request would go through; it must change nothing (no audit row but the refusal's own security
 * event appears).
 */
const unsafe = new Set<string>(['POST', 'PUT', 'PATCH', 'DELETE']);

// No route answers DELETE today. So that the check is proven for that method too, the test app
// gets one DELETE route that declares its access like any other and would write if reached.
const deleteProbe = '/api/v1/csrf-probe';

let t: TestContext;
let fx: MatrixFixture;
let probeReached = 0;
beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 100_000 });
  t.app.delete(deleteProbe, { config: { access: { roles: ['admin'] } } }, async (_request, reply) => {
    probeReached++;
    return reply.code(204).send();
  });
  fx = await buildMatrixFixture(t.app);
  await t.app.ready();
}, 300_000);
afterAll(() => t?.close());

/** Audit rows of trial data and accounts; refusals are filed as security events (R-ACCESS-4). */
async function auditRows() {
  const [row] = await t.db.db
    .select({ n: count() })
    .from(schema.auditLog)
    .where(ne(schema.auditLog.tableName, 'security_events'));
  return row?.n ?? 0;
}

async function sessionFor(role: Role) {
  const { token, session } = await createSession(t.db.db, fx.users[role].id, t.app.sessionPolicy);
  return { cookie: `edc_session=${token}`, csrf: session.csrfToken };
}

describe(`CSRF on every state-changing route, on ${testDbKind()}`, () => {
  it('refuses each unsafe method without the session’s own token, and changes nothing', async () => {
    const before = await auditRows();
    const failures: string[] = [];
    const methods = new Set<string>();
    // A valid token, but of another session of the same user: tokens are bound to their session.
    const bystander = await sessionFor('admin');
    for (const route of t.app.apiRoutes) {
      if (!unsafe.has(route.method)) continue;
      methods.add(route.method);
      const key = `${route.method} ${route.url}`;
      const entry = matrixEntries[key];
      const req =
        route.url === deleteProbe ? { url: deleteProbe, payload: undefined } : entry?.request(fx, fx.own);
      if (!req) {
        failures.push(`${key}: no matrix entry to build a request from`);
        continue;
      }
      const role = entry && entry.allowed !== 'public' ? entry.allowed[0] : 'admin';
      const isPublic = entry?.allowed === 'public';
      const tries: Record<string, string | undefined> = isPublic
        ? { 'no header': undefined }
        : { 'no header': undefined, forged: 'forged-token', "another session's": bystander.csrf };
      for (const [label, csrf] of Object.entries(tries)) {
        const headers: Record<string, string> = {};
        if (!isPublic && role) headers.cookie = (await sessionFor(role)).cookie;
        if (csrf !== undefined) headers['x-csrf-token'] = csrf;
        const res = await t.app.inject({
          method: route.method as Method,
          url: req.url,
          headers,
          ...(req.payload === undefined ? {} : { payload: req.payload as object }),
        });
        const code = res.statusCode === 403 ? res.json().error?.code : undefined;
        if (code !== 'CSRF_FAILED') {
          failures.push(`${key} as ${role}, ${label} token: got ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...methods].sort()).toEqual(['DELETE', 'PATCH', 'POST', 'PUT']);
    expect(probeReached).toBe(0);
    expect(await auditRows()).toBe(before);
  }, 600_000);

  it('lets the same requests through with the right token (the refusals above are the check, not the request)', async () => {
    const admin = await sessionFor('admin');
    const req = matrixEntries['PATCH /api/v1/admin/users/:id']?.request(fx, fx.own);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: req?.url ?? '',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: req?.payload as object,
    });
    expect(patch.statusCode).toBe(200);
    const probe = await t.app.inject({
      method: 'DELETE',
      url: deleteProbe,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(probe.statusCode).toBe(204);
    expect(probeReached).toBe(1);
  });
});

import { SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite, newUser } from '../src/seed/factories';
import { buildTestApp, type TestContext } from './helpers';
import { call, signIn } from './session';

let t: TestContext;
let siteId: string;
beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'A01' })).id;
});
afterAll(() => t?.close());

const login = (
  email: string,
  password: string,
  headers: Record<string, string> = { 'x-csrf-token': 'login' },
) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email, password } });

async function auditActions(recordOrEmail: string) {
  return selectRows(
    t.db.db,
    { action: schema.auditLog.action, reason: schema.auditLog.reason },
    sql`select action, reason from audit_log where table_name = 'sessions'
        and (record_id = ${recordOrEmail} or changes->>'email' = ${recordOrEmail}) order by id`,
  );
}

describe(`sign-in and sessions on ${testDbKind()}`, () => {
  it('signs in, sets an HttpOnly SameSite=Strict cookie, and stores only a hash of the token', async () => {
    const user = await newUser(t.db.db, { role: 'coordinator', siteIds: [siteId] });
    const res = await login(user.email, user.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'edc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({ email: user.email, role: 'coordinator', sites: [{ code: 'A01' }] });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const stored = await t.db.db.select().from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toBe(cookie?.value);
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(user.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect((await auditActions(stored[0]?.id ?? '')).map((a) => a.action)).toEqual(['LOGIN']);
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const https = await buildTestApp({ EDC_TRUST_PROXY: true });
    try {
      const user = await newUser(https.db.db, { role: 'monitor', siteIds: [] });
      const res = await https.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-csrf-token': 'login', 'x-forwarded-proto': 'https' },
        payload: { email: user.email, password: user.password },
      });
      expect(res.cookies.find((c) => c.name === 'edc_session')?.secure).toBe(true);
    } finally {
      await https.close();
    }
  });

  it('answers the same for an unknown email and a wrong password, and audits both', async () => {
    const user = await newUser(t.db.db, { role: 'investigator', siteIds: [siteId] });
    const unknown = await login('nobody@test.edc', 'whatever-123');
    const wrong = await login(user.email, 'wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await auditActions('nobody@test.edc')).map((a) => a.action)).toEqual(['LOGIN_FAILED']);
    expect(await auditActions(user.email)).toEqual([
      { action: 'LOGIN_FAILED', reason: 'failed login: wrong password' },
    ]);
  });

  it('locks the account after 5 consecutive failures, even against the right password', async () => {
    const user = await newUser(t.db.db, { role: 'coordinator', siteIds: [siteId] });
    for (let i = 0; i < 5; i++) expect((await login(user.email, `bad-${i}-password`)).statusCode).toBe(401);
    const locked = await login(user.email, user.password);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('INVALID_CREDENTIALS');
    const [row] = await t.db.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    const lockedFor = (row?.lockedUntil?.getTime() ?? 0) - Date.now();
    expect(lockedFor).toBeGreaterThan(14 * 60_000);
    expect(lockedFor).toBeLessThanOrEqual(15 * 60_000);
    // Once the lock has run out the right password works again.
    await withAudit(t.db.db, SYSTEM_ACTOR, async (tx) => {
      await tx
        .update(schema.users)
        .set({ lockedUntil: new Date(Date.now() - 1000) })
        .where(eq(schema.users.id, user.id));
    });
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('needs the x-csrf-token header on login, and refuses state changes without the session token', async () => {
    const user = await newUser(t.db.db, { role: 'coordinator', siteIds: [siteId] });
    const noHeader = await login(user.email, user.password, {});
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_FAILED');
    const session = await signIn(t.app, user.email, user.password);
    for (const csrf of [undefined, 'forged-token']) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/auth/locale',
        headers: { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
        payload: { locale: 'tr' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_FAILED');
    }
    const [unchanged] = await t.db.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(unchanged?.locale).toBe('en');
    expect((await call(t.app, session, 'PUT', '/api/v1/auth/locale', { locale: 'tr' })).statusCode).toBe(204);
    const [changed] = await t.db.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(changed?.locale).toBe('tr');
  });

  it('ends the session server-side at logout', async () => {
    const user = await newUser(t.db.db, { role: 'monitor', siteIds: [siteId] });
    const session = await signIn(t.app, user.email, user.password);
    expect((await call(t.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const out = await call(t.app, session, 'POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const reuse = await call(t.app, session, 'GET', '/api/v1/auth/me');
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('SESSION_EXPIRED');
    const [s] = await t.db.db.select().from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(s?.endedAt).toBeInstanceOf(Date);
    expect((await auditActions(s?.id ?? '')).map((a) => a.action)).toEqual(['LOGIN', 'LOGOUT']);
  });

  it('tells a browser without a session who it is with a 200, not a 401', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ user: null });
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'edc_session=not-a-session-we-gave-out' },
    });
    expect(unknown.json()).toEqual({ user: null });
    // A session that must change its password still learns who it is.
    const user = await newUser(t.db.db, { role: 'monitor', siteIds: [siteId], mustChangePassword: true });
    const session = await signIn(t.app, user.email, user.password);
    const me = await call(t.app, session, 'GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: user.id, mustChangePassword: true });
  });

  it('expires an idle session and one past its absolute lifetime', async () => {
    const user = await newUser(t.db.db, { role: 'assessor', siteIds: [siteId] });
    const idle = await signIn(t.app, user.email, user.password);
    await t.db.db
      .update(schema.sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(schema.sessions.userId, user.id));
    expect((await call(t.app, idle, 'GET', '/api/v1/auth/me')).json().error.code).toBe('SESSION_EXPIRED');

    const old = await signIn(t.app, user.email, user.password);
    const me = await call(t.app, old, 'GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    await t.db.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${user.id} and ended_at is null`,
    );
    expect((await call(t.app, old, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('forces a temporary password to be changed before anything else', async () => {
    const user = await newUser(t.db.db, { role: 'admin', siteIds: [siteId], mustChangePassword: true });
    const session = await signIn(t.app, user.email, user.password);
    const blocked = await call(t.app, session, 'GET', '/api/v1/admin/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await call(t.app, session, 'POST', '/api/v1/auth/change-password', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('body.newPassword');
    const ok = await call(t.app, session, 'POST', '/api/v1/auth/change-password', {
      currentPassword: user.password,
      newPassword: 'A-much-better-one-2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await call(t.app, session, 'GET', '/api/v1/admin/users')).statusCode).toBe(200);
  });

  it('re-authenticates with the password inside a request (21 CFR 11.200)', async () => {
    const user = await newUser(t.db.db, { role: 'investigator', siteIds: [siteId] });
    const session = await signIn(t.app, user.email, user.password);
    const wrong = await call(t.app, session, 'POST', '/api/v1/auth/reauthenticate', {
      password: 'nope-nope-1',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.fields).toEqual([
      expect.objectContaining({ path: 'body.password', code: 'PASSWORD_WRONG', params: { attemptsLeft: 4 } }),
    ]);
    const right = await call(t.app, session, 'POST', '/api/v1/auth/reauthenticate', {
      password: user.password,
    });
    expect(right.statusCode).toBe(204);
    expect((await auditActions(user.id)).map((a) => a.action)).toEqual([
      'REAUTHENTICATION_FAILED',
      'REAUTHENTICATED',
    ]);
  });
});

describe('login rate limit', () => {
  it('answers 429 with the standard error body past the per-minute limit', async () => {
    const limited = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-csrf-token': 'login' },
          payload: { email: 'x@test.edc', password: 'whatever-123' },
        });
        codes.push(res.statusCode);
        if (res.statusCode === 429) expect(res.json().error.code).toBe('RATE_LIMITED');
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

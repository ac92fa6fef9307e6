import { field, schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite, newUser } from '../../src/seed/factories';
import { buildTestApp, type TestContext } from '../helpers';
import { allEligible, daysAgo, demographics } from '../journey-helpers';
import { call, type Session, signIn } from '../session';

/**
 * docs/security.md, control 2: sign-in, change-password, re-authentication and signing are one
 * password check: one lockout counter, one rate limit, every failure audited, and a
 * REAUTHENTICATED row only for a signature that was made.
 */
let t: TestContext;
let siteId: string;
beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'Q01' })).id;
});
afterAll(() => t?.close());

const wrong = 'Not-The-Password-11';
const someParticipant = '00000000-0000-4000-8000-000000000001';

const login = (app: TestContext['app'], email: string, password: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-csrf-token': 'login' },
    payload: { email, password },
  });

function attempts(app: TestContext['app'], session: Session, email: string) {
  return {
    login: () => login(app, email, wrong),
    change: () =>
      call(app, session, 'POST', '/api/v1/auth/change-password', {
        currentPassword: wrong,
        newPassword: 'Quartz-Meadow-Lantern-61',
      }),
    reauth: () => call(app, session, 'POST', '/api/v1/auth/reauthenticate', { password: wrong }),
    sign: () =>
      call(app, session, 'POST', `/api/v1/participants/${someParticipant}/visits/SCR/sign`, {
        password: wrong,
      }),
  };
}

async function failures(userId: string) {
  return selectRows(
    t.db.db,
    { action: schema.auditLog.action, purpose: field.text },
    sql`select action, changes->>'purpose' as purpose from audit_log
        where table_name = 'sessions' and record_id = ${userId} and action like '%FAILED' order by id`,
  );
}

async function accountOf(userId: string) {
  const [row] = await t.db.db.select().from(schema.users).where(eq(schema.users.id, userId));
  return row;
}

describe(`one password check for every purpose, on ${testDbKind()}`, () => {
  it('counts failures of every kind towards one lockout and audits each', async () => {
    const user = await newUser(t.db.db, { role: 'investigator', siteIds: [siteId] });
    const session = await signIn(t.app, user.email, user.password);
    const a = attempts(t.app, session, user.email);

    expect((await a.login()).statusCode).toBe(401);
    const change = await a.change();
    expect(change.statusCode).toBe(400);
    expect(change.json().error.fields).toEqual([
      {
        path: 'body.currentPassword',
        message: 'The current password is wrong.',
        code: 'CURRENT_PASSWORD_WRONG',
        params: {},
      },
    ]);
    expect((await a.reauth()).statusCode).toBe(401);
    expect((await a.sign()).statusCode).toBe(401);
    expect((await accountOf(user.id))?.failedLogins).toBe(4);
    // The fifth failure, whichever route it comes through, locks the account and, as it came
    // from inside a session, ends the user's sessions.
    expect((await a.change()).statusCode).toBe(400);
    expect((await accountOf(user.id))?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect((await call(t.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(t.app, user.email, user.password)).statusCode).toBe(401);

    expect(await failures(user.id)).toEqual([
      { action: 'LOGIN_FAILED', purpose: 'login' },
      { action: 'PASSWORD_CHANGE_FAILED', purpose: 'change_password' },
      { action: 'REAUTHENTICATION_FAILED', purpose: 'reauthenticate' },
      { action: 'REAUTHENTICATION_FAILED', purpose: 'sign' },
      { action: 'PASSWORD_CHANGE_FAILED', purpose: 'change_password' },
      { action: 'LOGIN_FAILED', purpose: 'login' },
    ]);
  });

  it('counts parallel wrong guesses one by one', async () => {
    const user = await newUser(t.db.db, { role: 'coordinator', siteIds: [siteId] });
    const session = await signIn(t.app, user.email, user.password);
    const a = attempts(t.app, session, user.email);
    const answers = await Promise.all([
      a.reauth(),
      a.reauth(),
      a.change(),
      a.reauth(),
      a.change(),
      a.reauth(),
      a.change(),
    ]);
    expect(answers.every((r) => r.statusCode === 401 || r.statusCode === 400)).toBe(true);
    // Five of them lock the account; a guess that arrives after that finds it locked or its
    // session ended, so at least five failures are on record.
    expect((await accountOf(user.id))?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect((await failures(user.id)).length).toBeGreaterThanOrEqual(5);
  });

  it('clears the count after a correct password', async () => {
    const user = await newUser(t.db.db, { role: 'monitor', siteIds: [siteId] });
    const session = await signIn(t.app, user.email, user.password);
    const a = attempts(t.app, session, user.email);
    await a.reauth();
    await a.change();
    expect((await accountOf(user.id))?.failedLogins).toBe(2);
    const ok = await call(t.app, session, 'POST', '/api/v1/auth/reauthenticate', { password: user.password });
    expect(ok.statusCode).toBe(204);
    expect((await accountOf(user.id))?.failedLogins).toBe(0);
  });

  it('writes REAUTHENTICATED only for a signature that was made, in its transaction', async () => {
    const user = await newUser(t.db.db, { role: 'investigator', siteIds: [siteId] });
    const session = await signIn(t.app, user.email, user.password);
    const created = await call(t.app, session, 'POST', '/api/v1/participants', {
      siteId,
      screenedAt: daysAgo(1),
    });
    expect(created.statusCode).toBe(201);
    const base = `/api/v1/participants/${created.json().id}`;
    const draft = await call(t.app, session, 'PUT', `${base}/visits/SCR/forms/demographics`, {
      data: { birth_year: 1980 },
      status: 'draft',
    });
    expect(draft.statusCode).toBe(200);

    const refused = await call(t.app, session, 'POST', `${base}/visits/SCR/sign`, {
      password: user.password,
    });
    expect(refused.statusCode).toBe(409);
    const reauthRows = () =>
      selectRows(
        t.db.db,
        { request_id: schema.auditLog.requestId },
        sql`select request_id from audit_log where action = 'REAUTHENTICATED' and record_id = ${user.id}`,
      );
    expect(await reauthRows()).toEqual([]);

    const complete = await call(t.app, session, 'PUT', `${base}/visits/SCR/forms/demographics`, {
      data: demographics,
      status: 'complete',
    });
    expect(complete.statusCode).toBe(200);
    // Signing needs every form of the visit complete (R-SIGN-2): eligibility and consent too.
    expect(
      (await call(t.app, session, 'PUT', `${base}/eligibility`, { answers: allEligible })).statusCode,
    ).toBe(200);
    const consent = await call(t.app, session, 'PUT', `${base}/visits/SCR/forms/consent`, {
      data: { consent_date: daysAgo(0), icf_version: '1.0', obtained_by: 'Dr. Test' },
      status: 'complete',
    });
    expect(consent.statusCode).toBe(200);
    const signed = await call(t.app, session, 'POST', `${base}/visits/SCR/sign`, { password: user.password });
    expect(signed.statusCode).toBe(200);
    const reauth = await reauthRows();
    expect(reauth).toHaveLength(1);
    const [sign] = await selectRows(
      t.db.db,
      { request_id: schema.auditLog.requestId },
      sql`select request_id from audit_log where action = 'SIGN' and actor_id = ${user.id}`,
    );
    expect(reauth[0]?.request_id).toBe(sign?.request_id);
  });
});

describe(`one rate limit for every password check, on ${testDbKind()}`, () => {
  it('shares one per-minute budget between sign-in, change-password, re-authentication and signing', async () => {
    const limited = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 4 });
    try {
      const site = await newSite(limited.db.db, { code: 'Q02' });
      const user = await newUser(limited.db.db, { role: 'investigator', siteIds: [site.id] });
      const session = await signIn(limited.app, user.email, user.password); // 1
      const a = attempts(limited.app, session, user.email);
      expect((await a.change()).statusCode).toBe(400); // 2
      expect((await a.reauth()).statusCode).toBe(401); // 3
      expect((await a.sign()).statusCode).toBe(401); // 4
      for (const next of [a.login, a.reauth, a.change, a.sign]) {
        const res = await next();
        expect(res.statusCode).toBe(429);
        expect(res.json().error.code).toBe('RATE_LIMITED');
      }
      // Requests that check no password do not use the budget up, nor are they limited by it.
      expect((await call(limited.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

import { schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite, newUser } from '../../src/seed/factories';
import { buildTestApp, type TestContext } from '../helpers';
import { call, signIn } from '../session';

/**
 * docs/security.md, control 1: a new password ends every other session of the user (a stolen
 * session does not survive the victim changing the password); the session that changed it goes on.
 */
let t: TestContext;
let siteId: string;
beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'P01' })).id;
});
afterAll(() => t?.close());

const me = (session: Awaited<ReturnType<typeof signIn>>) => call(t.app, session, 'GET', '/api/v1/auth/me');

describe(`a password change ends the other sessions, on ${testDbKind()}`, () => {
  it('keeps the session that changed the password and ends every other one', async () => {
    const user = await newUser(t.db.db, { role: 'coordinator', siteIds: [siteId] });
    const victim = await signIn(t.app, user.email, user.password);
    const thief = await signIn(t.app, user.email, user.password);
    const laptop = await signIn(t.app, user.email, user.password);
    const newPassword = 'Quartz-Meadow-Lantern-61';

    const changed = await call(t.app, victim, 'POST', '/api/v1/auth/change-password', {
      currentPassword: user.password,
      newPassword,
    });
    expect(changed.statusCode).toBe(204);

    expect((await me(victim)).statusCode).toBe(200);
    for (const other of [thief, laptop]) {
      const res = await me(other);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('SESSION_EXPIRED');
    }
    // The ended sessions stay ended: the old password does not sign in, the new one does.
    await expect(signIn(t.app, user.email, user.password)).rejects.toThrow(/401/);
    await signIn(t.app, user.email, newPassword);

    const events = await selectRows(
      t.db.db,
      { action: schema.auditLog.action, changes: schema.auditLog.changes },
      sql`select action, changes from audit_log where action = 'SESSIONS_ENDED' and record_id = ${user.id}`,
    );
    expect(events).toEqual([
      { action: 'SESSIONS_ENDED', changes: { sessions: 2, cause: 'password changed' } },
    ]);
  });

  it('ends every session of the user when an admin resets the password', async () => {
    const admin = await newUser(t.db.db, { role: 'admin', siteIds: [siteId] });
    const user = await newUser(t.db.db, { role: 'investigator', siteIds: [siteId] });
    const adminSession = await signIn(t.app, admin.email, admin.password);
    const a = await signIn(t.app, user.email, user.password);
    const b = await signIn(t.app, user.email, user.password);
    const reset = await call(t.app, adminSession, 'POST', `/api/v1/admin/users/${user.id}/reset-password`, {
      temporaryPassword: 'Harbor-Violet-Compass-38',
    });
    expect(reset.statusCode).toBe(204);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(adminSession)).statusCode).toBe(200);
  });
});

import { schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite, newUser } from '../src/seed/factories';
import { signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { call, type Session, signIn } from './session';

let t: TestContext;
let admin: Session;
let siteA: string;
let siteB: string;
beforeAll(async () => {
  t = await buildTestApp();
  siteA = (await newSite(t.db.db, { code: 'A01' })).id;
  siteB = (await newSite(t.db.db, { code: 'B01' })).id;
  admin = (await signedInUser(t, { role: 'admin', siteIds: [siteA, siteB] })).session;
});
afterAll(() => t?.close());

describe(`admin: sites and users on ${testDbKind()}`, () => {
  it('creates and renames a site, refusing a taken code with the field named', async () => {
    const created = await call(t.app, admin, 'POST', '/api/v1/admin/sites', {
      code: 'S07',
      name: 'Gazi Hospital',
    });
    expect(created.statusCode).toBe(201);
    const dup = await call(t.app, admin, 'POST', '/api/v1/admin/sites', { code: 'S07', name: 'Other' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toEqual([
      { path: 'body.code', message: 'This code is already taken.', code: 'SITE_CODE_TAKEN', params: {} },
    ]);
    const bad = await call(t.app, admin, 'POST', '/api/v1/admin/sites', { code: 'hospital', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body.code', 'body.name']);
    const renamed = await call(t.app, admin, 'PATCH', `/api/v1/admin/sites/${created.json().id}`, {
      name: 'Gazi University Hospital',
    });
    expect(renamed.json()).toMatchObject({ code: 'S07', name: 'Gazi University Hospital' });
    const [audit] = await selectRows(
      t.db.db,
      { changes: schema.auditLog.changes, actor_role: schema.auditLog.actorRole },
      sql`select changes, actor_role from audit_log where table_name = 'sites' and action = 'UPDATE' and record_id = ${created.json().id}`,
    );
    expect(audit).toEqual({
      changes: { name: ['Gazi Hospital', 'Gazi University Hospital'] },
      actor_role: 'admin',
    });
  });

  it('creates a user who must change the temporary password at first sign-in', async () => {
    const res = await call(t.app, admin, 'POST', '/api/v1/admin/users', {
      email: 'New.Person@Hospital.org',
      displayName: 'New Person',
      role: 'investigator',
      siteIds: [siteA],
      temporaryPassword: 'Temporary-Pass-1',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'new.person@hospital.org',
      role: 'investigator',
      mustChangePassword: true,
      active: true,
      siteIds: [siteA],
    });
    const session = await signIn(t.app, 'new.person@hospital.org', 'Temporary-Pass-1');
    const me = await call(t.app, session, 'GET', '/api/v1/auth/me');
    expect(me.json().user.mustChangePassword).toBe(true);
    const dup = await call(t.app, admin, 'POST', '/api/v1/admin/users', {
      email: 'new.person@hospital.org',
      displayName: 'Again',
      role: 'monitor',
      siteIds: [siteA],
      temporaryPassword: 'Temporary-Pass-1',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].path).toBe('body.email');
  });

  it('deactivates with a reason, ending the user’s sessions; users are never deleted', async () => {
    const u = await signedInUser(t, { role: 'coordinator', siteIds: [siteA] });
    const session = u.session;
    const noReason = await call(t.app, admin, 'PATCH', `/api/v1/admin/users/${u.id}`, { active: false });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('body.reason');
    const res = await call(t.app, admin, 'PATCH', `/api/v1/admin/users/${u.id}`, {
      active: false,
      reason: 'left the study team',
    });
    expect(res.json()).toMatchObject({ active: false });
    expect((await call(t.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const del = await call(t.app, admin, 'DELETE', `/api/v1/admin/users/${u.id}`);
    expect(del.statusCode).toBe(404);
    const [audit] = await selectRows(
      t.db.db,
      { reason: schema.auditLog.reason, changes: schema.auditLog.changes },
      sql`select reason, changes from audit_log where table_name = 'users' and record_id = ${u.id} and action = 'UPDATE'`,
    );
    expect(audit).toEqual({ reason: 'left the study team', changes: { active: [true, false] } });
  });

  it('moves a user between sites and changes the role', async () => {
    const u = await newUser(t.db.db, { role: 'coordinator', siteIds: [siteA] });
    const res = await call(t.app, admin, 'PATCH', `/api/v1/admin/users/${u.id}`, {
      role: 'investigator',
      siteIds: [siteB],
      reason: 'now investigator at B',
    });
    expect(res.json()).toMatchObject({ role: 'investigator', siteIds: [siteB] });
    const unknown = await call(t.app, admin, 'PATCH', `/api/v1/admin/users/${u.id}`, {
      siteIds: ['00000000-0000-4000-8000-000000000000'],
      reason: 'typo',
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('resets a password (forcing a change) and unlocks a locked account', async () => {
    const u = await newUser(t.db.db, { role: 'monitor', siteIds: [siteA] });
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-csrf-token': 'login' },
        payload: { email: u.email, password: `bad-${i}-xx` },
      });
    }
    const listed = await call(t.app, admin, 'GET', '/api/v1/admin/users');
    expect(listed.json().find((x: { id: string }) => x.id === u.id).locked).toBe(true);
    expect((await call(t.app, admin, 'POST', `/api/v1/admin/users/${u.id}/unlock`)).statusCode).toBe(204);
    await signIn(t.app, u.email, u.password);
    const reset = await call(t.app, admin, 'POST', `/api/v1/admin/users/${u.id}/reset-password`, {
      temporaryPassword: 'Reset-Password-9',
    });
    expect(reset.statusCode).toBe(204);
    const [row] = await t.db.db.select().from(schema.users).where(eq(schema.users.id, u.id));
    expect(row?.mustChangePassword).toBe(true);
    await signIn(t.app, u.email, 'Reset-Password-9');
  });

  it('refuses to let an admin deactivate themself', async () => {
    const me = (await call(t.app, admin, 'GET', '/api/v1/auth/me')).json().user;
    const res = await call(t.app, admin, 'PATCH', `/api/v1/admin/users/${me.id}`, {
      active: false,
      reason: 'oops',
    });
    expect(res.statusCode).toBe(409);
  });
});

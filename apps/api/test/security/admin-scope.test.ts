import { schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import type { AuditEntry } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../../src/seed/factories';
import { signedInUser } from '../factories';
import { buildTestApp, type TestContext } from '../helpers';
import { call, type Session } from '../session';

/**
 * docs/security.md, control 6: administrators are global. Every admin reviews the audit rows of
 * site administration (a site's creation and renaming are filed under that new site, which no
 * admin is assigned to yet) and of every site; nobody changes their own sites, not even an admin.
 */
let t: TestContext;
let siteA: string;
let siteB: string;
let adminA: Session;
let adminAId: string;
let adminB: Session;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteA = (await newSite(t.db.db, { code: 'G01' })).id;
  siteB = (await newSite(t.db.db, { code: 'G02' })).id;
  const a = await signedInUser(t, { role: 'admin', siteIds: [siteA] });
  adminAId = a.id;
  adminA = a.session;
  adminB = (await signedInUser(t, { role: 'admin', siteIds: [siteB] })).session;
});
afterAll(() => t?.close());

const review = async (session: Session, query: string): Promise<AuditEntry[]> => {
  const res = await call(t.app, session, 'GET', `/api/v1/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

describe(`admins are global and cannot widen their own scope, on ${testDbKind()}`, () => {
  it("shows a new site's creation and renaming to every admin", async () => {
    const created = await call(t.app, adminA, 'POST', '/api/v1/admin/sites', { code: 'G03', name: 'Ege' });
    expect(created.statusCode).toBe(201);
    const id: string = created.json().id;
    const renamed = await call(t.app, adminA, 'PATCH', `/api/v1/admin/sites/${id}`, { name: 'Ege Hospital' });
    expect(renamed.statusCode).toBe(200);
    for (const session of [adminA, adminB]) {
      const rows = (await review(session, 'table=sites')).filter((e) => e.recordId === id);
      expect(rows.map((e) => e.action).sort()).toEqual(['INSERT', 'UPDATE']);
    }
  });

  it('shows every admin the rows of sites they are not assigned to', async () => {
    const session = (await signedInUser(t, { role: 'coordinator', siteIds: [siteB] })).session;
    const res = await call(t.app, session, 'POST', '/api/v1/participants', {
      siteId: siteB,
      screenedAt: new Date().toISOString().slice(0, 10),
    });
    expect(res.statusCode).toBe(201);
    const rows = await review(adminA, `table=participants&siteId=${siteB}`);
    expect(rows.map((e) => e.recordId)).toContain(res.json().id);
  });

  it('refuses an admin changing their own sites, files the attempt, and lets another admin do it', async () => {
    const own = await call(t.app, adminA, 'PATCH', `/api/v1/admin/users/${adminAId}`, {
      siteIds: [siteA, siteB],
      reason: 'I want to see site B',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.fields).toEqual([
      {
        path: 'body.siteIds',
        message: 'You cannot change your own sites; another admin can.',
        code: 'OWN_SITES',
        params: {},
      },
    ]);
    const sites = await selectRows(
      t.db.db,
      { site_id: schema.userSites.siteId },
      sql`select site_id::text from user_sites where user_id = ${adminAId}`,
    );
    expect(sites).toEqual([{ site_id: siteA }]);
    const [event] = await selectRows(
      t.db.db,
      { kind: schema.securityEvents.kind, route: schema.securityEvents.route },
      sql`select kind, route from security_events where actor_key = ${adminAId}`,
    );
    expect(event).toEqual({ kind: 'FORBIDDEN', route: '/api/v1/admin/users/:id' });

    // Other changes to one's own account (the name) stay allowed, and another admin changes sites.
    const name = await call(t.app, adminA, 'PATCH', `/api/v1/admin/users/${adminAId}`, {
      displayName: 'Admin A',
      siteIds: [siteA],
      reason: 'spelling',
    });
    expect(name.statusCode).toBe(200);
    const byOther = await call(t.app, adminB, 'PATCH', `/api/v1/admin/users/${adminAId}`, {
      siteIds: [siteA, siteB],
      reason: 'covers site B from today',
    });
    expect(byOther.statusCode).toBe(200);
    expect(byOther.json().siteIds.sort()).toEqual([siteA, siteB].sort());
  });
});

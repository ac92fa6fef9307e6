import { field, schema, selectRows, verifyAuditChain } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import type { AuditEntry } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite, newUser } from '../../src/seed/factories';
import { auditChanges } from '../../src/services/row-fields';
import { signedInUser } from '../factories';
import { buildTestApp, type TestContext } from '../helpers';
import { call, type Session, signIn } from '../session';

/**
 * docs/security.md, control 4: refused requests on participant data (401 for a session that
 * existed, 403, 404 for an id of another site) and CSRF refusals are security events in the audit
 * trail, coalesced per user, route and minute, and a monitor or admin finds them by filter.
 */
let t: TestContext;
let siteA: string;
let siteB: string;
let staffA: Session;
let staffAId: string;
let otherParticipant: string;
let otherRecord: string;

const windowsOf = (actorKey: string) =>
  selectRows(
    t.db.db,
    {
      kind: schema.securityEvents.kind,
      route: schema.securityEvents.route,
      status: schema.securityEvents.status,
      count: schema.securityEvents.count,
      site_id: schema.securityEvents.siteId,
      // Selected as text, as refusalRows reads audit_log's id.
      audit_id: field.nullable(field.text),
    },
    sql`select kind, route, status, count, site_id::text, audit_id::text from security_events
        where actor_key = ${actorKey} order by id`,
  );

const refusalRows = (actorId: string) =>
  selectRows(
    t.db.db,
    { id: field.text, site_id: schema.auditLog.siteId, changes: auditChanges },
    sql`select id::text, site_id::text, changes from audit_log
        where action = 'ACCESS_REFUSED' and actor_id = ${actorId} order by id`,
  );

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteA = (await newSite(t.db.db, { code: 'R01' })).id;
  siteB = (await newSite(t.db.db, { code: 'R02' })).id;
  const userA = await newUser(t.db.db, { role: 'coordinator', siteIds: [siteA] });
  const userB = await newUser(t.db.db, { role: 'coordinator', siteIds: [siteB] });
  staffAId = userA.id;
  staffA = await signIn(t.app, userA.email, userA.password);
  const staffB = await signIn(t.app, userB.email, userB.password);
  const created = await call(t.app, staffB, 'POST', '/api/v1/participants', {
    siteId: siteB,
    screenedAt: new Date().toISOString().slice(0, 10),
  });
  expect(created.statusCode).toBe(201);
  otherParticipant = created.json().id;
  const record = await call(
    t.app,
    staffB,
    'PUT',
    `/api/v1/participants/${otherParticipant}/visits/SCR/forms/demographics`,
    { data: { birth_year: 1980 }, status: 'draft' },
  );
  expect(record.statusCode).toBe(200);
  otherRecord = record.json().id;
});
afterAll(() => t?.close());

describe(`refused requests are coalesced security events, on ${testDbKind()}`, () => {
  it("files a scan of another site's participant as one counted window, under that site", async () => {
    const probes = 40;
    for (let i = 0; i < probes; i++) {
      const res = await call(t.app, staffA, 'GET', `/api/v1/participants/${otherParticipant}`);
      expect(res.statusCode).toBe(404);
    }
    // An id that exists nowhere is not a probe of anyone's data: nothing is filed.
    const unknown = await call(
      t.app,
      staffA,
      'GET',
      '/api/v1/participants/00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);

    const windows = (await windowsOf(staffAId)).filter((w) => w.kind === 'NOT_FOUND_AT_OTHER_SITE');
    // A minute boundary during the scan may split it in two windows; never more, never lost.
    expect(windows.length).toBeGreaterThanOrEqual(1);
    expect(windows.length).toBeLessThanOrEqual(2);
    expect(windows.reduce((sum, w) => sum + w.count, 0)).toBe(probes);
    for (const w of windows) {
      expect(w).toMatchObject({ route: '/api/v1/participants/:id', status: 404, site_id: siteB });
      expect(w.audit_id).not.toBeNull();
    }
    const rows = await refusalRows(staffAId);
    expect(rows.map((r) => r.id)).toEqual(windows.map((w) => w.audit_id));
    expect(rows[0]?.changes).toMatchObject({
      kind: 'NOT_FOUND_AT_OTHER_SITE',
      status: 404,
      method: 'GET',
      route: '/api/v1/participants/:id',
      target: otherParticipant,
    });
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  });

  it("files probes of another site's records through ids in the body (queries, SDV)", async () => {
    const monitor = await signedInUser(t, { role: 'monitor', siteIds: [siteA] });
    const session = monitor.session;
    const probes = [
      ['/api/v1/queries', { recordId: otherRecord, field: 'birth_year', message: 'Please check' }],
      ['/api/v1/sdv', { recordId: otherRecord }],
      ['/api/v1/sdv', { participantId: otherParticipant, visitCode: 'SCR' }],
      ['/api/v1/sdv/undo', { recordId: otherRecord, reason: 'marked in error' }],
    ] as const;
    for (const [url, body] of probes) {
      const res = await call(t.app, session, 'POST', url, body);
      expect(res.statusCode, url).toBe(404);
    }
    // An id that exists nowhere, in the same body, is not filed.
    const unknown = await call(t.app, session, 'POST', '/api/v1/sdv', {
      recordId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);

    const windows = await windowsOf(monitor.id);
    const byRoute = new Map<string, number>();
    for (const w of windows) {
      expect(w).toMatchObject({ kind: 'NOT_FOUND_AT_OTHER_SITE', status: 404, site_id: siteB });
      byRoute.set(w.route, (byRoute.get(w.route) ?? 0) + w.count);
    }
    expect(Object.fromEntries(byRoute)).toEqual({
      '/api/v1/queries': 1,
      '/api/v1/sdv': 2,
      '/api/v1/sdv/undo': 1,
    });
    const rows = await refusalRows(monitor.id);
    expect(rows.map((r) => r.changes.target)).toEqual(expect.arrayContaining([otherRecord]));
  });

  it('files role refusals and CSRF refusals, with and without a session', async () => {
    const forbidden = await call(t.app, staffA, 'GET', '/api/v1/admin/users');
    expect(forbidden.statusCode).toBe(403);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/participants',
      headers: { cookie: staffA.cookie, 'x-csrf-token': 'not-the-token' },
      payload: { siteId: siteA, screenedAt: '2026-01-01' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_FAILED');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'x@example.org', password: 'whatever-it-is' },
    });
    expect(anonymous.statusCode).toBe(403);

    const kinds = (await windowsOf(staffAId)).map((w) => [w.kind, w.route, w.site_id]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['FORBIDDEN', '/api/v1/admin/users', siteA],
        ['CSRF_FAILED', '/api/v1/participants', siteA],
      ]),
    );
    const [anon] = await selectRows(
      t.db.db,
      {
        actor_key: schema.securityEvents.actorKey,
        kind: schema.securityEvents.kind,
        audit_id: field.nullable(field.text),
      },
      sql`select actor_key, kind, audit_id::text from security_events where actor_key like 'anonymous:%'`,
    );
    expect(anon).toMatchObject({ kind: 'CSRF_FAILED' });
    expect(anon?.audit_id).not.toBeNull();
  });

  it('files requests with a session that has ended on data routes, not on /auth', async () => {
    const user = await signedInUser(t, { role: 'investigator', siteIds: [siteA] });
    const session = user.session;
    expect((await call(t.app, session, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    const list = await call(t.app, session, 'GET', '/api/v1/participants');
    expect(list.statusCode).toBe(401);
    expect(list.json().error.code).toBe('SESSION_EXPIRED');
    await call(t.app, session, 'GET', '/api/v1/auth/me');
    const windows = await windowsOf(user.id);
    expect(windows.map((w) => [w.kind, w.route, w.status])).toEqual([
      ['SESSION_EXPIRED', '/api/v1/participants', 401],
    ]);
  });

  it('lets an admin and the probed site’s monitor filter the review by security events', async () => {
    const admin = await newUser(t.db.db, { role: 'admin', siteIds: [siteA] });
    const monitorB = await newUser(t.db.db, { role: 'monitor', siteIds: [siteB] });
    for (const reader of [admin, monitorB]) {
      const session = await signIn(t.app, reader.email, reader.password);
      const res = await call(t.app, session, 'GET', '/api/v1/audit?action=ACCESS_REFUSED');
      expect(res.statusCode).toBe(200);
      const items: AuditEntry[] = res.json().items;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((e) => e.action === 'ACCESS_REFUSED' && e.table === 'security_events')).toBe(true);
      const probes = items.filter(
        (e) => e.actor.id === staffAId && e.changes.some((c) => c.new === 'NOT_FOUND_AT_OTHER_SITE'),
      );
      expect(probes.reduce((sum, e) => sum + (e.occurrences?.count ?? 0), 0)).toBe(40);
      expect(probes.every((e) => e.siteCode === 'R02')).toBe(true);
    }
  });

  it('keeps windows: never deleted, and a count only goes up', async () => {
    await expect(t.db.db.execute(sql`delete from security_events`)).rejects.toThrow();
    await expect(
      t.db.db.execute(sql`update security_events set count = 1 where count > 1`),
    ).rejects.toThrow();
    await expect(t.db.db.execute(sql`update security_events set kind = 'FORBIDDEN'`)).rejects.toThrow();
  });
});

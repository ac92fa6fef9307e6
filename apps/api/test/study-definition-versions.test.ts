import { SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { blindViewFor, definitionFor, lbpTrial } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { newSite } from '../src/seed/factories';
import { signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { daysAgo, demographics } from './journey-helpers';
import { call, type Session } from './session';

// The study definition as stored, numbered versions (R-DEF-2, R-DEF-3; docs/study-definition.md).
let t: TestContext;
let siteId: string;
let coordinator: Session;
let assessor: Session;

beforeAll(async () => {
  t = await buildTestApp({ EDC_ENROLLMENT_CAP: 40 });
  siteId = (await newSite(t.db.db, { code: 'S01' })).id;
  const sessionFor = async (role: 'coordinator' | 'assessor') => {
    return (await signedInUser(t, { role, siteIds: [siteId] })).session;
  };
  coordinator = await sessionFor('coordinator');
  assessor = await sessionFor('assessor');
});
afterAll(() => t?.close());

const versionsOf = (app: TestContext['app']) =>
  selectRows(
    app.db.db,
    { version: schema.studyDefinitions.version, reason: schema.studyDefinitions.reason },
    sql`select version, reason from study_definitions order by version`,
  );

describe(`stored study definition versions on ${testDbKind()}`, () => {
  it('seeds version 1 from the compiled definition once, audited, and serves it to every role', async () => {
    expect(await versionsOf(t.app)).toEqual([
      { version: 1, reason: 'Version 1 (seeded from the compiled study definition)' },
    ]);
    const events = await selectRows(
      t.db.db,
      { record_id: schema.auditLog.recordId, changes: schema.auditLog.changes },
      sql`select record_id, changes from audit_log where action = 'DEFINITION_PUBLISHED'`,
    );
    expect(events).toEqual([
      expect.objectContaining({ record_id: '1', changes: expect.objectContaining({ version: 1 }) }),
    ]);

    const configured = { ...lbpTrial, enrollment: { ...lbpTrial.enrollment, cap: 40 } };
    for (const [session, definition] of [
      [coordinator, configured],
      // A blinded assessor reads it without what would tell an arm (R-BLIND-2).
      [assessor, definitionFor(blindViewFor({ role: 'assessor' }, configured), configured)],
    ] as const) {
      const res = await call(t.app, session, 'GET', '/api/v1/study');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.version).toBe(1);
      // The web sees the same definition as the server, including a configured enrollment cap.
      expect(body.definition).toEqual(definition);
    }
    expect((await call(t.app, null, 'GET', '/api/v1/study')).statusCode).toBe(401);

    // A second process on the same database stores nothing more.
    const second = await buildApp({ db: t.db, config: testConfig(), logger: false });
    expect(await versionsOf(second)).toHaveLength(1);
    await second.close();
  });

  it("tells the web the study's time zone, the one the server checks every date rule in", async () => {
    // The web runs the same rules on the same clock (docs/study-definition.md, the date rules).
    expect((await call(t.app, coordinator, 'GET', '/api/v1/study')).json().timeZone).toBe('Europe/Istanbul');
    const elsewhere = await buildApp({
      db: t.db,
      config: testConfig({ EDC_STUDY_TIMEZONE: 'America/Chicago' }),
      logger: false,
    });
    try {
      for (const session of [coordinator, assessor]) {
        const res = await call(elsewhere, session, 'GET', '/api/v1/study');
        expect(res.statusCode).toBe(200);
        expect(res.json().timeZone).toBe('America/Chicago');
      }
    } finally {
      await elsewhere.close();
    }
  });

  it('never changes a stored version and numbers versions without gaps', async () => {
    const attempt = (statement: ReturnType<typeof sql>) =>
      withAudit(t.db.db, SYSTEM_ACTOR, (tx) => tx.execute(statement)).then(
        () => 'accepted',
        (error: unknown) => String((error as { cause?: unknown }).cause ?? error),
      );
    expect(await attempt(sql`update study_definitions set reason = 'rewritten' where version = 1`)).toMatch(
      /append-only/,
    );
    expect(await attempt(sql`delete from study_definitions where version = 1`)).toMatch(/append-only/);
    expect(
      await attempt(
        sql`insert into study_definitions (version, definition, reason) values (3, '{}'::jsonb, 'gap')`,
      ),
    ).toMatch(/not the next version/);
    expect(await versionsOf(t.app)).toHaveLength(1);
  });

  it('stores on each record the definition version it was entered under', async () => {
    const created = await call(t.app, coordinator, 'POST', '/api/v1/participants', {
      siteId,
      screenedAt: daysAgo(2),
    });
    const id: string = created.json().id;
    const save = () =>
      call(t.app, coordinator, 'PUT', `/api/v1/participants/${id}/visits/SCR/forms/demographics`, {
        data: demographics,
        status: 'draft',
      });
    expect((await save()).statusCode).toBe(200);
    const versionOfRecord = async () =>
      (
        await selectRows(
          t.db.db,
          { definition_version: schema.formRecords.definitionVersion },
          sql`select definition_version from form_records where participant_id = ${id}::uuid`,
        )
      ).map((r) => r.definition_version);
    expect(await versionOfRecord()).toEqual([1]);

    // Once a version 2 is stored, a new save of the record is entered under it.
    await withAudit(t.db.db, SYSTEM_ACTOR, (tx) =>
      tx.execute(sql`insert into study_definitions (version, definition, reason)
                     values (2, ${JSON.stringify(lbpTrial)}::jsonb, 'test amendment')`),
    );
    expect((await save()).statusCode).toBe(200);
    expect(await versionOfRecord()).toEqual([2]);
  });
});

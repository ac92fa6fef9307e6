import { databaseError, SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import type { PreLockChecks, StudyLifecycle } from '@mini-edc/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChanges } from '../src/services/row-fields';
import { buildTestApp, type TestContext } from './helpers';
import { daysAgo, vasData } from './journey-helpers';
import { buildMonitorWorld, type MonitorWorld } from './monitor-world';
import { call, signIn } from './session';

let t: TestContext;
let w: MonitorWorld;
let randomized: string;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildMonitorWorld(t);
  const r = await call(t.app, w.users.coordinator.session, 'POST', `/api/v1/participants/${w.pA}/randomize`);
  expect(r.statusCode).toBe(201);
  randomized = w.pA;
  // Under a shared machine's load the migrated database and the users take long to set up.
}, 300_000);
afterAll(() => t?.close());

type Who = keyof MonitorWorld['users'];
const as = (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  call(t.app, w.users[who].session, method, url, payload);
const action = (name: string, body: object = {}) => as('admin', 'POST', `/api/v1/admin/study/${name}`, body);
const saveVas = (participantId: string, mm: number, reason?: string) =>
  as('coordinator', 'PUT', `/api/v1/participants/${participantId}/visits/BL/forms/vas`, {
    data: vasData(mm),
    status: 'complete',
    ...(reason ? { reason } : {}),
  });

describe(`study lifecycle on ${testDbKind()}`, () => {
  it('starts open; every role reads the state, only an admin changes it', async () => {
    const res = await as('assessor', 'GET', '/api/v1/study/status');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'open', lockedAt: null, allocationReleasedAt: null });
    expect((await as('monitor', 'POST', '/api/v1/admin/study/close_entry', {})).statusCode).toBe(403);
    expect((await as('investigator', 'GET', '/api/v1/admin/study/pre-lock-checks')).statusCode).toBe(403);
  });

  it('refuses a step that does not follow from the state (lock straight from open)', async () => {
    const res = await action('lock', { reason: 'skip ahead' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect((await action('unlock', { reason: 'x'.repeat(5), password: 'Correct-Horse-42' })).statusCode).toBe(
      409,
    );
  });

  it('closing data entry stops new participants and allocations, not corrections or query answers', async () => {
    const query = await as('monitor', 'POST', '/api/v1/queries', {
      recordId: w.vasA,
      field: 'vas_mm',
      message: 'Please check the value.',
    });
    expect(query.statusCode).toBe(201);
    expect((await action('close_entry', { reason: 'last participant out' })).statusCode).toBe(200);

    const create = await as('coordinator', 'POST', '/api/v1/participants', {
      siteId: w.siteA,
      screenedAt: daysAgo(1),
    });
    expect(create.statusCode).toBe(409);
    expect(create.json().error.code).toBe('DATA_ENTRY_CLOSED');
    const randomize = await call(
      t.app,
      w.users.coordinatorB.session,
      'POST',
      `/api/v1/participants/${w.pB}/randomize`,
    );
    expect(randomize.statusCode).toBe(409);
    expect(randomize.json().error.code).toBe('DATA_ENTRY_CLOSED');

    expect((await saveVas(randomized, 57, 'transcription error')).statusCode).toBe(200);
    const answer = await as('coordinator', 'POST', `/api/v1/queries/${query.json().id}/answer`, {
      message: 'Fixed.',
    });
    expect(answer.statusCode).toBe(200);
  });

  it('lists the pre-lock checks with their open items', async () => {
    const res = await as('admin', 'GET', '/api/v1/admin/study/pre-lock-checks');
    expect(res.statusCode).toBe(200);
    const checks = res.json() as PreLockChecks;
    const count = (code: string) => checks.checks.find((c) => c.code === code)?.count;
    expect(checks.state).toBe('entry_closed');
    expect(count('open_queries')).toBe(1); // answered, not closed
    expect(count('audit_chain')).toBe(0);
    // Nothing is signed or verified yet: every completed record of both participants counts.
    expect(count('unsigned_visits')).toBeGreaterThanOrEqual(2);
    expect(count('unverified_records')).toBeGreaterThanOrEqual(5);
    expect(checks.checks.find((c) => c.code === 'open_queries')?.examples[0]).toMatchObject({
      studyId: 'S01-0001',
      visitCode: 'BL',
      formCode: 'vas',
      field: 'vas_mm',
      note: 'answered',
    });
    expect(checks.openItems).toBe(checks.checks.reduce((n, c) => n + c.count, 0));
  });

  it('locks only with an override reason while checks are open, and records it with the audit head', async () => {
    const refused = await action('lock');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'REASON_REQUIRED',
      fields: [{ path: 'body.reason' }],
    });

    const res = await action('lock', { reason: 'sponsor accepts the open items' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as StudyLifecycle;
    expect(body.status.state).toBe('locked');
    expect(body.status.lockedAt).not.toBeNull();

    const [event] = await selectRows(
      t.db.db,
      { reason: schema.auditLog.reason, changes: auditChanges },
      sql`select reason, changes from audit_log where action = 'STUDY_LOCKED' order by id desc limit 1`,
    );
    expect(event?.reason).toBe('sponsor accepts the open items');
    expect(event?.changes).toMatchObject({ override: true, from: 'entry_closed', to: 'locked' });
    expect(event?.changes.openItems).toMatchObject({ open_queries: 1 });
    const [row] = await t.db.db.select().from(schema.studyStatus).where(eq(schema.studyStatus.id, 1));
    expect(row?.lockAuditHead?.headsDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses every write while locked with STUDY_LOCKED, in the API and in the database', async () => {
    const writes = [
      await saveVas(randomized, 55, 'late correction'),
      await as('investigator', 'POST', `/api/v1/participants/${randomized}/visits/BL/sign`, {
        password: 'Correct-Horse-42',
      }),
      await as('monitor', 'POST', '/api/v1/queries', {
        recordId: w.vasA,
        field: 'vas_mm',
        message: 'Another one.',
      }),
      await as('admin', 'POST', '/api/v1/admin/sites', { code: 'S09', name: 'Late site' }),
      // Even invalid input meets the lock first: nothing is considered while locked.
      await as('coordinator', 'PUT', `/api/v1/participants/${randomized}/visits/BL/forms/vas`, { data: {} }),
    ];
    for (const res of writes) {
      expect(res.statusCode).toBe(423);
      expect(res.json().error.code).toBe('STUDY_LOCKED');
    }
    // A write that bypasses the API is refused by the database trigger (SQLSTATE EL001).
    const direct = await withAudit(t.db.db, SYSTEM_ACTOR, (tx) =>
      tx.update(schema.formRecords).set({ status: 'locked' }).where(eq(schema.formRecords.id, w.vasA)),
    ).catch((error: unknown) => error);
    expect(databaseError(direct)?.code).toBe('EL001');
    // Reading, signing in and managing accounts go on.
    expect((await as('monitor', 'GET', `/api/v1/participants/${randomized}`)).statusCode).toBe(200);
    const [admin] = await t.db.db.select().from(schema.users).where(eq(schema.users.id, w.users.admin.id));
    await signIn(t.app, admin?.email ?? '', 'Correct-Horse-42');
  });

  it('unlocks only with the password re-entered and a reason, back to data entry closed', async () => {
    const noPassword = await action('unlock', { reason: 'correct a transcription error' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().error.fields[0].path).toBe('body.password');
    const wrong = await action('unlock', {
      reason: 'correct a transcription error',
      password: 'wrong-password-1',
    });
    expect(wrong.statusCode).toBe(401);
    const noReason = await action('unlock', { password: 'Correct-Horse-42' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    expect((await as('admin', 'GET', '/api/v1/study/status')).json().state).toBe('locked');

    const res = await action('unlock', {
      reason: 'correct a transcription error',
      password: 'Correct-Horse-42',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as StudyLifecycle;
    expect(body.status.state).toBe('entry_closed');
    expect(body.history.map((h) => [h.action, h.from, h.to, h.reason])).toEqual([
      ['STUDY_ENTRY_CLOSED', 'open', 'entry_closed', 'last participant out'],
      ['STUDY_LOCKED', 'entry_closed', 'locked', 'sponsor accepts the open items'],
      ['STUDY_UNLOCKED', 'locked', 'entry_closed', 'correct a transcription error'],
    ]);
    expect((await saveVas(randomized, 56, 'after unlock')).statusCode).toBe(200);
    expect((await action('reopen_entry')).statusCode).toBe(400);
    expect((await action('reopen_entry', { reason: 'one more participant' })).statusCode).toBe(200);
  });
});

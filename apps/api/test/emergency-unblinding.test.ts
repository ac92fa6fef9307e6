import { databaseError, field, SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { lbpTrial } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCloseoutWorld, type CloseoutWorld, lockStudy, PASSWORD } from './closeout-world';
import { readyForRandomization } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { call } from './session';

/**
 * Emergency unblinding of one participant before lock (R-BLIND-4, docs/closeout.md "Unblinding"):
 * investigators of the site only, with a reason and the password again, audited; the assessor
 * stays blinded; the dashboard shows it (the number only to blinded roles).
 */
let t: TestContext;
let w: CloseoutWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCloseoutWorld(t);
  // Under a shared machine's load the migrated database and the users take long to set up.
}, 300_000);
afterAll(() => t?.close());

type Who = keyof CloseoutWorld['users'];
const as = (who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  call(t.app, w.users[who].session, method, url, payload);
const unblind = (participantId: string, body: object, who: Who = 'investigator') =>
  as(who, 'POST', `/api/v1/participants/${participantId}/emergency-unblinding`, body);
const reason = 'anaphylaxis after injection, treating physician needs the arm';
const armCodes = lbpTrial.arms.map((a) => a.code);
const rows = async () =>
  Number(
    (
      await selectRows(t.db.db, { n: field.int }, sql`select count(*)::int as n from emergency_unblindings`)
    )[0]?.n,
  );

describe(`emergency unblinding on ${testDbKind()}`, () => {
  it('is for investigators only, and another site’s participant is not found', async () => {
    for (const who of ['admin', 'coordinator', 'monitor', 'assessor'] as const) {
      expect((await unblind(w.pA, { reason, password: PASSWORD }, who)).statusCode, who).toBe(403);
    }
    const other = await unblind(w.pB, { reason, password: PASSWORD });
    expect(other.statusCode).toBe(404);
    expect(await rows()).toBe(0);
  });

  it('needs a reason and the password again, and a randomized participant', async () => {
    const noReason = await unblind(w.pA, { password: PASSWORD });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.reason');
    const noPassword = await unblind(w.pA, { reason });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.password');
    const wrong = await unblind(w.pA, { reason, password: 'Wrong-Horse-42' });
    expect(wrong.statusCode).toBe(401);
    const fresh = await readyForRandomization(t.app, w.users.coordinator.session, w.siteA);
    const notRandomized = await unblind(fresh, { reason, password: PASSWORD });
    expect(notRandomized.statusCode).toBe(409);
    expect(notRandomized.json().error.code).toBe('NOT_RANDOMIZED');
    expect(await rows()).toBe(0);
  });

  it('reveals the arm to the investigator, audited with the reason and without the arm', async () => {
    const res = await unblind(w.pA, { reason, password: PASSWORD });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(armCodes).toContain(body.arm);
    expect(body).toMatchObject({
      participantId: w.pA,
      siteCode: 'S01',
      reason,
      unblindedBy: 'Test investigator',
    });

    const audit = await selectRows(
      t.db.db,
      {
        action: schema.auditLog.action,
        actor_id: schema.auditLog.actorId,
        reason: schema.auditLog.reason,
        text: field.text,
      },
      sql`select action, actor_id::text, reason, changes::text as text from audit_log
          where table_name = 'emergency_unblindings' and participant_id = ${w.pA}::uuid order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['INSERT', 'EMERGENCY_UNBLINDED']);
    for (const a of audit) {
      expect(a).toMatchObject({ actor_id: w.users.investigator.id, reason });
      for (const code of armCodes) expect(a.text).not.toContain(`"${code}"`);
    }
    const reauth = await selectRows(
      t.db.db,
      { n: field.int },
      sql`select count(*)::int as n from audit_log where action = 'REAUTHENTICATED' and actor_id::text = ${w.users.investigator.id}`,
    );
    expect(reauth[0]?.n).toBeGreaterThan(0);
  });

  it('leaves the assessor blinded, and shows on the dashboard (the number only to the assessor)', async () => {
    const detail = await as('assessor', 'GET', `/api/v1/participants/${w.pA}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().allocation).toBeUndefined();
    const blinded = await as('assessor', 'GET', '/api/v1/dashboard');
    expect(blinded.json().emergencyUnblindingCount).toBe(1);
    expect(blinded.json().emergencyUnblindings).toBeUndefined();
    expect(blinded.body).not.toContain('anaphylaxis');

    const monitor = await as('monitor', 'GET', '/api/v1/dashboard');
    expect(monitor.json().emergencyUnblindingCount).toBe(1);
    expect(monitor.json().emergencyUnblindings).toEqual([
      expect.objectContaining({ participantId: w.pA, reason, unblindedBy: 'Test investigator' }),
    ]);
    const siteB = await call(t.app, w.users.coordinatorB.session, 'GET', '/api/v1/dashboard');
    expect(siteB.json().emergencyUnblindingCount).toBe(0);
  });

  it('is refused once the database is locked, by the API and by the database', async () => {
    await lockStudy(t, w);
    const res = await unblind(w.pA, { reason, password: PASSWORD });
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('STUDY_LOCKED');
    const direct = await withAudit(t.db.db, SYSTEM_ACTOR, (tx) =>
      tx.insert(schema.emergencyUnblindings).values({
        participantId: w.pA,
        siteId: w.siteA,
        unblindedBy: w.users.investigator.id,
        reason: 'straight into the table',
      }),
    ).then(
      () => null,
      (e: unknown) => databaseError(e)?.code ?? 'other',
    );
    expect(direct).toBe('EL001');
    expect(await rows()).toBe(1);
  });
});

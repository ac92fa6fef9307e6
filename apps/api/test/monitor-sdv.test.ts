import { SYSTEM_ACTOR, schema, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import type { ParticipantReview, RecordReview } from '@mini-edc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from './helpers';
import { vasData } from './journey-helpers';
import { buildMonitorWorld, type MonitorWorld } from './monitor-world';
import { call } from './session';

let t: TestContext;
let w: MonitorWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildMonitorWorld(t);
});
afterAll(() => t?.close());

type Who = keyof MonitorWorld['users'];
const sdv = (who: Who, payload: unknown) => call(t.app, w.users[who].session, 'POST', '/api/v1/sdv', payload);
const review = async (who: Who = 'monitor') => {
  const res = await call(t.app, w.users[who].session, 'GET', `/api/v1/participants/${w.pA}/review`);
  expect(res.statusCode).toBe(200);
  return res.json() as ParticipantReview;
};
const reviewOf = (r: ParticipantReview, formCode: string): RecordReview => {
  const found = r.records.find((x) => x.formCode === formCode && x.visitCode === 'BL');
  if (!found) throw new Error(`no ${formCode}`);
  return found;
};

describe(`source data verification on ${testDbKind()}`, () => {
  it('marks a record at its current version, once', async () => {
    const first = await sdv('monitor', { recordId: w.vasA });
    expect(first.statusCode).toBe(201);
    const [mark] = first.json().marks;
    expect(mark).toMatchObject({ recordId: w.vasA, recordVersion: 1, clearedAt: null });
    expect(mark.verifiedBy.id).toBe(w.users.monitor.id);
    const again = await sdv('monitor', { recordId: w.vasA });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, marks: [{ id: mark.id }] });
  });

  it('marks every completed record of a visit', async () => {
    const res = await sdv('monitor', { participantId: w.pA, visitCode: 'BL' });
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toBe(1);
    expect(res.json().marks).toHaveLength(2);
    expect((await sdv('monitor', { participantId: w.pA, visitCode: 'W1' })).statusCode).toBe(409);
  });

  it('refuses other sites, other roles and malformed requests', async () => {
    expect((await sdv('monitor', { recordId: w.vasB })).statusCode).toBe(404);
    expect((await sdv('monitor', { participantId: w.pB, visitCode: 'BL' })).statusCode).toBe(404);
    expect((await sdv('coordinator', { recordId: w.vasA })).statusCode).toBe(403);
    expect((await sdv('admin', { recordId: w.vasA })).statusCode).toBe(403);
    expect((await sdv('monitor', { recordId: w.vasA, visitCode: 'BL' })).statusCode).toBe(400);
    expect((await sdv('monitor', { recordId: 'nope' })).statusCode).toBe(400);
  });

  it('shows per record the mark, unresolved queries and the signature', async () => {
    await withAudit(t.db.db, SYSTEM_ACTOR, (tx) =>
      tx.insert(schema.signatures).values({
        recordId: w.vasA,
        recordVersion: 1,
        participantId: w.pA,
        siteId: w.siteA,
        signerId: w.users.investigator.id,
        signerName: 'Dr. Investigator',
        meaning: 'I confirm these data are accurate',
        contentHash: 'a'.repeat(64),
      }),
    );
    const q = await call(t.app, w.users.monitor.session, 'POST', '/api/v1/queries', {
      recordId: w.vasA,
      field: 'vas_mm',
      message: 'Source shows 60?',
    });
    expect(q.statusCode).toBe(201);
    const r = await review();
    expect(r).toMatchObject({ participantId: w.pA, studyId: 'S01-0001', siteCode: 'S01' });
    const vas = reviewOf(r, 'vas');
    expect(vas.sdv.state).toBe('verified');
    expect(vas.sdv.mark?.recordVersion).toBe(1);
    expect(vas.openQueries).toBe(1);
    expect(vas.signature).toMatchObject({
      state: 'signed',
      signerName: 'Dr. Investigator',
      recordVersion: 1,
    });
    expect(reviewOf(r, 'odi')).toMatchObject({ openQueries: 0, signature: { state: 'none' } });
    const demographics = r.records.find((x) => x.formCode === 'demographics');
    expect(demographics?.sdv).toEqual({ state: 'none', mark: null });
  });

  it('shows a mark cleared by a later correction, with its reason, until verified again', async () => {
    const fix = await call(
      t.app,
      w.users.coordinator.session,
      'PUT',
      `/api/v1/participants/${w.pA}/visits/BL/forms/vas`,
      {
        data: vasData(60),
        status: 'complete',
        reason: 'Query: source shows 60',
      },
    );
    expect(fix.statusCode).toBe(200);
    const vas = reviewOf(await review(), 'vas');
    expect(vas.version).toBe(2);
    expect(vas.sdv.state).toBe('cleared');
    expect(vas.sdv.mark?.clearedReason).toContain('Query: source shows 60');
    expect(vas.sdv.mark?.clearedAt).not.toBeNull();
    expect(vas.signature.state).toBe('voided');
    expect(vas.signature.voidReason).toContain('Query: source shows 60');

    const again = await sdv('monitor', { recordId: w.vasA });
    expect(again.statusCode).toBe(201);
    const verified = reviewOf(await review('investigator'), 'vas');
    expect(verified.sdv).toMatchObject({ state: 'verified', mark: { recordVersion: 2, clearedAt: null } });
  });

  it('keeps the review within the caller’s sites and away from the blinded assessor', async () => {
    const other = await call(
      t.app,
      w.users.coordinatorB.session,
      'GET',
      `/api/v1/participants/${w.pA}/review`,
    );
    expect(other.statusCode).toBe(404);
    const blind = await call(t.app, w.users.assessor.session, 'GET', `/api/v1/participants/${w.pA}/review`);
    expect(blind.statusCode).toBe(403);
  });
});

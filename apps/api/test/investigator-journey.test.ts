import { field, SYSTEM_ACTOR, selectRows, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { type Role, visitWindow } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { daysAgo, followUpVasData, odiData, today } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteId: string;
let coordinator: Session;
let investigator: Session;
let assessor: Session;
let admin: Session;
let investigatorPassword: string;
let participantId: string;
let arm: string;

beforeAll(async () => {
  t = await buildTestApp();
  siteId = (await newSite(t.db.db, { code: 'S01' })).id;
  const as = async (role: Role) => {
    const u = await signedInUser(t, { role, siteIds: [siteId] });
    if (role === 'investigator') investigatorPassword = u.password;
    return u.session;
  };
  coordinator = await as('coordinator');
  investigator = await as('investigator');
  assessor = await as('assessor');
  admin = await as('admin');
  await call(t.app, admin, 'POST', '/api/v1/admin/randomization-lists/generate', { name: 'List' });
  participantId = await readyForRandomization(t.app, coordinator, siteId);
  arm = (await call(t.app, coordinator, 'POST', `/api/v1/participants/${participantId}/randomize`)).json()
    .allocation.arm;
});
afterAll(() => t?.close());

const base = () => `/api/v1/participants/${participantId}`;

describe(`investigator journey on ${testDbKind()}`, () => {
  it('lets an assessor enter follow-up VAS and ODI, and reports change from baseline with the MCID', async () => {
    const vas = await call(t.app, assessor, 'PUT', `${base()}/visits/W1/forms/vas`, {
      data: followUpVasData(40),
      status: 'complete',
      outOfWindowReason: 'patient travels before week 1',
    });
    expect(vas.statusCode).toBe(200);
    const odi = await call(t.app, assessor, 'PUT', `${base()}/visits/W1/forms/odi`, {
      data: { ...odiData, q1: 0, q3: 1, q5: 1 },
      status: 'complete',
    });
    expect(odi.statusCode).toBe(200);
    const scores = (await call(t.app, investigator, 'GET', `${base()}/scores`)).json();
    const w1 = scores.points.find((p: { visitCode: string }) => p.visitCode === 'W1');
    // Baseline VAS 62 → 40: −22 mm, a responder (≥ 15 mm); ODI 34.0 → 22.0: −12 points, a responder.
    expect(w1).toMatchObject({
      vasMm: 40,
      vasDelta: -22,
      vasResponder: true,
      odiPctX10: 220,
      odiDeltaX10: -120,
      odiResponder: true,
    });
    expect(scores.thresholds.vas.absoluteMm).toBe(15);
  });

  it('needs a reason for a visit outside its window and records a deviation', async () => {
    const noReason = await call(t.app, coordinator, 'PUT', `${base()}/visits/W1`, {
      status: 'done',
      visitDate: today(),
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('body.outOfWindowReason');
    const done = await call(t.app, coordinator, 'PUT', `${base()}/visits/W1`, {
      status: 'done',
      visitDate: today(),
      outOfWindowReason: 'patient travelling next week',
    });
    expect(done.json()).toMatchObject({ status: 'done', outOfWindowReason: 'patient travelling next week' });
    const detail = (await call(t.app, investigator, 'GET', base())).json();
    const deviation = detail.records.find((r: { formCode: string }) => r.formCode === 'deviation');
    expect(deviation.data).toMatchObject({ category: 'visit_out_of_window' });
  });

  it('lists due and overdue visits in the worklist', async () => {
    // The second follow-up visit as if randomized long enough ago that its window closed 13 days ago.
    const [, visit] = t.app.study.visits.filter((v) => v.kind === 'follow_up');
    if (!visit) throw new Error('the definition has a second follow-up visit');
    const past = visitWindow(visit, daysAgo(visit.dayOffset + visit.windowAfter + 13));
    await withAudit(t.db.db, SYSTEM_ACTOR, (tx) =>
      tx.execute(sql`update visits set target_date = ${past.targetDate}::date, window_start = ${past.windowStart}::date,
                            window_end = ${past.windowEnd}::date where participant_id = ${participantId}::uuid and visit_code = ${visit.code}`),
    );
    const list = (await call(t.app, coordinator, 'GET', '/api/v1/worklist')).json();
    expect(list).toEqual([
      expect.objectContaining({
        visit: expect.objectContaining({ visitCode: visit.code, status: 'overdue' }),
      }),
    ]);
  });

  it('accepts only the participant’s own arm’s intervention form, and never shows it to an assessor', async () => {
    const wrong = arm === 'TLF_MOB' ? 'intervention_us_d5w' : 'intervention_tlf_mob';
    const right = arm === 'TLF_MOB' ? 'intervention_tlf_mob' : 'intervention_us_d5w';
    const data =
      right === 'intervention_tlf_mob'
        ? {
            session_no: 1,
            date: today(),
            therapist_id: 'PT-1',
            duration_min: 30,
            techniques: ['direct_mfr'],
            completed: 'yes',
          }
        : {
            date: today(),
            injector_id: 'DR-1',
            us_guidance_confirmed: 'yes',
            level: 'L4_L5',
            side: 'bilateral',
            volume_ml_per_side: 10,
            solution: 'dextrose_5',
            immediate_complication: 'no',
          };
    const refused = await call(t.app, investigator, 'PUT', `${base()}/visits/TX/forms/${wrong}`, {
      data: {},
      status: 'draft',
    });
    expect(refused.json().error.code).toBe('WRONG_ARM_FORM');
    const saved = await call(t.app, investigator, 'PUT', `${base()}/visits/TX/forms/${right}`, {
      data,
      status: 'complete',
    });
    expect(saved.statusCode).toBe(200);
    const blind = await call(t.app, assessor, 'GET', base());
    expect(blind.body).not.toMatch(/intervention_|TLF_MOB|US_D5W/);
    expect(
      (await call(t.app, assessor, 'GET', `/api/v1/records/${saved.json().id}/history`)).statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, assessor, 'PUT', `${base()}/visits/TX/forms/${right}`, { data, status: 'complete' }))
        .statusCode,
    ).toBe(403);
  });

  it('corrects with a reason, refuses stale versions, signs with the password, voids on change, and locks', async () => {
    const url = `${base()}/visits/W1/forms/vas`;
    const noReason = await call(t.app, investigator, 'PUT', url, {
      data: followUpVasData(45),
      status: 'complete',
    });
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const v2 = await call(t.app, investigator, 'PUT', url, {
      data: followUpVasData(45),
      status: 'complete',
      expectedVersion: 1,
      reason: 'transcription error: 45 on source',
    });
    expect(v2.json()).toMatchObject({ version: 2, data: { vas_mm: 45 } });
    const stale = await call(t.app, coordinator, 'PUT', url, {
      data: followUpVasData(47),
      status: 'complete',
      expectedVersion: 1,
      reason: 'my edit from an old screen',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      current: { version: 2, data: { vas_mm: 45 } },
    });
    expect(stale.json().error.submitted).toBeUndefined();

    const badPassword = await call(t.app, investigator, 'POST', `${base()}/visits/W1/sign`, {
      password: 'wrong-one-1',
    });
    expect(badPassword.statusCode).toBe(401);
    const signed = await call(t.app, investigator, 'POST', `${base()}/visits/W1/sign`, {
      password: investigatorPassword,
    });
    expect(signed.json()).toMatchObject({ signed: 2, meaning: 'I confirm these data are accurate' });
    const recordId = v2.json().id;
    let history = (await call(t.app, investigator, 'GET', `/api/v1/records/${recordId}/history`)).json();
    expect(history.record.status).toBe('signed');
    expect(history.signatures).toEqual([
      expect.objectContaining({ valid: true, recordVersion: 2, voidedAt: null }),
    ]);

    const v3 = await call(t.app, investigator, 'PUT', url, {
      data: followUpVasData(44),
      status: 'complete',
      reason: 'source re-measured',
    });
    expect(v3.json()).toMatchObject({ status: 'complete', version: 3 });
    history = (await call(t.app, investigator, 'GET', `/api/v1/records/${recordId}/history`)).json();
    expect(history.signatures[0]).toMatchObject({
      valid: false,
      voidReason: 'record changed: source re-measured',
    });
    const updates = history.history.filter((h: { action: string }) => h.action === 'UPDATE');
    expect(updates.map((h: { reason: string }) => h.reason)).toEqual(
      expect.arrayContaining(['transcription error: 45 on source', 'source re-measured']),
    );
    expect(
      history.history.flatMap((h: { changes: { field: string }[] }) => h.changes.map((c) => c.field)),
    ).toContain('data.vas_mm');

    expect((await call(t.app, admin, 'POST', `/api/v1/records/${recordId}/lock`)).statusCode).toBe(200);
    const locked = await call(t.app, investigator, 'PUT', url, {
      data: followUpVasData(43),
      status: 'complete',
      reason: 'again',
    });
    expect(locked.json().error.code).toBe('RECORD_LOCKED');
  });

  it('will not sign a visit with an unresolved query', async () => {
    const odiRecord = (await call(t.app, investigator, 'GET', base()))
      .json()
      .records.find(
        (r: { visitCode: string; formCode: string }) => r.visitCode === 'BL' && r.formCode === 'odi',
      );
    await withAudit(t.db.db, SYSTEM_ACTOR, (tx) =>
      tx.execute(sql`insert into data_queries (record_id, participant_id, site_id, field, opened_by)
                     values (${odiRecord.id}::uuid, ${participantId}::uuid, ${siteId}::uuid, 'q3', gen_random_uuid())`),
    );
    const res = await call(t.app, investigator, 'POST', `${base()}/visits/BL/sign`, {
      password: investigatorPassword,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('unresolved data query');
  });

  it('records a serious adverse event and a withdrawal that keeps the allocation', async () => {
    const ae = await call(t.app, investigator, 'PUT', `${base()}/visits/UNS/forms/adverse_event`, {
      data: {
        onset_date: today(),
        description: 'Haematoma at injection site <b>large</b>',
        serious: 'yes',
        serious_criteria: ['hospitalisation'],
        severity: 'severe',
        relatedness: 'probable',
        outcome: 'recovering',
      },
      status: 'complete',
    });
    expect(ae.statusCode, ae.body).toBe(200);
    expect(ae.json().data.description).toBe('Haematoma at injection site <b>large</b>');
    const end = await call(t.app, investigator, 'PUT', `${base()}/visits/UNS/forms/end_of_study`, {
      data: { status: 'withdrawn', date: today(), last_visit: 'W1', reason: 'withdrew_consent' },
      status: 'complete',
    });
    expect(end.statusCode, end.body).toBe(200);
    const detail = (await call(t.app, coordinator, 'GET', base())).json();
    expect(detail.status).toBe('withdrawn');
    expect(detail.allocation.arm).toBe(arm);
    const [slot] = await selectRows(
      t.db.db,
      { n: field.int },
      sql`select count(*)::int as n from randomization_slots where participant_id = ${participantId}::uuid`,
    );
    expect(slot?.n).toBe(1);
  });
});

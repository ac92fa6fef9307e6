import { field, SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import type { Role } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { daysAgo, followUpVasData, odiData } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteId: string;
let otherSiteId: string;
let coordinator: Session;
let investigator: Session;
let assessor: Session;
let monitor: Session;
let otherCoordinator: Session;
let investigatorPassword: string;
let participantId: string;
let otherParticipantId: string;

beforeAll(async () => {
  t = await buildTestApp();
  siteId = (await newSite(t.db.db, { code: 'S01' })).id;
  otherSiteId = (await newSite(t.db.db, { code: 'S02' })).id;
  const as = async (role: Role, sites = [siteId]) => {
    const u = await signedInUser(t, { role, siteIds: sites });
    if (role === 'investigator') investigatorPassword = u.password;
    return u.session;
  };
  coordinator = await as('coordinator');
  investigator = await as('investigator');
  assessor = await as('assessor');
  monitor = await as('monitor');
  otherCoordinator = await as('coordinator', [otherSiteId]);
  const admin = await as('admin');
  await call(t.app, admin, 'POST', '/api/v1/admin/randomization-lists/generate', { name: 'List' });
  participantId = await readyForRandomization(t.app, coordinator, siteId);
  otherParticipantId = await readyForRandomization(t.app, otherCoordinator, otherSiteId);
  const rnd = await call(t.app, coordinator, 'POST', `/api/v1/participants/${participantId}/randomize`);
  expect(rnd.statusCode).toBe(201);
}, 120_000);
afterAll(() => t?.close());

const base = () => `/api/v1/participants/${participantId}`;

/** Moves a visit's window so that today lies inside it (the visit is due). */
async function makeDue(visitCode: string) {
  await withAudit(t.db.db, SYSTEM_ACTOR, (tx) =>
    tx.execute(sql`update visits set window_start = ${daysAgo(3)}::date, target_date = ${daysAgo(1)}::date,
                          window_end = ${daysAgo(-3)}::date
                   where participant_id = ${participantId}::uuid and visit_code = ${visitCode}`),
  );
}

describe(`daily work on ${testDbKind()}`, () => {
  it('answers the record grid with the own sites only, and no column of a form hidden from the blinded', async () => {
    const grid = (await call(t.app, coordinator, 'GET', '/api/v1/record-grid')).json();
    expect(grid.rows.map((r: { participantId: string }) => r.participantId)).toEqual([participantId]);
    const columns = grid.columns.map(
      (c: { visitCode: string; formCode: string }) => `${c.visitCode}.${c.formCode}`,
    );
    expect(columns).toContain('BL.vas');
    expect(columns).toContain('M3.end_of_study');
    const bl = grid.rows[0].cells.find(
      (c: { visitCode: string; formCode: string }) => c.visitCode === 'BL' && c.formCode === 'vas',
    );
    expect(bl).toMatchObject({ status: 'complete', openQueries: 0, sdvDone: false, due: true });
    const w1 = grid.rows[0].cells.find(
      (c: { visitCode: string; formCode: string }) => c.visitCode === 'W1' && c.formCode === 'odi',
    );
    expect(w1).toMatchObject({ status: 'not_started', recordId: null, due: false });

    // The assessor has no grid (lands on the worklist); the other site's coordinator sees only theirs.
    expect((await call(t.app, assessor, 'GET', '/api/v1/record-grid')).statusCode).toBe(403);
    const other = (await call(t.app, otherCoordinator, 'GET', '/api/v1/record-grid')).json();
    expect(other.rows.map((r: { participantId: string }) => r.participantId)).toEqual([otherParticipantId]);
    const filtered = (await call(t.app, monitor, 'GET', `/api/v1/record-grid?siteId=${otherSiteId}`)).json();
    expect(filtered.rows).toEqual([]);
  });

  it('refuses a form entered before its visit window opens until a reason is given, and keeps it audited', async () => {
    const url = `${base()}/visits/W1/forms/vas`;
    const early = await call(t.app, assessor, 'PUT', url, {
      data: followUpVasData(40),
      status: 'complete',
      expectedVersion: 0,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([
      expect.objectContaining({ path: 'body.outOfWindowReason', code: 'VISIT_WINDOW_NOT_OPEN' }),
    ]);
    const [{ n } = { n: 0 }] = await selectRows(
      t.db.db,
      { n: field.int },
      sql`select count(*)::int as n from form_records where participant_id = ${participantId}::uuid and visit_code = 'W1'`,
    );
    expect(n).toBe(0);
    const saved = await call(t.app, assessor, 'PUT', url, {
      data: followUpVasData(40),
      status: 'complete',
      expectedVersion: 0,
      outOfWindowReason: 'Patient travels abroad next week',
    });
    expect(saved.statusCode).toBe(200);
    const [visit] = await selectRows(
      t.db.db,
      { out_of_window_reason: schema.visits.outOfWindowReason },
      sql`select out_of_window_reason from visits where participant_id = ${participantId}::uuid and visit_code = 'W1'`,
    );
    expect(visit?.out_of_window_reason).toBe('Patient travels abroad next week');
    const audit = await selectRows(
      t.db.db,
      { reason: schema.auditLog.reason },
      sql`select reason from audit_log where table_name = 'visits' and action = 'UPDATE'
            and changes ? 'out_of_window_reason'`,
    );
    expect(audit.map((a) => a.reason)).toContain('Patient travels abroad next week');
    // The reason is on file now: the next form of the visit needs none.
    const odi = await call(t.app, assessor, 'PUT', `${base()}/visits/W1/forms/odi`, {
      data: odiData,
      status: 'complete',
      expectedVersion: 0,
    });
    expect(odi.statusCode).toBe(200);
    // Followed up by its data: the visit is done, not upcoming, though nobody marked it.
    const detail = (await call(t.app, coordinator, 'GET', base())).json();
    expect(detail.visits.find((v: { visitCode: string }) => v.visitCode === 'W1').status).toBe('done');
  });

  it('answers a second creation of the same record with a version conflict and the other version', async () => {
    await makeDue('M1');
    const url = `${base()}/visits/M1/forms/vas`;
    const first = await call(t.app, coordinator, 'PUT', url, {
      data: followUpVasData(30),
      status: 'complete',
      expectedVersion: 0,
    });
    expect(first.statusCode).toBe(200);
    const second = await call(t.app, assessor, 'PUT', url, {
      data: followUpVasData(35),
      status: 'complete',
      expectedVersion: 0,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('VERSION_CONFLICT');
    expect(second.json().error.current).toMatchObject({
      id: first.json().id,
      version: 1,
      data: { vas_mm: 30 },
    });
  });

  it('refuses to sign while a required form of the visit is not complete, naming it', async () => {
    const res = await call(t.app, investigator, 'POST', `${base()}/visits/M1/sign`, {
      password: investigatorPassword,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({ code: 'FORMS_NOT_COMPLETE', params: { forms: 'odi' } }),
    ]);
    const [{ n } = { n: 1 }] = await selectRows(
      t.db.db,
      { n: field.int },
      sql`select count(*)::int as n from signatures where participant_id = ${participantId}::uuid`,
    );
    expect(n).toBe(0);
    // W1 has VAS and ODI complete (adverse events repeat and are not required): it signs both.
    const w1 = await call(t.app, investigator, 'POST', `${base()}/visits/W1/sign`, {
      password: investigatorPassword,
    });
    expect(w1.statusCode).toBe(200);
    expect(w1.json().signed).toBe(2);
  });

  it('states the attempts left before the lockout in the one error of a wrong signing password', async () => {
    const first = await call(t.app, investigator, 'POST', `${base()}/visits/BL/sign`, {
      password: 'wrong-password-1',
    });
    expect(first.statusCode).toBe(401);
    const [field] = first.json().error.fields;
    expect(first.json().error.fields).toHaveLength(1);
    expect(field).toMatchObject({ path: 'body.password', code: 'PASSWORD_WRONG' });
    const second = await call(t.app, investigator, 'POST', `${base()}/visits/BL/sign`, {
      password: 'wrong-password-2',
    });
    expect(second.json().error.fields[0].params.attemptsLeft).toBe(field.params.attemptsLeft - 1);
    const ok = await call(t.app, investigator, 'POST', `${base()}/visits/BL/sign`, {
      password: investigatorPassword,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('sums up repeating records per participant: count, least advanced status, open queries', async () => {
    const ae = (seq: number, status: 'draft' | 'complete') =>
      call(t.app, coordinator, 'PUT', `${base()}/visits/UNS/forms/adverse_event`, {
        seq,
        status,
        data: {
          onset_date: daysAgo(0),
          expected_event: 'post_treatment_soreness',
          description: 'Soreness after the session',
          serious: 'no',
          severity: 'mild',
          relatedness: 'probable',
          action_taken: 'None',
          outcome: 'recovered',
        },
      });
    const first = await ae(1, 'complete');
    expect(first.statusCode, first.body).toBe(200);
    expect((await ae(2, 'draft')).statusCode).toBe(200);
    const grid = (await call(t.app, coordinator, 'GET', '/api/v1/record-grid')).json();
    expect(grid.series.map((c: { code: string }) => c.code)).toEqual([
      'treatment',
      'adverse_event',
      'deviation',
    ]);
    const row = grid.rows.find((r: { participantId: string }) => r.participantId === participantId);
    expect(row.series).toEqual([
      { code: 'treatment', count: 0, status: 'not_started', openQueries: 0, sdvDone: false },
      { code: 'adverse_event', count: 2, status: 'draft', openQueries: 0, sdvDone: false },
      { code: 'deviation', count: 0, status: 'not_started', openQueries: 0, sdvDone: false },
    ]);
  });
});

/**
 * The rules of the study definition enforced by the server (docs/requirements.md R-REC-3): allowed
 * values of every field type, conditional requirements, date order within a record and against
 * the participant's consent and randomization, and plausible dates. Each refusal is a 400 naming
 * the field with a code, and stores nothing.
 */
import { field, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { daysAgo, today, vasData } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let staff: Session;
let participantId: string;
let arm: string;
let baselineAssessedAt: string;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  const siteId = (await newSite(t.db.db, { code: 'F07' })).id;
  staff = (await signedInUser(t, { role: 'investigator', siteIds: [siteId] })).session;
  const adminSession = (await signedInUser(t, { role: 'admin', siteIds: [siteId] })).session;
  await call(t.app, adminSession, 'POST', '/api/v1/admin/randomization-lists/generate', { name: 'F list' });
  participantId = await readyForRandomization(t.app, staff, siteId);
  const detail = (await call(t.app, staff, 'GET', base())).json();
  baselineAssessedAt = detail.records.find((r: { formCode: string }) => r.formCode === 'vas').data
    .assessed_at;
  const randomized = await call(t.app, staff, 'POST', `${base()}/randomize`);
  expect(randomized.statusCode, randomized.body).toBe(201);
  arm = randomized.json().allocation.arm;
});
afterAll(() => t?.close());

const base = () => `/api/v1/participants/${participantId}`;

async function recordCount(formCode: string): Promise<number> {
  const rows = await selectRows(
    t.db.db,
    { n: field.int },
    sql`select count(*)::int as n from form_records where participant_id = ${participantId}::uuid and form_code = ${formCode}`,
  );
  return rows[0]?.n ?? 0;
}

/** Saves and, when refused, checks that nothing of that form was stored. */
async function save(visit: string, form: string, data: object, extra: object = {}) {
  const before = await recordCount(form);
  const res = await call(t.app, staff, 'PUT', `${base()}/visits/${visit}/forms/${form}`, {
    data,
    status: 'complete',
    ...extra,
  });
  if (res.statusCode >= 400) expect(await recordCount(form)).toBe(before);
  return { status: res.statusCode, fields: res.json().error?.fields ?? [], body: res.body };
}

const ae = () => ({
  onset_date: daysAgo(1),
  end_date: today(),
  expected_event: 'post_treatment_soreness',
  description: 'Soreness after the session',
  serious: 'no',
  severity: 'mild',
  relatedness: 'probable',
  outcome: 'recovered',
});

describe(`rules of the study definition on ${testDbKind()}`, () => {
  it('refuses an adverse event ending before its onset, naming the end date', async () => {
    const res = await save('UNS', 'adverse_event', { ...ae(), onset_date: today(), end_date: daysAgo(1) });
    expect(res.status).toBe(400);
    expect(res.fields).toEqual([
      expect.objectContaining({
        path: 'body.data.end_date',
        code: 'DATE_TOO_EARLY',
        params: { kind: 'field', ref: 'onset_date', date: today() },
      }),
    ]);
  });

  it('refuses an adverse event with onset before consent', async () => {
    const res = await save('UNS', 'adverse_event', { ...ae(), onset_date: daysAgo(3), end_date: null });
    expect(res.status).toBe(400);
    expect(res.fields[0]).toMatchObject({
      path: 'body.data.onset_date',
      code: 'DATE_TOO_EARLY',
      params: { kind: 'event', ref: 'consent', date: daysAgo(1) },
    });
  });

  it('requires seriousness criteria when the event is serious', async () => {
    const res = await save('UNS', 'adverse_event', { ...ae(), serious: 'yes' });
    expect(res.status).toBe(400);
    expect(res.fields).toEqual([
      expect.objectContaining({
        path: 'body.data.serious_criteria',
        code: 'FIELD_REQUIRED_WHEN',
        params: { field: 'serious', value: 'yes' },
      }),
    ]);
    const ok = await save('UNS', 'adverse_event', {
      ...ae(),
      serious: 'yes',
      serious_criteria: ['hospitalisation'],
    });
    expect(ok.status, ok.body).toBe(200);
  });

  it.each([
    ['0001-01-01', 'DATE_TOO_EARLY'],
    ['0000-06-15', 'DATE_TOO_EARLY'],
    ['9999-12-31', 'DATE_TOO_LATE'],
  ])('refuses the implausible date %s with 400, even in a draft', async (date, code) => {
    const res = await call(t.app, staff, 'PUT', `${base()}/visits/UNS/forms/deviation`, {
      data: { date },
      status: 'draft',
      seq: 9,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.data.date', code });
  });

  it('refuses lone surrogates and NUL in text with 400 naming the field', async () => {
    for (const description of ['broken \uD83D half', 'nul \u0000 inside']) {
      const res = await save('UNS', 'adverse_event', { ...ae(), description }, { seq: 5 });
      expect(res.status).toBe(400);
      expect(res.fields).toEqual([
        expect.objectContaining({ path: 'body.data.description', code: 'TEXT_INVALID_CHARACTERS' }),
      ]);
    }
  });

  it("enforces the arm's intervention record: its conditional requirements and allowed values", async () => {
    if (arm === 'TLF_MOB') {
      const session = {
        session_no: 1,
        date: today(),
        therapist_id: 'PT-1',
        duration_min: 30,
        techniques: ['direct_mfr'],
        completed: 'yes',
      };
      const notCompleted = await save('TX', 'intervention_tlf_mob', { ...session, completed: 'no' });
      expect(notCompleted.fields).toEqual([
        expect.objectContaining({ path: 'body.data.reason_not_completed', code: 'FIELD_REQUIRED_WHEN' }),
      ]);
      const other = await save('TX', 'intervention_tlf_mob', { ...session, techniques: ['other'] });
      expect(other.fields).toEqual([
        expect.objectContaining({ path: 'body.data.techniques_other', code: 'FIELD_REQUIRED_WHEN' }),
      ]);
      const before = await save('TX', 'intervention_tlf_mob', { ...session, date: daysAgo(1) });
      expect(before.fields[0]).toMatchObject({ path: 'body.data.date', code: 'DATE_TOO_EARLY' });
      const ok = await save('TX', 'intervention_tlf_mob', {
        ...session,
        techniques: ['other'],
        techniques_other: 'Fascial stretching',
      });
      expect(ok.status, ok.body).toBe(200);
    } else {
      const injection = {
        date: today(),
        injector_id: 'DR-1',
        us_guidance_confirmed: 'no',
        level: 'L4_L5',
        side: 'bilateral',
        volume_ml_per_side: 10,
        solution: 'dextrose_5',
        immediate_complication: 'no',
      };
      const unguided = await save('TX', 'intervention_us_d5w', injection);
      expect(unguided.status).toBe(400);
      expect(unguided.fields).toEqual([
        expect.objectContaining({
          path: 'body.data.us_guidance_confirmed',
          code: 'FIELD_NOT_ALLOWED',
          params: { allowed: 'yes' },
        }),
      ]);
      const complication = await save('TX', 'intervention_us_d5w', {
        ...injection,
        us_guidance_confirmed: 'yes',
        immediate_complication: 'yes',
      });
      expect(complication.fields).toEqual([
        expect.objectContaining({
          path: 'body.data.immediate_complication_text',
          code: 'FIELD_REQUIRED_WHEN',
        }),
      ]);
      const ok = await save('TX', 'intervention_us_d5w', { ...injection, us_guidance_confirmed: 'yes' });
      expect(ok.status, ok.body).toBe(200);
    }
  });

  it('refuses a baseline assessment moved after randomization, and keeps the one before', async () => {
    // A minute after now: date-times are compared to the minute they are entered with, and the
    // participant was randomized moments ago.
    const minuteLater = new Date(Date.now() + 61_000).toISOString();
    const later = await save('BL', 'vas', vasData(40, minuteLater), { reason: 'transcription error' });
    expect(later.status).toBe(400);
    expect(later.fields[0]).toMatchObject({
      path: 'body.data.assessed_at',
      code: 'DATE_TOO_LATE',
      params: { kind: 'event', ref: 'randomization' },
    });
    const kept = await save('BL', 'vas', vasData(40, baselineAssessedAt), { reason: 'transcription error' });
    expect(kept.status, kept.body).toBe(200);
  });

  it('requires the reason for a withdrawal, and the other reason when "other"', async () => {
    const end = { status: 'withdrawn', date: today(), last_visit: 'BL' };
    const noReason = await save('UNS', 'end_of_study', end);
    expect(noReason.fields).toEqual([
      expect.objectContaining({ path: 'body.data.reason', code: 'FIELD_REQUIRED_WHEN' }),
    ]);
    const other = await save('UNS', 'end_of_study', { ...end, reason: 'other' });
    expect(other.fields).toEqual([
      expect.objectContaining({ path: 'body.data.reason_other', code: 'FIELD_REQUIRED_WHEN' }),
    ]);
    expect((await call(t.app, staff, 'GET', base())).json().status).toBe('randomized');
  });
});

describe('visit dates, from the definition', () => {
  const putVisit = (visitDate: string) =>
    call(t.app, staff, 'PUT', `${base()}/visits/W1`, {
      status: 'done',
      visitDate,
      outOfWindowReason: 'checking the visit date rules',
    });
  const w1 = async () =>
    (await call(t.app, staff, 'GET', base()))
      .json()
      .visits.find((v: { visitCode: string }) => v.visitCode === 'W1');

  it('refuses a follow-up visit dated before randomization, naming the visit date, and changes nothing', async () => {
    const before = await w1();
    const res = await putVisit(daysAgo(1));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toMatchObject([
      { path: 'body.visitDate', code: 'DATE_TOO_EARLY', params: { kind: 'event', ref: 'randomization' } },
    ]);
    expect(await w1()).toEqual(before);
  });

  it('refuses a visit after today and one before consent with their own message codes', async () => {
    const future = await putVisit('2100-01-01');
    expect(future.statusCode).toBe(400);
    expect(future.json().error.messageCode).toBe('VISIT_DATE_FUTURE');
    expect(future.json().error.fields[0]).toMatchObject({ code: 'DATE_TOO_LATE', params: { ref: 'today' } });
    const early = await putVisit(daysAgo(5));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.messageCode).toBe('VISIT_BEFORE_CONSENT');
    expect(early.json().error.fields[0]).toMatchObject({
      code: 'DATE_TOO_EARLY',
      params: { ref: 'consent' },
    });
  });
});

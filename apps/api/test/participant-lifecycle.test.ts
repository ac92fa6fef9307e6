/**
 * The participant lifecycle (docs/requirements.md R-LIFE-1, R-LIFE-3): only complete records have
 * effects, corrections re-derive them, and neither the API nor a raw SQL session can make a
 * transition the lifecycle of packages/domain does not have.
 */
import { databaseError, field, SYSTEM_ACTOR, selectRows, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { canTransition, participantStatuses } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { newParticipant, readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { allEligible, daysAgo, demographics, today } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteId: string;
let staff: Session;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'L01' })).id;
  staff = (await signedInUser(t, { role: 'coordinator', siteIds: [siteId] })).session;
  const adminSession = (await signedInUser(t, { role: 'admin', siteIds: [siteId] })).session;
  await call(t.app, adminSession, 'POST', '/api/v1/admin/randomization-lists/generate', { name: 'L list' });
});
afterAll(() => t?.close());

const url = (id: string) => `/api/v1/participants/${id}`;
const consent = { consent_date: daysAgo(1), icf_version: '1.0', obtained_by: 'Dr. Test' };
const withdrawal = { status: 'withdrawn', date: today(), last_visit: 'SCR', reason: 'withdrew_consent' };

const register = async () => (await newParticipant(t.app, { staff, siteId, until: 'created' })).id;
const save = (id: string, path: string, data: object, status: 'draft' | 'complete', reason?: string) =>
  call(t.app, staff, 'PUT', `${url(id)}/visits/${path}`, {
    data,
    status,
    ...(reason ? { reason } : {}),
    // Month 3 is weeks away in these tests: entering it now is outside its window (R-VISIT-2).
    ...(path.startsWith('M3/') ? { outOfWindowReason: 'test: entered before the window' } : {}),
  });
const detail = async (id: string) => (await call(t.app, staff, 'GET', url(id))).json();
const slotsOf = async (id: string) =>
  selectRows(t.db.db, {}, sql`select 1 from randomization_slots where participant_id = ${id}::uuid`);

describe(`participant lifecycle on ${testDbKind()}`, () => {
  it('a draft consent or demographics form has no effect on the participant; completing it has', async () => {
    const id = await register();
    expect(
      (await call(t.app, staff, 'PUT', `${url(id)}/eligibility`, { answers: allEligible })).statusCode,
    ).toBe(200);
    expect((await save(id, 'SCR/forms/consent', consent, 'draft')).statusCode).toBe(200);
    expect((await save(id, 'SCR/forms/demographics', demographics, 'draft')).statusCode).toBe(200);
    expect(await detail(id)).toMatchObject({ status: 'screening', consentDate: null, sex: null });
    // A draft consent does not unlock baseline data either.
    const vas = await save(id, 'BL/forms/vas', { vas_mm: 40 }, 'draft');
    expect(vas.statusCode).toBe(409);
    expect(vas.json().error.code).toBe('CONSENT_REQUIRED');

    expect((await save(id, 'SCR/forms/consent', consent, 'complete')).statusCode).toBe(200);
    expect((await save(id, 'SCR/forms/demographics', demographics, 'complete')).statusCode).toBe(200);
    expect(await detail(id)).toMatchObject({
      status: 'enrolled',
      consentDate: consent.consent_date,
      sex: 'female',
    });

    // A correction re-derives what the participant row says.
    const corrected = await save(
      id,
      'SCR/forms/demographics',
      { ...demographics, sex: 'male', birth_year: 1979 },
      'complete',
      'source document says male',
    );
    expect(corrected.statusCode).toBe(200);
    expect(await detail(id)).toMatchObject({ sex: 'male', birthYear: 1979 });
  });

  it('a withdrawal before randomization ends the participation: a draft does nothing, randomizing is refused', async () => {
    const id = await readyForRandomization(t.app, staff, siteId);
    expect((await save(id, 'UNS/forms/end_of_study', withdrawal, 'draft')).statusCode).toBe(200);
    expect((await detail(id)).status).toBe('enrolled');
    expect((await save(id, 'UNS/forms/end_of_study', withdrawal, 'complete')).statusCode).toBe(200);
    expect((await detail(id)).status).toBe('withdrawn');

    const res = await call(t.app, staff, 'POST', `${url(id)}/randomize`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NOT_ENROLLED');
    expect(await detail(id)).toMatchObject({ status: 'withdrawn', allocation: null });
    expect(await slotsOf(id)).toHaveLength(0);

    // "Completed" needs a randomized participant, also as a correction of the withdrawal.
    const completed = await save(
      id,
      'UNS/forms/end_of_study',
      { ...withdrawal, status: 'completed', reason: null },
      'complete',
      'ticked the wrong box',
    );
    expect(completed.statusCode).toBe(409);
    expect(completed.json().error.fields[0]).toMatchObject({
      path: 'body.data.status',
      code: 'COMPLETED_BEFORE_RANDOMIZATION',
    });
    expect((await detail(id)).status).toBe('withdrawn');
  });

  it('after randomization the end-of-study form sets completed or withdrawn, and a correction switches it', async () => {
    const id = await readyForRandomization(t.app, staff, siteId);
    expect((await call(t.app, staff, 'POST', `${url(id)}/randomize`)).statusCode).toBe(201);
    const end = { status: 'completed', date: today(), last_visit: 'M3' };
    expect((await save(id, 'M3/forms/end_of_study', end, 'draft')).statusCode).toBe(200);
    expect((await detail(id)).status).toBe('randomized');
    expect((await save(id, 'M3/forms/end_of_study', end, 'complete')).statusCode).toBe(200);
    expect((await detail(id)).status).toBe('completed');
    const fix = await save(
      id,
      'M3/forms/end_of_study',
      { ...end, status: 'withdrawn', reason: 'lost_to_follow_up' },
      'complete',
      'did not attend M3',
    );
    expect(fix.statusCode).toBe(200);
    expect(await detail(id)).toMatchObject({ status: 'withdrawn', allocation: expect.anything() });
  });

  it('the database holds the same transition table as the domain, pair by pair', async () => {
    for (const from of participantStatuses) {
      for (const to of participantStatuses) {
        const [row] = await selectRows(
          t.db.db,
          { allowed: field.bool },
          sql`select edc_participant_transition_allowed(${from}, ${to}) as allowed`,
        );
        expect({ from, to, allowed: row?.allowed }).toEqual({ from, to, allowed: canTransition(from, to) });
      }
    }
  });

  it('refuses an illegal status change made in a raw SQL session', async () => {
    const withdrawnId = await readyForRandomization(t.app, staff, siteId);
    expect((await save(withdrawnId, 'UNS/forms/end_of_study', withdrawal, 'complete')).statusCode).toBe(200);
    const randomizedId = await readyForRandomization(t.app, staff, siteId);
    expect((await call(t.app, staff, 'POST', `${url(randomizedId)}/randomize`)).statusCode).toBe(201);
    const screeningId = await register();

    const attempt = async (statement: ReturnType<typeof sql>) => {
      try {
        await withAudit(t.db.db, { ...SYSTEM_ACTOR, reason: 'lifecycle test' }, (tx) =>
          tx.execute(statement),
        );
        return 'stored';
      } catch (error) {
        return databaseError(error)?.code ?? String(error);
      }
    };
    // A withdrawn participant is never randomized, not even by hand.
    expect(
      await attempt(
        sql`update participants set status = 'randomized', randomized_at = now() where id = ${withdrawnId}::uuid`,
      ),
    ).toBe('EP001');
    // Skipping enrolment, and a status without its facts.
    expect(
      await attempt(sql`update participants set status = 'enrolled' where id = ${screeningId}::uuid`),
    ).toBe('EP002');
    expect(
      await attempt(
        sql`update participants set status = 'randomized', randomized_at = now(), eligible = true,
            consent_date = current_date where id = ${screeningId}::uuid`,
      ),
    ).toBe('EP001');
    // A randomized participant never returns to screening, and its allocation time never changes.
    expect(
      await attempt(
        sql`update participants set status = 'screening', randomized_at = null where id = ${randomizedId}::uuid`,
      ),
    ).toBe('EP003');
    expect(
      await attempt(
        sql`update participants set randomized_at = randomized_at - interval '1 day' where id = ${randomizedId}::uuid`,
      ),
    ).toBe('EP003');
    expect(
      await attempt(sql`update participants set eligible = false where id = ${randomizedId}::uuid`),
    ).toBe('EP003');
    // A legal change still goes through.
    expect(
      await attempt(sql`update participants set status = 'withdrawn' where id = ${randomizedId}::uuid`),
    ).toBe('stored');
    expect(await detail(withdrawnId)).toMatchObject({ status: 'withdrawn', allocation: null });
  });
});

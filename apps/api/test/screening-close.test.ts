/**
 * Screening tells the truth (docs/requirements.md R-ELIG-4, R-LIFE-1): a pain duration under the
 * I2 limit is recorded and fails I2 rather than being refused; an abandoned screening is closed
 * with an audited reason, takes no more data, is reported as such on CONSORT, and neither the API
 * nor a raw SQL session closes anything but an open screening.
 */
import { databaseError, SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { newParticipant, readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { allEligible, demographics } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteId: string;
let staff: Session;
let monitor: Session;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'C01' })).id;
  staff = (await signedInUser(t, { role: 'coordinator', siteIds: [siteId] })).session;
  monitor = (await signedInUser(t, { role: 'monitor', siteIds: [siteId] })).session;
});
afterAll(() => t?.close());

const url = (id: string) => `/api/v1/participants/${id}`;
const register = async () => (await newParticipant(t.app, { staff, siteId, until: 'created' })).id;
const close = (session: Session, id: string, reason?: string) =>
  call(t.app, session, 'POST', `${url(id)}/close-screening`, reason === undefined ? {} : { reason });
const consort = async () => (await call(t.app, monitor, 'GET', '/api/v1/dashboard')).json().consort;

describe(`screening on ${testDbKind()}`, () => {
  it('records a pain duration shorter than the I2 limit, and the I2 answer decides', async () => {
    const id = await register();
    const saved = await call(t.app, staff, 'PUT', `${url(id)}/visits/SCR/forms/demographics`, {
      data: { ...demographics, pain_duration_months: 2 },
      status: 'complete',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data.pain_duration_months).toBe(2);
    const decided = await call(t.app, staff, 'PUT', `${url(id)}/eligibility`, {
      answers: { ...allEligible, I2: 'no' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ eligible: false, failedCriteria: ['I2'] });
  });

  it('refuses an implausible height from the definition, naming the field', async () => {
    const id = await register();
    const res = await call(t.app, staff, 'PUT', `${url(id)}/visits/SCR/forms/demographics`, {
      data: { ...demographics, height_cm: 1.7 },
      status: 'draft',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.data.height_cm');
  });

  it('closes an abandoned screening with an audited reason; it then takes no data', async () => {
    const before = await consort();
    const id = await register();
    const noReason = await close(staff, id);
    expect(noReason.statusCode).toBe(400);
    expect((await call(t.app, staff, 'GET', url(id))).json().status).toBe('screening');
    // Closing is site work: the monitor holds no such capability.
    expect((await close(monitor, id, 'patient stopped answering')).statusCode).toBe(403);

    const closed = await close(staff, id, 'patient stopped answering calls');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'screening_closed',
      screeningClosedReason: 'patient stopped answering calls',
    });
    const [audit] = await selectRows(
      t.db.db,
      { reason: schema.auditLog.reason },
      sql`select reason from audit_log where table_name = 'participants' and action = 'UPDATE'
          and record_id = ${id} order by id desc limit 1`,
    );
    expect(audit?.reason).toBe('patient stopped answering calls');

    const save = await call(t.app, staff, 'PUT', `${url(id)}/visits/SCR/forms/demographics`, {
      data: demographics,
      status: 'draft',
    });
    expect(save.statusCode).toBe(409);
    expect(save.json().error).toMatchObject({ code: 'CONFLICT', messageCode: 'SCREENING_CLOSED' });
    const again = await close(staff, id, 'closing twice');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.messageCode).toBe('SCREENING_NOT_OPEN');

    const after = await consort();
    expect(after.excluded.screeningClosed).toBe(before.excluded.screeningClosed + 1);
    expect(after.excluded.eligibilityPending).toBe(before.excluded.eligibilityPending);
    expect(after.excluded.total).toBe(before.excluded.total + 1);
  });

  it('refuses to close a screening that reached a decision, in the API and in the database', async () => {
    const id = await readyForRandomization(t.app, staff, siteId);
    const res = await close(staff, id, 'changed mind');
    expect(res.statusCode).toBe(409);
    expect((await call(t.app, staff, 'GET', url(id))).json().status).toBe('enrolled');
    let code: string | undefined;
    try {
      await withAudit(t.db.db, { ...SYSTEM_ACTOR, reason: 'screening close test' }, (tx) =>
        tx.execute(
          sql`update participants set status = 'screening_closed', screening_closed_at = now(),
              screening_closed_reason = 'raw' where id = ${id}::uuid`,
        ),
      );
    } catch (error) {
      code = databaseError(error)?.code;
    }
    expect(code).toBe('EP001');
  });
});

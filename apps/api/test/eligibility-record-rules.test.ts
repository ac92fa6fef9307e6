/**
 * Eligibility is a record like every form (docs/requirements.md R-REC-1): a change to the complete
 * record needs a reason, a change after signing voids the signature (kept in history, audited),
 * and a locked record never changes.
 */
import { queryRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite, newUser } from '../src/seed/factories';
import { buildTestApp, type TestContext } from './helpers';
import { allEligible, daysAgo, demographics } from './journey-helpers';
import { call, type Session, signIn } from './session';

let t: TestContext;
let siteId: string;
let investigator: Session;
let investigatorPassword: string;
let admin: Session;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'E05' })).id;
  const inv = await newUser(t.db.db, { role: 'investigator', siteIds: [siteId] });
  investigatorPassword = inv.password;
  investigator = await signIn(t.app, inv.email, inv.password);
  const a = await newUser(t.db.db, { role: 'admin', siteIds: [siteId] });
  admin = await signIn(t.app, a.email, a.password);
});
afterAll(() => t?.close());

async function screened(): Promise<{ id: string; url: string }> {
  const res = await call(t.app, investigator, 'POST', '/api/v1/participants', {
    siteId,
    screenedAt: daysAgo(1),
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id;
  const url = `/api/v1/participants/${id}/eligibility`;
  expect((await call(t.app, investigator, 'PUT', url, { answers: allEligible })).statusCode).toBe(200);
  return { id, url };
}

async function eligibilityRecord(id: string) {
  const rows = await queryRows<{ id: string; status: string; version: number; e3: string }>(
    t.db.db,
    sql`select id, status, version, data->>'e3' as e3 from form_records
        where participant_id = ${id}::uuid and form_code = 'eligibility'`,
  );
  const row = rows[0];
  if (!row) throw new Error('no eligibility record');
  return row;
}

const changed = { ...allEligible, E3: 'yes' };

describe(`eligibility follows the record rules on ${testDbKind()}`, () => {
  it('needs a reason to change the complete record, and changes nothing without one', async () => {
    const { id, url } = await screened();
    const res = await call(t.app, investigator, 'PUT', url, { answers: changed });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'REASON_REQUIRED', fields: [{ path: 'body.reason' }] });
    expect(await eligibilityRecord(id)).toMatchObject({ version: 1, e3: 'no' });
  });

  it('voids the signature when a signed record changes, keeping it in history with the reason', async () => {
    const { id, url } = await screened();
    // Signing the screening visit needs every form of it complete.
    const visit = `/api/v1/participants/${id}/visits/SCR/forms`;
    for (const [form, data] of [
      ['demographics', demographics],
      ['consent', { consent_date: daysAgo(1), icf_version: '1.0', obtained_by: 'Dr. Test' }],
    ] as const) {
      const saved = await call(t.app, investigator, 'PUT', `${visit}/${form}`, { data, status: 'complete' });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const sign = await call(t.app, investigator, 'POST', `/api/v1/participants/${id}/visits/SCR/sign`, {
      password: investigatorPassword,
    });
    expect(sign.statusCode, sign.body).toBe(200);
    const record = await eligibilityRecord(id);
    expect(record.status).toBe('signed');

    const res = await call(t.app, investigator, 'PUT', url, {
      answers: changed,
      reason: 'source shows prior spinal surgery',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await eligibilityRecord(id)).toMatchObject({ status: 'complete', version: 2, e3: 'yes' });
    const history = (await call(t.app, investigator, 'GET', `/api/v1/records/${record.id}/history`)).json();
    expect(history.signatures).toEqual([
      expect.objectContaining({
        valid: false,
        voidReason: 'record changed: source shows prior spinal surgery',
      }),
    ]);
    const audited = await queryRows<{ n: number }>(
      t.db.db,
      sql`select count(*)::int as n from audit_log
          where table_name = 'signatures' and action = 'UPDATE' and participant_id = ${id}::uuid`,
    );
    expect(audited[0]?.n).toBe(1);
  });

  it('refuses any change to a locked record', async () => {
    const { id, url } = await screened();
    const record = await eligibilityRecord(id);
    expect((await call(t.app, admin, 'POST', `/api/v1/records/${record.id}/lock`)).statusCode).toBe(200);
    const res = await call(t.app, investigator, 'PUT', url, { answers: changed, reason: 'late correction' });
    expect(res.json().error.code).toBe('RECORD_LOCKED');
    expect(res.statusCode).toBe(409);
    expect(await eligibilityRecord(id)).toMatchObject({ status: 'locked', version: 1, e3: 'no' });
  });
});

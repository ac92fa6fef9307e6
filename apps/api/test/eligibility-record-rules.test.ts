/**
 * Eligibility is a record like every form (docs/requirements.md R-REC-1): a change to the complete
 * record needs a reason, a change after signing voids the signature (kept in history, audited),
 * and a locked record never changes.
 */
import { field, schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { newParticipant, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { allEligible, daysAgo } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteId: string;
let investigator: Session;
let investigatorPassword: string;
let admin: Session;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'E05' })).id;
  const inv = await signedInUser(t, { role: 'investigator', siteIds: [siteId] });
  investigatorPassword = inv.password;
  investigator = inv.session;
  admin = (await signedInUser(t, { role: 'admin', siteIds: [siteId] })).session;
});
afterAll(() => t?.close());

/** An eligible participant (consented when asked); `url` is its eligibility record's. */
async function screened(until: 'eligibility' | 'consented' = 'eligibility') {
  const options = { staff: investigator, siteId, screenedAt: daysAgo(1) };
  const { id, url } = await newParticipant(t.app, { ...options, until });
  return { id, url: `${url}/eligibility` };
}

async function eligibilityRecord(id: string) {
  const rows = await selectRows(
    t.db.db,
    {
      id: schema.formRecords.id,
      status: schema.formRecords.status,
      version: schema.formRecords.version,
      e3: field.nullable(field.text),
    },
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
    // Signing the screening visit needs every form of it complete: consented, it has them all.
    const { id, url } = await screened('consented');
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
    const audited = await selectRows(
      t.db.db,
      { n: field.int },
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

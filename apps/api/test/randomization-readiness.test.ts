/**
 * The preconditions of randomization (docs/requirements.md R-RAND-2), one domain function for the
 * API and the web checklist: each refusal names the unmet condition, and nothing is allocated.
 */
import { selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { newParticipant, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { daysAgo, odiData, vasData } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteId: string;
let staff: Session;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteId = (await newSite(t.db.db, { code: 'R09' })).id;
  staff = (await signedInUser(t, { role: 'coordinator', siteIds: [siteId] })).session;
  const adminSession = (await signedInUser(t, { role: 'admin', siteIds: [siteId] })).session;
  await call(t.app, adminSession, 'POST', '/api/v1/admin/randomization-lists/generate', { name: 'R list' });
});
afterAll(() => t?.close());

/** Screened, eligible and consented 20 days ago; baseline as given. */
async function participantWith(vas: Record<string, unknown>, odi: Record<string, unknown>) {
  const options = { staff, siteId, screenedAt: daysAgo(21), consentDate: daysAgo(20), vas, odi };
  return (await newParticipant(t.app, { ...options, until: 'baseline' })).id;
}

async function refusal(id: string) {
  const res = await call(t.app, staff, 'POST', `/api/v1/participants/${id}/randomize`);
  const slots = await selectRows(
    t.db.db,
    {},
    sql`select 1 from randomization_slots where participant_id = ${id}::uuid`,
  );
  expect(slots).toHaveLength(0);
  return { status: res.statusCode, code: res.json().error?.code, field: res.json().error?.fields?.[0] };
}

describe(`randomization preconditions on ${testDbKind()}`, () => {
  it('refuses a baseline ODI with no section answered: it has no score', async () => {
    const id = await participantWith(vasData(60), { odi_version: '2.1a-en' });
    expect(await refusal(id)).toMatchObject({
      status: 409,
      code: 'BASELINE_INCOMPLETE',
      field: { code: 'BASELINE_INCOMPLETE', params: { form: 'odi' } },
    });
  });

  it('refuses a baseline assessed more than 7 days before randomization', async () => {
    const old = { ...vasData(60), assessed_at: `${daysAgo(10)}T09:00:00+03:00` };
    const id = await participantWith(old, odiData);
    expect(await refusal(id)).toMatchObject({
      status: 409,
      code: 'BASELINE_OUT_OF_WINDOW',
      field: { code: 'BASELINE_OUT_OF_WINDOW', params: { form: 'vas', from: daysAgo(7), to: daysAgo(0) } },
    });
  });

  it('randomizes when every condition holds, with the baseline 7 days before', async () => {
    const edge = { ...vasData(60), assessed_at: `${daysAgo(7)}T09:00:00+03:00` };
    const id = await participantWith(edge, odiData);
    expect((await call(t.app, staff, 'POST', `/api/v1/participants/${id}/randomize`)).statusCode).toBe(201);
  });
});

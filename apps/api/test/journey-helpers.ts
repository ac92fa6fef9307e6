import { eligibleAnswers, lbpTrial } from '@mini-edc/domain';
import type { App } from '../src/app';
import { call, type Session } from './session';

export const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date());
export const daysAgo = (n: number) => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

/** The answers that make a participant eligible, from the production definition's criteria. */
export const allEligible = eligibleAnswers(lbpTrial.eligibility.criteria);

export const demographics = {
  birth_year: 1980,
  sex: 'female',
  height_cm: 165,
  weight_kg: 62,
  pain_duration_months: 14,
};

/** When this test file loaded: before any randomization the file does. */
const loadedAt = new Date().toISOString();

/**
 * A VAS assessed at `assessed_at`; by default when the test file loaded, so a baseline VAS, and
 * any correction of it, is assessed before randomization (follow-ups pass a later time).
 */
export const vasData = (vas_mm: number, assessed_at = loadedAt) => ({
  vas_mm,
  vas_method: 'electronic',
  assessed_at,
  assessor_id: 'assessor',
});

/** A follow-up VAS: assessed now, after the randomization it follows. */
export const followUpVasData = (vas_mm: number) => vasData(vas_mm, new Date().toISOString());

export const odiData = {
  odi_version: '2.1a-en',
  q1: 2,
  q2: 1,
  q3: 3,
  q4: 2,
  q5: 3,
  q6: 2,
  q7: 1,
  q8: 0,
  q9: 2,
  q10: 1,
};

async function ok(res: Awaited<ReturnType<typeof call>>, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Drives the API as site staff from screening to a participant ready for randomization. */
export async function readyForRandomization(app: App, staff: Session, siteId: string): Promise<string> {
  const p = await ok(
    await call(app, staff, 'POST', '/api/v1/participants', { siteId, screenedAt: daysAgo(2) }),
    'create',
  );
  const base = `/api/v1/participants/${p.id}`;
  await ok(
    await call(app, staff, 'PUT', `${base}/visits/SCR/forms/demographics`, {
      data: demographics,
      status: 'complete',
    }),
    'demographics',
  );
  await ok(await call(app, staff, 'PUT', `${base}/eligibility`, { answers: allEligible }), 'eligibility');
  await ok(
    await call(app, staff, 'PUT', `${base}/visits/SCR/forms/consent`, {
      data: { consent_date: daysAgo(1), icf_version: '1.0', obtained_by: 'Dr. Test' },
      status: 'complete',
    }),
    'consent',
  );
  await ok(
    await call(app, staff, 'PUT', `${base}/visits/BL/forms/vas`, { data: vasData(62), status: 'complete' }),
    'vas',
  );
  await ok(
    await call(app, staff, 'PUT', `${base}/visits/BL/forms/odi`, { data: odiData, status: 'complete' }),
    'odi',
  );
  return p.id;
}

import { eligibleAnswers, lbpTrial } from '@mini-edc/domain';

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

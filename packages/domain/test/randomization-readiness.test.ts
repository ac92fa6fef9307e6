import { describe, expect, it } from 'vitest';
import {
  assessmentDate,
  baselineWindow,
  type ReadinessFacts,
  type ReadinessRecord,
  randomizationReadiness,
} from '../src/randomization/readiness';
import type { StudyDefinition } from '../src/study/definition-schema';
import { lbpTrial } from '../src/study/lbp-trial';

const TZ = 'Europe/Istanbul'; // UTC+3 all year

function vas(over: Partial<ReadinessRecord> = {}, data: Record<string, unknown> = {}): ReadinessRecord {
  return {
    visitCode: 'BL',
    formCode: 'vas',
    status: 'complete',
    data: {
      vas_mm: 40,
      vas_method: 'paper',
      assessed_at: '2025-06-09T10:00:00Z',
      assessor_id: 'u-1',
      ...data,
    },
    updatedAt: '2025-06-09T12:00:00Z',
    ...over,
  };
}

function odi(over: Partial<ReadinessRecord> = {}, data: Record<string, unknown> = {}): ReadinessRecord {
  return {
    visitCode: 'BL',
    formCode: 'odi',
    status: 'complete',
    data: { odi_version: '2.0-tr', q1: 2, q2: 3, ...data },
    updatedAt: '2025-06-08T21:30:00Z', // 9 June in Istanbul
    ...over,
  };
}

function facts(over: Partial<ReadinessFacts> = {}): ReadinessFacts {
  return {
    status: 'enrolled',
    eligible: true,
    consentDate: '2025-06-01',
    records: [vas(), odi()],
    today: '2025-06-10',
    timeZone: TZ,
    ...over,
  };
}

const met = (f: ReadinessFacts, def: StudyDefinition = lbpTrial) =>
  Object.fromEntries(randomizationReadiness(def, f).map((c) => [c.key, c.met]));

describe('randomizationReadiness', () => {
  it('lists every condition in order with its code and parameters, all met for a ready participant', () => {
    const window = { from: '2025-06-03', to: '2025-06-10' };
    expect(randomizationReadiness(lbpTrial, facts())).toEqual([
      { key: 'eligible', code: 'NOT_ELIGIBLE', met: true, params: {} },
      { key: 'consented', code: 'CONSENT_REQUIRED', met: true, params: {} },
      { key: 'enrolled', code: 'NOT_ENROLLED', met: true, params: {} },
      { key: 'baseline:vas', code: 'BASELINE_INCOMPLETE', met: true, params: { form: 'vas' } },
      { key: 'window:vas', code: 'BASELINE_OUT_OF_WINDOW', met: true, params: { form: 'vas', ...window } },
      { key: 'baseline:odi', code: 'BASELINE_INCOMPLETE', met: true, params: { form: 'odi' } },
      { key: 'window:odi', code: 'BASELINE_OUT_OF_WINDOW', met: true, params: { form: 'odi', ...window } },
    ]);
  });

  it('needs eligibility assessed as eligible, a consent date and the enrolled status', () => {
    expect(met(facts({ eligible: null })).eligible).toBe(false);
    expect(met(facts({ eligible: false })).eligible).toBe(false);
    expect(met(facts({ consentDate: null })).consented).toBe(false);
    for (const status of ['screening', 'screen_failed', 'withdrawn', 'randomized']) {
      expect(met(facts({ status })).enrolled, status).toBe(false);
    }
  });

  it('needs a complete, signed or locked baseline record of each required form', () => {
    for (const status of ['complete', 'signed', 'locked']) {
      expect(met(facts({ records: [vas({ status }), odi()] }))['baseline:vas'], status).toBe(true);
    }
    const draft = met(facts({ records: [vas({ status: 'draft' }), odi()] }));
    expect(draft['baseline:vas']).toBe(false);
    expect(draft['window:vas']).toBe(false);
    const elsewhere = met(facts({ records: [vas({ visitCode: 'W1' }), odi()] }));
    expect(elsewhere['baseline:vas']).toBe(false);
    const other = met(facts({ records: [vas({ formCode: 'odi' })] }));
    expect(other['baseline:vas']).toBe(false);
    expect(other['baseline:odi']).toBe(false);
  });

  it('needs the required fields of a baseline form filled, optional and derived ones not', () => {
    expect(met(facts({ records: [vas({}, { vas_mm: null }), odi()] }))['baseline:vas']).toBe(false);
    expect(met(facts({ records: [vas({ data: { vas_mm: 0 } }), odi()] }))['baseline:vas']).toBe(false);
    const noOptional = met(facts({ records: [vas({}, { vas_line_length_mm: null }), odi()] }));
    expect(noOptional['baseline:vas']).toBe(true);
    expect(met(facts({ records: [vas({ data: null }), odi()] }))['baseline:vas']).toBe(false);
    expect(met(facts({ records: [vas({ data: 'x' }), odi()] }))['baseline:vas']).toBe(false);
    expect(met(facts({ records: [vas({ data: undefined }), odi()] }))['baseline:vas']).toBe(false);
  });

  it('needs an ODI with a score: at least one section answered with a number', () => {
    const none = { q1: null, q2: null };
    expect(met(facts({ records: [vas(), odi({}, none)] }))['baseline:odi']).toBe(false);
    expect(met(facts({ records: [vas(), odi({}, { ...none, q3: '3' })] }))['baseline:odi']).toBe(false);
    expect(met(facts({ records: [vas(), odi({}, { ...none, q10: 0 })] }))['baseline:odi']).toBe(true);
    // The ODI is judged by its score alone: odi_version (a required field) may be missing.
    expect(met(facts({ records: [vas(), odi({}, { odi_version: null })] }))['baseline:odi']).toBe(true);
  });

  it('needs each baseline assessed in the window: up to 7 days before randomization, not after', () => {
    const at = (assessed_at: string) =>
      met(facts({ records: [vas({}, { assessed_at }), odi()] }))['window:vas'];
    expect(at('2025-06-02T21:00:00Z')).toBe(true); // 3 June 00:00 in Istanbul
    expect(at('2025-06-02T20:59:00Z')).toBe(false); // 2 June 23:59
    expect(at('2025-06-10T20:59:00Z')).toBe(true); // 10 June 23:59
    expect(at('2025-06-10T21:00:00Z')).toBe(false); // 11 June
    // Incomplete but dated: the window condition is judged on its own.
    expect(met(facts({ records: [vas({}, { vas_mm: null }), odi()] }))['window:vas']).toBe(true);
  });

  it('is unmet for a required form the definition does not have', () => {
    const def = { ...lbpTrial, roles: { ...lbpTrial.roles, baselineRequiredForms: ['vas', 'gone'] } };
    const r = randomizationReadiness(def, facts({ records: [vas(), { ...vas(), formCode: 'gone' }] }));
    expect(r.filter((c) => c.params.form === 'gone').map((c) => [c.key, c.met])).toEqual([
      ['baseline:gone', false],
      ['window:gone', false],
    ]);
  });
});

describe('assessmentDate', () => {
  const vasForm = lbpTrial.forms.find((f) => f.code === 'vas');
  const odiForm = lbpTrial.forms.find((f) => f.code === 'odi');

  it('takes the first date-time field in the trial time zone, else the day last saved', () => {
    if (!vasForm || !odiForm) throw new Error('fixture');
    expect(assessmentDate(vasForm, vas({}, { assessed_at: '2025-06-02T21:00:00Z' }), TZ)).toBe('2025-06-03');
    expect(assessmentDate(vasForm, vas({}, { assessed_at: null }), TZ)).toBe('2025-06-09');
    expect(assessmentDate(vasForm, vas({}, { assessed_at: null }), 'UTC')).toBe('2025-06-09');
    expect(assessmentDate(odiForm, odi(), TZ)).toBe('2025-06-09');
    expect(assessmentDate(odiForm, odi(), 'UTC')).toBe('2025-06-08');
    expect(assessmentDate(vasForm, vas({ data: null }), TZ)).toBe('2025-06-09');
  });

  it('takes a date field as it is, and skips fields that are neither date nor date-time', () => {
    if (!vasForm) throw new Error('fixture');
    const dated = {
      ...vasForm,
      fields: vasForm.fields.map((f) => (f.name === 'assessed_at' ? { ...f, type: 'date' as const } : f)),
    };
    expect(assessmentDate(dated, vas({}, { assessed_at: '2025-06-04' }), TZ)).toBe('2025-06-04');
    // vas_method (a choice, filled) comes first and is not taken for a date.
    expect(assessmentDate(vasForm, vas({}, { assessed_at: '2025-06-05T09:00:00Z' }), TZ)).toBe('2025-06-05');
  });
});

describe('baselineWindow', () => {
  it('runs from windowBefore days before the randomization day to windowAfter days after', () => {
    expect(baselineWindow(lbpTrial, '2025-03-02')).toEqual({ from: '2025-02-23', to: '2025-03-02' });
    const wider = {
      ...lbpTrial,
      visits: lbpTrial.visits.map((v) =>
        v.kind === 'baseline' ? { ...v, windowBefore: 2, windowAfter: 3 } : v,
      ),
    };
    expect(baselineWindow(wider, '2025-03-02')).toEqual({ from: '2025-02-28', to: '2025-03-05' });
  });
});

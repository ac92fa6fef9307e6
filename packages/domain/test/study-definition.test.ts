import { describe, expect, it } from 'vitest';
import { lbpTrial, lbpTrialInput } from '../src/study/lbp-trial';
import { loadStudyDefinition } from '../src/study/load-definition';
import { randomizationParamsFromDefinition } from '../src/study/randomization-params';

const clone = () =>
  structuredClone(lbpTrialInput) as unknown as Record<string, unknown> & typeof lbpTrialInput;

describe('lbpTrial (protocol §1, §4.1, §5)', () => {
  it('holds the registered criteria I1–I4 and E1–E11, without the truncated E12', () => {
    expect(lbpTrial.eligibility.criteria.map((c) => c.id)).toEqual([
      'I1',
      'I2',
      'I3',
      'I4',
      'E1',
      'E2',
      'E3',
      'E4',
      'E5',
      'E6',
      'E7',
      'E8',
      'E9',
      'E10',
      'E11',
    ]);
    for (const c of lbpTrial.eligibility.criteria)
      expect(c.expected).toBe(c.kind === 'inclusion' ? 'yes' : 'no');
  });

  it('has the two arms, the visits of protocol §5.1 and the design settings', () => {
    expect(lbpTrial.nctId).toBe('NCT07241559');
    expect(lbpTrial.enrollment).toEqual({ target: 75, cap: 75 });
    expect(lbpTrial.arms.map((a) => a.code)).toEqual(['TLF_MOB', 'US_D5W']);
    expect(lbpTrial.visits.map((v) => [v.code, v.dayOffset, v.windowBefore, v.windowAfter])).toEqual([
      ['SCR', 0, 14, 0],
      ['BL', 0, 7, 0],
      ['W1', 7, 2, 3],
      ['M1', 28, 7, 7],
      ['M3', 84, 14, 14],
    ]);
    expect(lbpTrial.forms.map((f) => f.code).sort()).toEqual(
      [
        'adverse_event',
        'consent',
        'demographics',
        'deviation',
        'eligibility',
        'end_of_study',
        'intervention_tlf_mob',
        'intervention_us_d5w',
        'odi',
        'vas',
      ].sort(),
    );
    expect(randomizationParamsFromDefinition(lbpTrial)).toMatchObject({
      arms: ['TLF_MOB', 'US_D5W'],
      ratio: [1, 1],
      blockSizes: [4, 6],
      strata: ['S01', 'S02'],
      slotsPerStratum: 80,
    });
  });

  it('has Turkish and English text everywhere', () => {
    for (const form of lbpTrial.forms) {
      for (const f of form.fields) expect(f.label.tr.length * f.label.en.length).toBeGreaterThan(0);
    }
  });

  it('is a plain JSON document (an admin can edit it outside the code)', () => {
    expect(loadStudyDefinition(JSON.parse(JSON.stringify(lbpTrialInput)))).toEqual(lbpTrial);
  });
});

describe('loadStudyDefinition errors', () => {
  it('names every bad path of a malformed definition on its own line', () => {
    const raw = clone();
    (raw.visits[2] as Record<string, unknown>).dayOffset = 'seven';
    (raw.arms[1] as Record<string, unknown>).label = { en: 'Dextrose' };
    raw.nctId = 'NCT123';
    expect(() => loadStudyDefinition(raw)).toThrow(Error);
    let message = '';
    try {
      loadStudyDefinition(raw);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('Invalid study definition (3 problems):');
    expect(lines).toContain('  - nctId: an NCT id is "NCT" and 8 digits');
    expect(lines).toContain('  - arms[1].label.tr: Turkish text is required');
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}- visits\[2\]\.dayOffset: dayOffset must be a whole number/),
    );
  });

  it('reports cross-reference problems: duplicates, unknown forms, inconsistent criteria', () => {
    const raw = clone();
    raw.visits[3] = { ...raw.visits[3], code: 'W1', forms: ['vas', 'sf36'] } as (typeof raw.visits)[number];
    raw.eligibility.criteria = [
      ...raw.eligibility.criteria,
      { ...raw.eligibility.criteria[0], expected: 'no' },
    ] as typeof raw.eligibility.criteria;
    raw.arms[0] = { ...raw.arms[0], interventionForm: 'intervention_tlf' } as (typeof raw.arms)[number];
    raw.randomization = { ...raw.randomization, slotsPerStratum: 40 };
    expect(() => loadStudyDefinition(raw)).toThrow(
      [
        'Invalid study definition (6 problems):',
        '  - eligibility.criteria[15]: Another criterion already has the id “I1”.',
        '  - visits[3]: Another visit already has the code “W1”.',
        '  - visits[3].forms[1]: The definition has no form “sf36”.',
        '  - arms[0].interventionForm: The definition has no form “intervention_tlf”.',
        '  - eligibility.criteria[15].expected: Criterion I1 is an inclusion criterion: it is met by “yes”.',
        '  - randomization.slotsPerStratum: The list has 40 places per stratum, fewer than the enrollment cap 75.',
      ].join('\n'),
    );
  });

  it('checks the roles of forms: forms and fields that exist, at the visits the trial needs', () => {
    const raw = clone();
    raw.roles = {
      ...raw.roles,
      consent: { ...raw.roles.consent, dateField: 'signed_on' },
      baselineRequiredForms: ['vas', 'adverse_event'],
      outcomeForms: ['vas', 'sf36'],
      treatmentVisit: { ...raw.roles.treatmentVisit, code: 'W1' },
    };
    expect(() => loadStudyDefinition(raw)).toThrow(
      [
        'Invalid study definition (4 problems):',
        '  - roles.consent.dateField: Form “consent” has no field “signed_on”.',
        '  - roles.outcomeForms[1]: The definition has no form “sf36”.',
        '  - roles.baselineRequiredForms[1]: Form “adverse_event” is not a form of the baseline visit “BL”.',
        '  - roles.treatmentVisit.code: The visit code “W1” is already a scheduled visit.',
      ].join('\n'),
    );
  });

  it('rejects a non-object outright', () => {
    expect(() => loadStudyDefinition(null)).toThrow(
      /Invalid study definition \(1 problem\):\n {2}- \(root\)/,
    );
  });
});

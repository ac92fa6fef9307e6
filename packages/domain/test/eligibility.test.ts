import { describe, expect, it } from 'vitest';
import {
  ageAtScreening,
  ageFromBirthDate,
  bodyMassIndex,
  deriveEligibilityAnswers,
  eligibleAnswers,
  evaluateEligibility,
  type YesNo,
} from '../src/eligibility';
import { formDataSchema } from '../src/forms/form-data-schema';
import type { EligibilityCriterion } from '../src/study/definition-schema';
import { lbpTrial } from '../src/study/lbp-trial';

const { criteria, limits } = lbpTrial.eligibility;

describe('eligibleAnswers: the eligible participant from the definition (R-ELIG-1)', () => {
  it('answers every criterion of the definition, and only those, with its expected answer', () => {
    const answers = eligibleAnswers(criteria);
    expect(Object.keys(answers)).toEqual(criteria.map((c) => c.id));
    expect(answers).toMatchObject({ I1: 'yes', I4: 'yes', E1: 'no', E11: 'no' });
    expect(evaluateEligibility(criteria, answers, { sex: 'female' })).toEqual({
      ok: true,
      eligible: true,
      failedCriteria: [],
    });
  });

  it('fails exactly the criterion whose answer differs from the built one', () => {
    for (const c of criteria) {
      const flipped: YesNo = c.expected === 'yes' ? 'no' : 'yes';
      const outcome = evaluateEligibility(criteria, { ...eligibleAnswers(criteria), [c.id]: flipped });
      expect(outcome, c.id).toEqual({ ok: true, eligible: false, failedCriteria: [c.id] });
    }
  });

  it('follows a criterion added to the definition', () => {
    const e12: EligibilityCriterion = {
      id: 'E12',
      kind: 'exclusion',
      textEn: 'History of spinal surgery',
      textTr: 'Omurga cerrahisi öyküsü',
      expected: 'no',
    };
    const amended = [...criteria, e12];
    expect(eligibleAnswers(amended)).toEqual({ ...eligibleAnswers(criteria), E12: 'no' });
    expect(evaluateEligibility(amended, eligibleAnswers(amended))).toMatchObject({
      ok: true,
      eligible: true,
    });
  });
});

describe('evaluateEligibility (protocol §1.4)', () => {
  it('is eligible when every inclusion is yes and every exclusion no', () => {
    expect(evaluateEligibility(criteria, eligibleAnswers(criteria), { sex: 'female' })).toEqual({
      ok: true,
      eligible: true,
      failedCriteria: [],
    });
  });

  it('fails on an inclusion answered no', () => {
    const outcome = evaluateEligibility(criteria, { ...eligibleAnswers(criteria), I3: 'no' });
    expect(outcome).toEqual({ ok: true, eligible: false, failedCriteria: ['I3'] });
  });

  it('fails on an exclusion answered yes, listing every failing id in definition order', () => {
    const outcome = evaluateEligibility(criteria, {
      ...eligibleAnswers(criteria),
      E10: 'yes',
      E2: 'yes',
      I2: 'no',
    });
    expect(outcome).toEqual({ ok: true, eligible: false, failedCriteria: ['I2', 'E2', 'E10'] });
  });

  it('refuses to decide with missing answers and lists them', () => {
    const answers: Record<string, YesNo | null> = eligibleAnswers(criteria);
    delete answers.E5;
    answers.E11 = null;
    const outcome = evaluateEligibility(criteria, answers);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.missing).toEqual(['E5', 'E11']);
    expect(outcome.problems.map((p) => p.criterionId)).toEqual(['E5', 'E11']);
  });

  it('flags a male answered yes to pregnancy/breastfeeding as an inconsistency, not a screen failure', () => {
    const outcome = evaluateEligibility(
      criteria,
      { ...eligibleAnswers(criteria), E3: 'yes' },
      { sex: 'male' },
    );
    expect(outcome).toMatchObject({ ok: false, missing: [], problems: [{ criterionId: 'E3' }] });
    // The same answer for a female is a plain exclusion.
    expect(
      evaluateEligibility(criteria, { ...eligibleAnswers(criteria), E3: 'yes' }, { sex: 'female' }),
    ).toEqual({
      ok: true,
      eligible: false,
      failedCriteria: ['E3'],
    });
  });

  it('refuses answers for unknown criteria (e.g. the truncated E12)', () => {
    const outcome = evaluateEligibility(criteria, { ...eligibleAnswers(criteria), E12: 'no' });
    expect(outcome).toMatchObject({ ok: false, problems: [{ criterionId: 'E12' }] });
  });
});

describe('derived eligibility facts (protocol §1.4)', () => {
  it('computes completed years from a birth date, birthday inclusive', () => {
    expect(ageFromBirthDate('2007-06-15', '2025-06-14')).toBe(17);
    expect(ageFromBirthDate('2007-06-15', '2025-06-15')).toBe(18);
    expect(ageFromBirthDate('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageFromBirthDate('2004-02-29', '2025-03-01')).toBe(21);
  });

  it('gives an exact age from a date and a two-value range from a year', () => {
    expect(ageAtScreening('1980-01-01', '2025-06-01')).toEqual({ min: 45, max: 45 });
    expect(ageAtScreening(1980, '2025-06-01')).toEqual({ min: 44, max: 45 });
    expect(() => ageAtScreening('1980-13-01', '2025-06-01')).toThrow(RangeError);
  });

  it('computes BMI to one decimal from kg and cm', () => {
    expect(bodyMassIndex(70, 175)).toBe(22.9);
    expect(bodyMassIndex(92.2, 175)).toBe(30.1);
    expect(bodyMassIndex(81, 180)).toBe(25);
    expect(() => bodyMassIndex(70, 0)).toThrow(RangeError);
  });

  it('proposes I1/E1 from age, E2 from BMI and E3 "no" for a male', () => {
    expect(
      deriveEligibilityAnswers(criteria, limits, { age: { min: 40, max: 40 }, bmi: 30, sex: 'male' }),
    ).toEqual({
      I1: 'yes',
      E1: 'no',
      E2: 'no',
      E3: 'no',
    });
    expect(
      deriveEligibilityAnswers(criteria, limits, { age: { min: 66, max: 66 }, bmi: 30.1, sex: 'female' }),
    ).toEqual({
      I1: 'no',
      E1: 'yes',
      E2: 'yes',
    });
  });

  it('proposes I2 from the pain duration and records a short one truthfully', () => {
    expect(deriveEligibilityAnswers(criteria, limits, { painDurationMonths: 2 })).toEqual({ I2: 'no' });
    expect(deriveEligibilityAnswers(criteria, limits, { painDurationMonths: 3 })).toEqual({ I2: 'yes' });
    expect(deriveEligibilityAnswers(criteria, { ...limits, painDurationMonthsMin: undefined }, {})).toEqual(
      {},
    );
    const demographics = lbpTrial.forms.find((f) => f.code === 'demographics');
    if (!demographics) throw new Error('the trial has a demographics form');
    const schema = formDataSchema(demographics, 'draft');
    expect(schema.safeParse({ pain_duration_months: 1 }).success).toBe(true);
    expect(schema.safeParse({ height_cm: 1.7 }).success).toBe(false);
    expect(schema.safeParse({ weight_kg: 805 }).success).toBe(false);
  });

  it('leaves the age criteria open when a birth year makes them ambiguous', () => {
    const answers = deriveEligibilityAnswers(criteria, limits, { age: ageAtScreening(2007, '2025-03-01') });
    expect(answers).toEqual({});
    expect(deriveEligibilityAnswers(criteria, limits, { age: ageAtScreening(1960, '2025-03-01') })).toEqual({
      I1: 'yes',
      E1: 'no',
    });
  });
});

describe('eligibility problems and derivations at their edges (protocol §1.4)', () => {
  it('says what each problem is', () => {
    const answers: Record<string, unknown> = {
      ...eligibleAnswers(criteria),
      E12: 'no',
      E11: null,
      E4: 'maybe',
    };
    delete answers.E5;
    const outcome = evaluateEligibility(criteria, answers as Record<string, YesNo | null>);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual(
      expect.arrayContaining([
        { criterionId: 'E12', code: 'CRITERION_UNKNOWN' },
        { criterionId: 'E5', code: 'ANSWER_YES_OR_NO' },
        { criterionId: 'E11', code: 'ANSWER_YES_OR_NO' },
        { criterionId: 'E4', code: 'ANSWER_YES_OR_NO' },
      ]),
    );
    const male = evaluateEligibility(criteria, { ...eligibleAnswers(criteria), E3: 'yes' }, { sex: 'male' });
    expect(male).toMatchObject({
      problems: [{ criterionId: 'E3', code: 'CRITERION_NOT_FOR_MALE' }],
    });
  });

  it('decides a male participant on his answers: inclusions "yes" are no inconsistency', () => {
    expect(evaluateEligibility(criteria, eligibleAnswers(criteria), { sex: 'male' })).toEqual({
      ok: true,
      eligible: true,
      failedCriteria: [],
    });
  });

  it('counts a birthday in a later month of the year as not yet had', () => {
    expect(ageFromBirthDate('1990-06-15', '2025-03-20')).toBe(34);
    expect(ageFromBirthDate('1990-02-15', '2025-03-01')).toBe(35);
  });

  it('refuses a BMI from a weight or height that is not positive', () => {
    expect(() => bodyMassIndex(0, 170)).toThrow('weight and height must be positive');
    expect(() => bodyMassIndex(70, 0)).toThrow('weight and height must be positive');
    expect(() => bodyMassIndex(-70, 170)).toThrow('weight and height must be positive');
  });

  it('proposes the age criteria at both limits, outside them, and not across a limit', () => {
    const { ageMin, ageMax } = limits;
    const at = (min: number, max: number) =>
      deriveEligibilityAnswers(criteria, limits, { age: { min, max } });
    expect(at(ageMin, ageMin)).toEqual({ I1: 'yes', E1: 'no' });
    expect(at(ageMax, ageMax)).toEqual({ I1: 'yes', E1: 'no' });
    expect(at(ageMin - 1, ageMin - 1)).toEqual({ I1: 'no', E1: 'yes' });
    expect(at(ageMax + 1, ageMax + 1)).toEqual({ I1: 'no', E1: 'yes' });
    // A birth year that leaves the age at the upper limit or one above proposes nothing.
    expect(at(ageMax, ageMax + 1)).toEqual({});
    expect(at(ageMin - 1, ageMin)).toEqual({});
  });

  it('proposes nothing from the pain duration when the definition sets no minimum', () => {
    const noMinimum = { ...limits, painDurationMonthsMin: undefined };
    expect(deriveEligibilityAnswers(criteria, noMinimum, { painDurationMonths: 2 })).toEqual({});
  });
});

import { type IsoDate, isoDateToDayNumber } from './dates';
import type { EligibilityCriterion, EligibilityLimits } from './study/definition-schema';

export type YesNo = 'yes' | 'no';
export type Sex = 'male' | 'female';

/** Why an answer was refused, as a field code (docs/errors.md, "Field codes"). */
export interface EligibilityProblem {
  criterionId: string;
  code: 'CRITERION_UNKNOWN' | 'ANSWER_YES_OR_NO' | 'CRITERION_NOT_FOR_MALE';
}

export type EligibilityOutcome =
  | { ok: true; eligible: boolean; failedCriteria: string[] }
  | { ok: false; missing: string[]; problems: EligibilityProblem[] };

/**
 * Eligibility decision of protocol §1.4: eligible iff every inclusion answer is yes and every
 * exclusion answer is no; a screen failure lists the failing ids (kept for CONSORT). Refuses to
 * decide (ok: false) when an answer is missing, when an answer names an unknown criterion, or when
 * a criterion derived from sex is answered "yes" for a male (protocol §5.3: pregnancy exclusion answered yes
 * for a male is an inconsistency, not a screen failure).
 */
export function evaluateEligibility(
  criteria: readonly EligibilityCriterion[],
  answers: Readonly<Record<string, YesNo | null | undefined>>,
  context: { sex?: Sex } = {},
): EligibilityOutcome {
  const missing: string[] = [];
  const problems: EligibilityProblem[] = [];
  const failedCriteria: string[] = [];
  const known = new Set(criteria.map((c) => c.id));

  for (const id of Object.keys(answers)) {
    if (!known.has(id)) problems.push({ criterionId: id, code: 'CRITERION_UNKNOWN' });
  }
  for (const c of criteria) {
    const answer = answers[c.id];
    if (answer !== 'yes' && answer !== 'no') {
      missing.push(c.id);
      problems.push({ criterionId: c.id, code: 'ANSWER_YES_OR_NO' });
      continue;
    }
    if (c.derivedFrom === 'sex' && context.sex === 'male' && answer === 'yes') {
      problems.push({ criterionId: c.id, code: 'CRITERION_NOT_FOR_MALE' });
    }
    // Inclusion must be yes, exclusion no; the definition's cross-check keeps `expected` in line.
    const wanted: YesNo = c.kind === 'inclusion' ? 'yes' : 'no';
    if (answer !== wanted) failedCriteria.push(c.id);
  }

  if (problems.length > 0) return { ok: false, missing, problems };
  return { ok: true, eligible: failedCriteria.length === 0, failedCriteria };
}

/**
 * The answers that make a participant eligible (R-ELIG-1): each criterion's `expected` answer,
 * taken from the study definition. The demo seed and the tests build an eligible participant from
 * this, so an added or changed criterion changes this one builder rather than every copy.
 */
export function eligibleAnswers(criteria: readonly EligibilityCriterion[]): Record<string, YesNo> {
  return Object.fromEntries(criteria.map((c) => [c.id, c.expected]));
}

/** Completed years between a birth date and `onDate` (a birthday counts on the day itself). */
export function ageFromBirthDate(birthDate: IsoDate, onDate: IsoDate): number {
  isoDateToDayNumber(birthDate);
  isoDateToDayNumber(onDate);
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/**
 * Age at screening (protocol §1.4, I1/E1). From a full birth date the age is exact (min = max). From a birth
 * year only (protocol §5.2 allows it) the age is one of two values, so both bounds are returned and a
 * criterion is derived only when both fall on the same side of the limit.
 */
export function ageAtScreening(
  birth: IsoDate | number,
  screeningDate: IsoDate,
): { min: number; max: number } {
  if (typeof birth === 'string') {
    const age = ageFromBirthDate(birth, screeningDate);
    return { min: age, max: age };
  }
  isoDateToDayNumber(screeningDate);
  const year = Number(screeningDate.slice(0, 4));
  return { min: Math.max(0, year - birth - 1), max: year - birth };
}

/**
 * BMI = weight_kg / height_m², one decimal, half up (protocol §1.4 E2). Height is entered in cm (protocol §5.2).
 * Computed as round(100000·w / h_cm²)/10 so that heights in cm do not add a division error.
 */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  if (!(weightKg > 0) || !(heightCm > 0)) throw new RangeError('weight and height must be positive');
  return Math.round((100_000 * weightKg) / (heightCm * heightCm)) / 10;
}

export interface EligibilityFacts {
  age?: { min: number; max: number };
  /** BMI as recorded (one decimal). */
  bmi?: number;
  sex?: Sex;
  /** Pain duration in whole months, as recorded. */
  painDurationMonths?: number;
}

/**
 * Proposed answers for criteria marked `derivedFrom` (protocol §1.4 "derive, then show for confirmation").
 * Age: inclusion yes / exclusion no when inside [ageMin, ageMax]; left open if a birth year makes
 * it ambiguous. BMI: exclusion yes when the recorded BMI is above bmiMax. Sex: "no" for a male
 * (E3 pregnancy or breastfeeding); for a female the question must be asked. Pain duration: met
 * from `painDurationMonthsMin` months on (I2); no proposal when the definition sets no limit.
 */
export function deriveEligibilityAnswers(
  criteria: readonly EligibilityCriterion[],
  limits: EligibilityLimits,
  facts: EligibilityFacts,
): Record<string, YesNo> {
  const out: Record<string, YesNo> = {};
  for (const c of criteria) {
    let inRange: boolean | undefined;
    if (c.derivedFrom === 'age' && facts.age !== undefined) {
      const { min, max } = facts.age;
      if (min >= limits.ageMin && max <= limits.ageMax) inRange = true;
      else if (max < limits.ageMin || min > limits.ageMax) inRange = false;
    }
    if (c.derivedFrom === 'bmi' && facts.bmi !== undefined) inRange = facts.bmi <= limits.bmiMax;
    if (c.derivedFrom === 'sex' && facts.sex === 'male') inRange = true;
    if (
      c.derivedFrom === 'pain_duration' &&
      facts.painDurationMonths !== undefined &&
      limits.painDurationMonthsMin !== undefined
    ) {
      inRange = facts.painDurationMonths >= limits.painDurationMonthsMin;
    }
    if (inRange === undefined) continue;
    // "inRange" means the participant passes this criterion.
    out[c.id] = c.kind === 'inclusion' ? (inRange ? 'yes' : 'no') : inRange ? 'no' : 'yes';
  }
  return out;
}

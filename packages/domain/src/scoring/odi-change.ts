import type { OdiScore } from './odi';

/** Responder thresholds for the ODI (protocol §3.2 rule 8, Ostelo 2008); both configurable in the study definition. */
export interface OdiResponderThresholds {
  /** Improvement in ODI points (Δ ≤ −absolutePoints). Default 10. */
  absolutePoints: number;
  /** Relative improvement as a fraction of baseline (Δ ≤ −relativeFraction × baseline). Default 0.30. */
  relativeFraction: number;
}

export const DEFAULT_ODI_RESPONDER: OdiResponderThresholds = { absolutePoints: 10, relativeFraction: 0.3 };

export interface OdiChange {
  /** Follow-up % − baseline %, exact (negative = better). */
  delta: number;
  /** Δ×10 rounded half away from zero, computed from the exact rational (protocol §3.3: −1.56 → −16). */
  deltaX10: number;
  responder: boolean;
  byAbsolute: boolean;
  byRelative: boolean;
}

type Scored = Pick<OdiScore, 'sum' | 'answered'>;

/** Thresholds are decimals; scaling by 10⁶ makes the comparisons exact integers for up to 6 decimals. */
const SCALE = 1_000_000;

/** round(num/den) half away from zero, den > 0, in integers. */
function roundRational(num: number, den: number): number {
  const magnitude = Math.floor((2 * Math.abs(num) + den) / (2 * den));
  return num < 0 ? -magnitude : magnitude;
}

/**
 * Change from baseline and responder status (protocol §3.2 rule 8). Δ is taken from the exact values and
 * rounded only at the end (protocol §3.3). With Δ = 20·(sF·aB − sB·aF)/(aF·aB) every comparison is done on
 * integers. The relative rule needs a real improvement (Δ < 0): with a baseline of 0, "Δ ≤ 0" would
 * otherwise call an unchanged patient a responder. Returns null if either score is missing.
 */
export function odiChange(
  baseline: Scored | null,
  followUp: Scored | null,
  thresholds: OdiResponderThresholds = DEFAULT_ODI_RESPONDER,
): OdiChange | null {
  if (baseline === null || followUp === null) return null;
  const { sum: sB, answered: aB } = baseline;
  const { sum: sF, answered: aF } = followUp;
  const cross = sF * aB - sB * aF; // Δ = 20·cross / (aF·aB)
  const den = aF * aB;
  const absScaled = Math.round(thresholds.absolutePoints * SCALE);
  const relScaled = Math.round(thresholds.relativeFraction * SCALE);
  // Δ ≤ −a  ⇔  20·cross·SCALE ≤ −a·SCALE·aF·aB
  const byAbsolute = 20 * cross * SCALE <= -absScaled * den;
  // Δ ≤ −r·(20·sB/aB)  ⇔  cross·SCALE ≤ −r·SCALE·sB·aF
  const byRelative = cross < 0 && cross * SCALE <= -relScaled * sB * aF;
  return {
    delta: (20 * cross) / den,
    deltaX10: roundRational(200 * cross, den),
    responder: byAbsolute || byRelative,
    byAbsolute,
    byRelative,
  };
}

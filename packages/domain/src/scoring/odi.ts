/**
 * Oswestry Disability Index v2.1a scoring, exactly per protocol §3.2. Everything that decides a
 * stored value or a band runs on integers (sum, answered), never on a floating-point percentage.
 */

/** One ODI section: 0 (least disability) … 5 (most), or null when unanswered (protocol §3.2 rule 1). */
export type OdiItem = 0 | 1 | 2 | 3 | 4 | 5 | null;

/** The ten sections in order q1..q10 (protocol §3.1). */
export type OdiItems = readonly (number | null)[];

export const ODI_ITEM_KEYS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'] as const;
export type OdiItemKey = (typeof ODI_ITEM_KEYS)[number];

export type OdiBand = 'minimal' | 'moderate' | 'severe' | 'crippled' | 'bed_bound';

export interface OdiScore {
  /** Sum of the answered item scores (protocol §3.2 rule 2). */
  sum: number;
  /** Number of non-null items, 1..10. */
  answered: number;
  /** round(1000·sum / (5·answered)), the stored value (protocol §3.2 rule 6). */
  pctX10: number;
  /** The exact percentage 100·sum / (5·answered); for display and arithmetic only. */
  pct: number;
  band: OdiBand;
  /** answered < 8: flag for review, the score still counts (protocol §3.2 rule 5). */
  lowCompletion: boolean;
}

/** Upper band limits (inclusive) on the exact %, fixed by protocol §3.2 rule 7. */
const BAND_LIMITS: readonly [number, OdiBand][] = [
  [20, 'minimal'],
  [40, 'moderate'],
  [60, 'severe'],
  [80, 'crippled'],
];

/** Fewer answered sections than this raise the low-completion flag (protocol §3.2 rule 5). */
export const ODI_LOW_COMPLETION_BELOW = 8;

function checkItems(items: OdiItems): void {
  if (items.length !== 10) throw new RangeError(`ODI needs 10 items, got ${items.length}`);
  items.forEach((v, i) => {
    if (v !== null && !(Number.isInteger(v) && v >= 0 && v <= 5)) {
      throw new RangeError(`ODI q${i + 1} must be an integer 0–5 or null, got ${String(v)}`);
    }
  });
}

/** Sum and count of the answered sections (protocol §3.2 rule 2). */
export function odiSumAnswered(items: OdiItems): { sum: number; answered: number } {
  checkItems(items);
  let sum = 0;
  let answered = 0;
  for (const v of items) {
    if (v !== null) {
      sum += v;
      answered += 1;
    }
  }
  return { sum, answered };
}

/**
 * round(200·sum/answered) in integers: floor((400·sum + answered) / (2·answered)) (protocol §3.2 rule 6).
 * Half-up and half-even agree because answered ≤ 10 never makes an exact half-tenth.
 */
export function odiPctX10(sum: number, answered: number): number {
  return Math.floor((400 * sum + answered) / (2 * answered));
}

/**
 * Band on the exact value (protocol §3.2 rule 7): pct ≤ b ⇔ 20·sum ≤ b·answered, compared in integers so a
 * boundary such as W5 (exactly 20) or W9 (exactly 60) can never drift into the next band.
 */
export function odiBand(sum: number, answered: number): OdiBand {
  for (const [limit, band] of BAND_LIMITS) {
    if (20 * sum <= limit * answered) return band;
  }
  return 'bed_bound';
}

/** Scores q1..q10; null when no section is answered, never 0 (protocol §3.2 rule 5). */
export function scoreOdi(items: OdiItems): OdiScore | null {
  const { sum, answered } = odiSumAnswered(items);
  if (answered === 0) return null;
  return {
    sum,
    answered,
    pctX10: odiPctX10(sum, answered),
    pct: (100 * sum) / (5 * answered),
    band: odiBand(sum, answered),
    lowCompletion: answered < ODI_LOW_COMPLETION_BELOW,
  };
}

/** Scores an object keyed q1..q10 (the shape of `odiAnswersSchema`). */
export function scoreOdiAnswers(answers: Readonly<Record<OdiItemKey, number | null>>): OdiScore | null {
  return scoreOdi(ODI_ITEM_KEYS.map((k) => answers[k]));
}

/** The ten items of stored form data, keyed q1..q10; anything but a number counts as unanswered. */
export function odiItemsFrom(data: Readonly<Record<string, unknown>>): Record<OdiItemKey, number | null> {
  const items = {} as Record<OdiItemKey, number | null>;
  for (const k of ODI_ITEM_KEYS) {
    const v = data[k];
    items[k] = typeof v === 'number' ? v : null;
  }
  return items;
}

/**
 * One decimal from a value stored ×10 (340 → "34.0", 356 → "35.6", −16 → "-1.6"), without
 * floating point so 35.55… is never shown as the truncated "35.5" (protocol §3.2 rule 6).
 */
export function formatX10(x10: number): string {
  if (!Number.isInteger(x10)) throw new RangeError(`formatX10 needs an integer, got ${x10}`);
  const sign = x10 < 0 ? '-' : '';
  const abs = Math.abs(x10);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

/** Display form of a score: "35.6", or "—" for no score. */
export function formatOdiScore(score: OdiScore | null): string {
  return score === null ? '—' : formatX10(score.pctX10);
}

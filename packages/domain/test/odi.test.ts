import { describe, expect, it } from 'vitest';
import { formatOdiScore, formatX10, odiItemsFrom, scoreOdi, scoreOdiAnswers } from '../src/scoring/odi';
import { odiChange } from '../src/scoring/odi-change';
import { odiAnswersSchema } from '../src/scoring/odi-schema';

const _ = null;

/** Protocol §3.3 worked examples: id, q1..q10, sum, answered, exact %, stored ×10, shown, band. */
const worked = [
  {
    id: 'W1',
    items: [2, 1, 3, 2, 3, 2, 1, 0, 2, 1],
    sum: 17,
    answered: 10,
    pct: 34,
    x10: 340,
    shown: '34.0',
    band: 'moderate',
  },
  {
    id: 'W2',
    items: [3, 2, 2, 1, 3, 2, 2, _, 1, 0],
    sum: 16,
    answered: 9,
    pct: 320 / 9,
    x10: 356,
    shown: '35.6',
    band: 'moderate',
  },
  {
    id: 'W3',
    items: [3, 2, 4, 2, 3, 3, 1, _, 2, _],
    sum: 20,
    answered: 8,
    pct: 50,
    x10: 500,
    shown: '50.0',
    band: 'severe',
  },
  {
    id: 'W4',
    items: [3, 2, 3, _, 2, 2, _, _, 2, 1],
    sum: 15,
    answered: 7,
    pct: 300 / 7,
    x10: 429,
    shown: '42.9',
    band: 'severe',
  },
  {
    id: 'W5',
    items: [2, 1, 1, 1, 1, 1, 1, 0, 1, 1],
    sum: 10,
    answered: 10,
    pct: 20,
    x10: 200,
    shown: '20.0',
    band: 'minimal',
  },
  {
    id: 'W6',
    items: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    sum: 11,
    answered: 10,
    pct: 22,
    x10: 220,
    shown: '22.0',
    band: 'moderate',
  },
  { id: 'W7', items: Array(10).fill(0), sum: 0, answered: 10, pct: 0, x10: 0, shown: '0.0', band: 'minimal' },
  {
    id: 'W8',
    items: Array(10).fill(5),
    sum: 50,
    answered: 10,
    pct: 100,
    x10: 1000,
    shown: '100.0',
    band: 'bed_bound',
  },
  {
    id: 'W9',
    items: [3, _, _, _, _, _, _, _, _, _],
    sum: 3,
    answered: 1,
    pct: 60,
    x10: 600,
    shown: '60.0',
    band: 'severe',
  },
] as const;

const byId = (id: string) => {
  const w = worked.find((x) => x.id === id);
  if (w === undefined) throw new Error(id);
  return scoreOdi(w.items);
};

describe('ODI scoring, protocol §3.3 worked examples', () => {
  it.each(worked)('$id scores sum $sum / answered $answered = $shown ($band)', (w) => {
    const score = scoreOdi(w.items);
    expect(score).not.toBeNull();
    expect(score?.sum).toBe(w.sum);
    expect(score?.answered).toBe(w.answered);
    expect(score?.pct).toBeCloseTo(w.pct, 12);
    expect(score?.pctX10).toBe(w.x10);
    expect(score?.band).toBe(w.band);
    expect(formatOdiScore(score)).toBe(w.shown);
    expect(score?.lowCompletion).toBe(w.answered < 8);
  });

  it('W9 raises the low-completion flag but still scores', () => {
    expect(byId('W9')).toMatchObject({ lowCompletion: true, pctX10: 600, band: 'severe' });
  });

  it('W10 (nothing answered) has no score, never 0', () => {
    const score = scoreOdi(Array(10).fill(null));
    expect(score).toBeNull();
    expect(formatOdiScore(score)).toBe('—');
  });

  it('W2 rounds 35.55… to 35.6, not the truncated 35.5', () => {
    expect(formatOdiScore(byId('W2'))).toBe('35.6');
  });

  it('scores the keyed form shape the same as the item list', () => {
    const answers = { q1: 3, q2: 2, q3: 2, q4: 1, q5: 3, q6: 2, q7: 2, q8: null, q9: 1, q10: 0 };
    expect(scoreOdiAnswers(answers)?.pctX10).toBe(356);
  });

  it('rejects malformed item lists', () => {
    expect(() => scoreOdi([1, 2, 3])).toThrow(RangeError);
    expect(() => scoreOdi([6, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/q1/);
    expect(() => scoreOdi([0, 1.5, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/q2/);
  });
});

describe('ODI change from baseline, protocol §3.3', () => {
  it('W3 → W1: Δ −16.0, responder by both rules', () => {
    const change = odiChange(byId('W3'), byId('W1'));
    expect(change).toMatchObject({
      delta: -16,
      deltaX10: -160,
      responder: true,
      byAbsolute: true,
      byRelative: true,
    });
  });

  it('W6 → W7: Δ −22.0, responder', () => {
    expect(odiChange(byId('W6'), byId('W7'))).toMatchObject({ deltaX10: -220, responder: true });
  });

  it('W2 → W1: Δ −1.6 from exact values, not a responder', () => {
    const change = odiChange(byId('W2'), byId('W1'));
    expect(change?.delta).toBeCloseTo(34 - 320 / 9, 12);
    expect(change?.deltaX10).toBe(-16);
    expect(formatX10(change?.deltaX10 ?? 0)).toBe('-1.6');
    expect(change?.responder).toBe(false);
  });

  it('applies the thresholds inclusively and takes them as parameters', () => {
    // 50 → 40: Δ −10 meets the absolute rule exactly; 20 → 14: Δ −6 is exactly 30 % of 20.
    const fifty = { sum: 25, answered: 10 };
    expect(odiChange(fifty, { sum: 20, answered: 10 })).toMatchObject({
      byAbsolute: true,
      byRelative: false,
    });
    expect(odiChange(fifty, { sum: 18, answered: 10 })).toMatchObject({
      byAbsolute: true,
      byRelative: false,
    });
    expect(odiChange({ sum: 10, answered: 10 }, { sum: 7, answered: 10 })).toMatchObject({
      byAbsolute: false,
      byRelative: true,
    });
    expect(
      odiChange(fifty, { sum: 20, answered: 10 }, { absolutePoints: 12, relativeFraction: 0.3 })?.responder,
    ).toBe(false);
  });

  it('needs an actual improvement for the relative rule (baseline 0)', () => {
    expect(odiChange({ sum: 0, answered: 10 }, { sum: 0, answered: 10 })?.responder).toBe(false);
  });

  it('is null when either score is missing', () => {
    expect(odiChange(null, byId('W1'))).toBeNull();
    expect(odiChange(byId('W1'), null)).toBeNull();
  });
});

describe('odiAnswersSchema', () => {
  const valid = {
    odi_version: '2.1a-en',
    q1: 2,
    q2: 1,
    q3: 3,
    q4: 2,
    q5: 3,
    q6: 2,
    q7: 1,
    q8: null,
    q9: 2,
    q10: 1,
  };

  it('accepts integers 0–5 and null', () => {
    expect(odiAnswersSchema.parse({ ...valid, q8NotApplicable: true }).q8).toBeNull();
  });

  it('names the section and the range in its messages', () => {
    const result = odiAnswersSchema.safeParse({ ...valid, q3: 6, q4: 2.5, q5: -1, q6: undefined });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []);
    expect(messages.q3).toMatch(/section 3 .*0–5.*above 5/);
    expect(messages.q4).toMatch(/section 4/);
    expect(messages.q5).toMatch(/below 0/);
    expect(messages.q6).toMatch(/required/);
  });

  it('requires a version like 2.1a-en or 2.0-tr', () => {
    expect(odiAnswersSchema.safeParse({ ...valid, odi_version: '2.0-tr' }).success).toBe(true);
    expect(odiAnswersSchema.safeParse({ ...valid, odi_version: 'v2' }).success).toBe(false);
  });

  it('refuses a score in section 8 marked not applicable', () => {
    const result = odiAnswersSchema.safeParse({ ...valid, q8: 2, q8NotApplicable: true });
    expect(result.error?.issues[0]?.path).toEqual(['q8NotApplicable']);
  });
});

describe('ODI edges (protocol §3.2, §3.3)', () => {
  const ten = (first: number | null) => [first, 0, 0, 0, 0, 0, 0, 0, 0, 0];

  it('names the item count and the item in its refusals, and takes 0–5 and null', () => {
    expect(() => scoreOdi([1, 2, 3])).toThrow('ODI needs 10 items, got 3');
    expect(() => scoreOdi(ten(-1))).toThrow('ODI q1 must be an integer 0–5 or null, got -1');
    expect(scoreOdi(ten(5))?.sum).toBe(5);
    expect(scoreOdi(ten(0))?.sum).toBe(0);
    expect(scoreOdi(ten(null))?.answered).toBe(9);
  });

  it('reads the ten items of stored form data, anything but a number as unanswered', () => {
    expect(odiItemsFrom({ q1: 3, q2: '4', q3: null, q10: 0, other: 5 })).toEqual({
      q1: 3,
      q2: null,
      q3: null,
      q4: null,
      q5: null,
      q6: null,
      q7: null,
      q8: null,
      q9: null,
      q10: 0,
    });
  });

  it('formats only whole ×10 values', () => {
    expect(() => formatX10(1.5)).toThrow('formatX10 needs an integer, got 1.5');
  });

  it('rounds the change symmetrically, with no change exactly 0 and a worsening positive', () => {
    expect(odiChange({ sum: 10, answered: 10 }, { sum: 10, answered: 10 })?.deltaX10).toBe(0);
    const worse = odiChange({ sum: 10, answered: 10 }, { sum: 18, answered: 10 });
    expect(worse).toMatchObject({ delta: 16, deltaX10: 160, responder: false });
    // Δ = 20·(1·10 − 0·9)/(9·10) = 2.222… → 22 (×10), and the same magnitude the other way.
    expect(odiChange({ sum: 0, answered: 10 }, { sum: 1, answered: 9 })?.deltaX10).toBe(22);
    expect(odiChange({ sum: 1, answered: 9 }, { sum: 0, answered: 10 })?.deltaX10).toBe(-22);
  });

  it('is a responder by either rule alone', () => {
    // 80 % → 70 %: −10 points meets the absolute rule, not 30 % of 80.
    expect(odiChange({ sum: 40, answered: 10 }, { sum: 35, answered: 10 })).toMatchObject({
      responder: true,
      byAbsolute: true,
      byRelative: false,
    });
    // 20 % → 14 %: −6 points is 30 % of 20, below the absolute rule.
    expect(odiChange({ sum: 10, answered: 10 }, { sum: 7, answered: 10 })).toMatchObject({
      responder: true,
      byAbsolute: false,
      byRelative: true,
    });
  });
});

describe('odiAnswersSchema messages and section 8', () => {
  const valid = {
    odi_version: '2.1a-en',
    q1: 2,
    q2: 1,
    q3: 3,
    q4: 2,
    q5: 3,
    q6: 2,
    q7: 1,
    q8: 2,
    q9: 2,
    q10: 1,
  };

  it('says "required" only for a missing section', () => {
    const result = odiAnswersSchema.safeParse({ ...valid, q4: 2.5, q6: undefined });
    const messages = Object.fromEntries(result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []);
    expect(messages.q4).toBe('ODI section 4: choose the ticked statement, scored 0–5, or null if unanswered');
    expect(messages.q6).toBe(
      'ODI section 6: choose the ticked statement, scored 0–5, or null if unanswered (the field is required)',
    );
  });

  it('accepts a section 8 score when it is not marked not applicable', () => {
    expect(odiAnswersSchema.safeParse(valid).success).toBe(true);
    expect(odiAnswersSchema.safeParse({ ...valid, q8NotApplicable: false }).success).toBe(true);
    expect(odiAnswersSchema.safeParse({ ...valid, q8NotApplicable: true }).error?.issues[0]).toMatchObject({
      code: 'custom',
      message: 'section 8 is marked not applicable but has a score; clear one of them',
      params: { rule: 'ODI_S8_NOT_APPLICABLE_WITH_SCORE' },
    });
  });
});

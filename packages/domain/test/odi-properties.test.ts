import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OdiBand, odiBand, odiPctX10, scoreOdi } from '../src/scoring/odi';

/** Ten items, each 0–5 or null (protocol §3.2 rule 1). */
const itemsArb = fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), {
  minLength: 10,
  maxLength: 10,
});
const answeredItemsArb = itemsArb.filter((items) => items.some((v) => v !== null));

/** Reference band from the exact rational pct = 20·sum/answered, via BigInt cross-multiplication. */
function referenceBand(sum: number, answered: number): OdiBand {
  const s = BigInt(sum) * 20n;
  const a = BigInt(answered);
  if (s <= 20n * a) return 'minimal';
  if (s <= 40n * a) return 'moderate';
  if (s <= 60n * a) return 'severe';
  if (s <= 80n * a) return 'crippled';
  return 'bed_bound';
}

describe('ODI properties (protocol §3.3)', () => {
  it('0 ≤ % ≤ 100', () => {
    fc.assert(
      fc.property(answeredItemsArb, (items) => {
        const s = scoreOdi(items);
        expect(s?.pct).toBeGreaterThanOrEqual(0);
        expect(s?.pct).toBeLessThanOrEqual(100);
        expect(s?.pctX10).toBeGreaterThanOrEqual(0);
        expect(s?.pctX10).toBeLessThanOrEqual(1000);
      }),
    );
  });

  it('raising one answered item never lowers the %', () => {
    fc.assert(
      fc.property(answeredItemsArb, fc.nat(9), (items, k) => {
        const v = items[k];
        fc.pre(v !== null && v !== undefined && v < 5);
        const raised = items.map((x, i) => (i === k ? (v as number) + 1 : x));
        const before = scoreOdi(items);
        const after = scoreOdi(raised);
        expect(after?.pct).toBeGreaterThan(before?.pct ?? Number.POSITIVE_INFINITY);
        expect(after?.pctX10).toBeGreaterThanOrEqual(before?.pctX10 ?? Number.POSITIVE_INFINITY);
      }),
    );
  });

  it('blanking an item equals scoring the others over 5 × answered', () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(9), (items, k) => {
        const blanked = items.map((x, i) => (i === k ? null : x));
        const others = items.filter((x, i) => i !== k && x !== null) as number[];
        const s = scoreOdi(blanked);
        if (others.length === 0) {
          expect(s).toBeNull();
          return;
        }
        const sum = others.reduce((a, b) => a + b, 0);
        expect(s?.sum).toBe(sum);
        expect(s?.answered).toBe(others.length);
        expect(s?.pct).toBe((100 * sum) / (5 * others.length));
        expect(s?.pctX10).toBe(odiPctX10(sum, others.length));
      }),
    );
  });

  it('permuting items changes nothing', () => {
    fc.assert(
      fc.property(
        itemsArb.chain((items) =>
          fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: 10 })),
        ),
        ([items, shuffled]) => {
          expect(scoreOdi(shuffled)).toEqual(scoreOdi(items));
        },
      ),
    );
  });

  it('all answered gives exactly 2 × sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 10, maxLength: 10 }), (items) => {
        const s = scoreOdi(items);
        const sum = items.reduce((a, b) => a + b, 0);
        expect(s?.pct).toBe(2 * sum);
        expect(s?.pctX10).toBe(20 * sum);
        expect(s?.lowCompletion).toBe(false);
      }),
    );
  });

  it('answered = 0 gives null', () => {
    expect(scoreOdi(Array(10).fill(null))).toBeNull();
  });

  it('integer and rational arithmetic agree for every (sum, answered) pair', () => {
    for (let answered = 1; answered <= 10; answered++) {
      for (let sum = 0; sum <= 5 * answered; sum++) {
        const x10 = odiPctX10(sum, answered);
        // x10 = round(200·sum/answered): 2·answered·x10 ≤ 400·sum + answered < 2·answered·(x10 + 1).
        const lhs = BigInt(2 * answered * x10);
        const mid = BigInt(400 * sum + answered);
        expect(lhs <= mid && mid < BigInt(2 * answered * (x10 + 1))).toBe(true);
        // Float rounding agrees too, and no exact half-tenth exists (protocol §3.2 rule 6).
        expect(x10).toBe(Math.round((1000 * sum) / (5 * answered)));
        expect((400 * sum) % (2 * answered) === answered).toBe(false);
        // Banding the exact value and the rounded value (x10/10 = 20·x10/200) agree (protocol §3.2 rule 7).
        const band = odiBand(sum, answered);
        expect(band).toBe(referenceBand(sum, answered));
        expect(band).toBe(referenceBand(x10, 200));
      }
    }
  });

  it('integer and rational arithmetic agree on random item lists', () => {
    fc.assert(
      fc.property(answeredItemsArb, (items) => {
        const s = scoreOdi(items);
        if (s === null) throw new Error('unreachable');
        expect(Math.abs(s.pctX10 - 10 * s.pct)).toBeLessThanOrEqual(0.5);
        expect(s.band).toBe(referenceBand(s.sum, s.answered));
      }),
    );
  });
});

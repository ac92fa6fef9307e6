import { describe, expect, it } from 'vitest';
import { generateRandomizationList, type RandomizationSlot } from '../src/randomization/generate-list';
import { testSeed, trialParams } from './randomization-helpers';

/**
 * Statistical checks of protocol §4.6 items 3 and 4 on fixed test seeds, so they are deterministic
 * (no flaky failures) while still exercising thousands of independent streams. The protocol's
 * 10⁴ / 2·10⁴ list simulations are scaled down to keep the suite fast; the bounds are wide.
 */
const LISTS = 2000;
const SLOTS = 38; // per stratum, as in the protocol's simulation (R-RAND-4)

const lists: RandomizationSlot[][] = Array.from({ length: LISTS }, (_, i) =>
  generateRandomizationList(
    testSeed(`stat-${i}`),
    trialParams({ strata: ['S01'], slotsPerStratum: SLOTS }),
  ).slice(0, SLOTS),
);

/** |count − n·p| within z standard deviations of a binomial(n, p). */
function withinBinomial(count: number, n: number, p: number, z: number): boolean {
  return Math.abs(count - n * p) <= z * Math.sqrt(n * p * (1 - p));
}

describe('randomness (R-RAND-1)', () => {
  it('P(first slot = A) ≈ 0.5', () => {
    const firstA = lists.filter((l) => l[0]?.arm === 'TLF_MOB').length;
    expect(withinBinomial(firstA, LISTS, 0.5, 4)).toBe(true);
  });

  it('arm counts per position show no bias (first 12 positions)', () => {
    for (let pos = 0; pos < 12; pos++) {
      const a = lists.filter((l) => l[pos]?.arm === 'TLF_MOB').length;
      expect(withinBinomial(a, LISTS, 0.5, 4), `position ${pos + 1}: ${a}`).toBe(true);
    }
  });

  it('block sizes 4 and 6 are equally likely (χ², 1 df)', () => {
    let four = 0;
    let six = 0;
    for (const list of lists) {
      for (const slot of list) {
        if (slot.posInBlock !== 1) continue;
        if (slot.blockSize === 4) four += 1;
        else six += 1;
      }
    }
    const expected = (four + six) / 2;
    const chi2 = (four - expected) ** 2 / expected + (six - expected) ** 2 / expected;
    expect(chi2).toBeLessThan(10.83); // p = 0.001
  });
});

describe('unpredictability (R-RAND-4)', () => {
  it('the convergence strategy guesses right 66–72 % of the time for blocks {4, 6}', () => {
    // Observer sees every earlier allocation of the stratum and guesses the arm that is behind;
    // on a tie they guess at random, which counts as half a correct guess.
    let correct = 0;
    for (const list of lists) {
      let a = 0;
      let b = 0;
      for (const slot of list) {
        if (a === b) correct += 0.5;
        else if (a < b === (slot.arm === 'TLF_MOB')) correct += 1;
        if (slot.arm === 'TLF_MOB') a += 1;
        else b += 1;
      }
    }
    const rate = correct / (LISTS * SLOTS);
    expect(rate).toBeGreaterThan(0.66);
    expect(rate).toBeLessThan(0.72);
  });
});

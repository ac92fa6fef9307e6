import { describe, expect, it } from 'vitest';
import { computeListCommitment, verifyListCommitment } from '../src/randomization/commitment';
import {
  generateRandomizationList,
  type RandomizationSlot,
  randomizationListToCsv,
} from '../src/randomization/generate-list';
import { StratumRandomStream } from '../src/randomization/random-stream';
import { testSeed, trialParams } from './randomization-helpers';

function byStratum(rows: RandomizationSlot[]): Map<string, RandomizationSlot[]> {
  const map = new Map<string, RandomizationSlot[]>();
  for (const r of rows) map.set(r.stratumKey, [...(map.get(r.stratumKey) ?? []), r]);
  return map;
}

describe('balance (R-RAND-1)', () => {
  it.each([
    [[4, 6], 3],
    [[2, 4, 6], 3],
    [[2, 4], 2],
  ])('block sizes %j: |nA − nB| ≤ %i after every prefix, 0 at block ends', (blockSizes, bound) => {
    let maxImbalance = 0;
    const problems: string[] = [];
    for (let s = 0; s < 60; s++) {
      const rows = generateRandomizationList(testSeed(s), trialParams({ blockSizes }));
      for (const [stratum, slots] of byStratum(rows)) {
        if (slots.length < 80) problems.push(`${s}/${stratum}: only ${slots.length} slots`);
        let diff = 0;
        slots.forEach((slot, i) => {
          if (slot.seq !== i + 1) problems.push(`${s}/${stratum}: seq ${slot.seq} at index ${i}`);
          if (!blockSizes.includes(slot.blockSize))
            problems.push(`${s}/${stratum}: block size ${slot.blockSize}`);
          diff += slot.arm === 'TLF_MOB' ? 1 : -1;
          maxImbalance = Math.max(maxImbalance, Math.abs(diff));
          if (slot.posInBlock === slot.blockSize && diff !== 0) {
            problems.push(`${s}/${stratum}: imbalance ${diff} at the end of block ${slot.blockNo}`);
          }
        });
      }
    }
    expect(problems).toEqual([]);
    expect(maxImbalance).toBe(bound);
  });

  it('numbers blocks and positions consistently, each block holding size/2 of each arm', () => {
    const rows = generateRandomizationList(testSeed('blocks'), trialParams());
    for (const [, slots] of byStratum(rows)) {
      const blocks = new Map<number, RandomizationSlot[]>();
      for (const r of slots) blocks.set(r.blockNo, [...(blocks.get(r.blockNo) ?? []), r]);
      expect([...blocks.keys()]).toEqual([...blocks.keys()].map((_, i) => i + 1));
      for (const [, block] of blocks) {
        const size = block[0]?.blockSize ?? 0;
        expect(block.length).toBe(size);
        expect(block.map((r) => r.posInBlock)).toEqual(block.map((_, i) => i + 1));
        expect(block.filter((r) => r.arm === 'TLF_MOB').length).toBe(size / 2);
      }
    }
  });

  it('keeps the last block whole, so a stratum may exceed slotsPerStratum by less than a block', () => {
    const rows = generateRandomizationList(testSeed(1), trialParams({ slotsPerStratum: 5 }));
    for (const [, slots] of byStratum(rows)) {
      expect(slots.length).toBeGreaterThanOrEqual(5);
      expect(slots.length).toBeLessThan(5 + 6);
    }
  });

  it('supports an unequal ratio (2:1) with whole multiples in each block', () => {
    const rows = generateRandomizationList(testSeed(2), trialParams({ ratio: [2, 1], blockSizes: [3, 6] }));
    for (const [, slots] of byStratum(rows)) {
      const lastEnd = slots.findLast((r) => r.posInBlock === r.blockSize);
      expect(lastEnd?.seq).toBe(slots.length);
      const a = slots.filter((r) => r.arm === 'TLF_MOB').length;
      expect(a).toBe((2 * slots.length) / 3);
    }
  });
});

describe('reproducibility and commitment (R-RAND-1)', () => {
  const seedOf = () => testSeed('repro');
  const params = trialParams();

  it('the same seed and params give a byte-identical list', () => {
    const seed = seedOf();
    const a = randomizationListToCsv(generateRandomizationList(seed, params));
    const b = randomizationListToCsv(generateRandomizationList(Uint8Array.from(seed), trialParams()));
    expect(a).toBe(b);
    expect(a.startsWith('stratum,seq,block_no,block_size,pos_in_block,arm\nS01,1,1,')).toBe(true);
  });

  it('changing one bit of the seed changes the list', () => {
    const seed = seedOf();
    const base = randomizationListToCsv(generateRandomizationList(seed, params));
    for (const bit of [0, 7, 100, 255]) {
      const flipped = Uint8Array.from(seed);
      flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
      expect(randomizationListToCsv(generateRandomizationList(flipped, params))).not.toBe(base);
    }
  });

  it('each stratum has its own stream: adding a stratum leaves the others unchanged', () => {
    const seed = seedOf();
    const two = generateRandomizationList(seed, params).filter((r) => r.stratumKey === 'S01');
    const three = generateRandomizationList(seed, trialParams({ strata: ['S01', 'S02', 'S03'] }));
    expect(three.filter((r) => r.stratumKey === 'S01')).toEqual(two);
  });

  it('the commitment verifies, and fails for another seed or other params', () => {
    const seed = seedOf();
    const commitment = computeListCommitment(seed, params);
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyListCommitment(seed, params, commitment)).toBe(true);
    expect(verifyListCommitment(seed, params, commitment.toUpperCase())).toBe(true);
    expect(verifyListCommitment(testSeed('other'), params, commitment)).toBe(false);
    expect(verifyListCommitment(seed, trialParams({ slotsPerStratum: 81 }), commitment)).toBe(false);
    expect(verifyListCommitment(seed, trialParams({ blockSizes: [6, 4] }), commitment)).toBe(false);
  });

  it('does not depend on the key order of the params object', () => {
    const seed = seedOf();
    const reordered = {
      algorithmVersion: params.algorithmVersion,
      strata: params.strata,
      slotsPerStratum: params.slotsPerStratum,
      blockSizes: params.blockSizes,
      ratio: params.ratio,
      arms: params.arms,
    };
    expect(computeListCommitment(seed, reordered)).toBe(computeListCommitment(seed, params));
  });

  it('refuses a seed that is not 32 bytes and params it cannot honour', () => {
    const seed = seedOf();
    expect(() => generateRandomizationList(new Uint8Array(31), params)).toThrow(/32 bytes/);
    expect(() => generateRandomizationList(seed, trialParams({ blockSizes: [4, 5] }))).toThrow(/multiple/);
    expect(() => generateRandomizationList(seed, trialParams({ ratio: [1] }))).toThrow(/one part per arm/);
  });
});

describe('StratumRandomStream', () => {
  it('randInt stays in range and rejects n outside 1..2^32', () => {
    const stream = new StratumRandomStream(testSeed('stream'), 'S01');
    for (let i = 0; i < 1000; i++) {
      const v = stream.randInt(6);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(6);
    }
    expect(stream.randInt(1)).toBe(0);
    expect(() => stream.randInt(0)).toThrow(RangeError);
    expect(() => stream.randInt(2.5)).toThrow(RangeError);
  });
});

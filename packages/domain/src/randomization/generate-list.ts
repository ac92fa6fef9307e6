import { type RandomizationParams, randomizationParamsSchema } from './params';
import { StratumRandomStream } from './random-stream';

/** One slot of a generated list (protocol §4.2 output row). */
export interface RandomizationSlot {
  stratumKey: string;
  /** 1..N within the stratum. */
  seq: number;
  /** 1-based block number within the stratum. */
  blockNo: number;
  blockSize: number;
  /** 1-based position within the block. */
  posInBlock: number;
  arm: string;
}

/**
 * Generates the permuted-block list of protocol §4.2, deterministically from `seed` and `params`.
 *
 * Per stratum (in `params.strata` order), with that stratum's own SHA-256 stream:
 * 1. `size = blockSizes[randInt(blockSizes.length)]`;
 * 2. the block is `size·r₁/R × arms[0]`, then `size·r₂/R × arms[1]`, … (R = Σ ratio; for 1:1 this
 *    is size/2 × A then size/2 × B);
 * 3. Fisher–Yates: for j = size−1 down to 1, swap positions j and randInt(j+1).
 * Whole blocks are generated until the stratum holds at least `slotsPerStratum` slots; the last
 * block is kept whole so that every block in the list is balanced (R-RAND-1). Unused slots
 * beyond the enrollment cap simply stay unassigned (protocol §4.1).
 */
export function generateRandomizationList(
  seed: Uint8Array,
  params: RandomizationParams,
): RandomizationSlot[] {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) {
    throw new RangeError('the seed must be 32 bytes (protocol §4.2)');
  }
  const p = randomizationParamsSchema.parse(params);
  const ratioSum = p.ratio.reduce((s, r) => s + r, 0);
  const rows: RandomizationSlot[] = [];

  for (const stratumKey of p.strata) {
    const stream = new StratumRandomStream(seed, stratumKey);
    let seq = 0;
    let blockNo = 0;
    while (seq < p.slotsPerStratum) {
      blockNo += 1;
      const size = p.blockSizes[stream.randInt(p.blockSizes.length)] as number;
      const block: string[] = [];
      p.arms.forEach((arm, k) => {
        const count = (size * (p.ratio[k] as number)) / ratioSum;
        for (let c = 0; c < count; c++) block.push(arm);
      });
      for (let j = size - 1; j >= 1; j--) {
        const i = stream.randInt(j + 1);
        const tmp = block[j] as string;
        block[j] = block[i] as string;
        block[i] = tmp;
      }
      block.forEach((arm, pos) => {
        seq += 1;
        rows.push({ stratumKey, seq, blockNo, blockSize: size, posInBlock: pos + 1, arm });
      });
    }
  }
  return rows;
}

/** Column order shared by the export and the CSV import (protocol §4.2). */
export const RANDOMIZATION_CSV_HEADER = 'stratum,seq,block_no,block_size,pos_in_block,arm';

/**
 * The list as CSV text (LF line endings, trailing newline). Two runs with the same seed and
 * params give byte-identical text (R-RAND-1), which is what a statistician compares.
 */
export function randomizationListToCsv(rows: readonly RandomizationSlot[]): string {
  const lines = rows.map((r) => [r.stratumKey, r.seq, r.blockNo, r.blockSize, r.posInBlock, r.arm].join(','));
  return `${[RANDOMIZATION_CSV_HEADER, ...lines].join('\n')}\n`;
}

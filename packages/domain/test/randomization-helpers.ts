import { RANDOMIZATION_ALGORITHM_VERSION, type RandomizationParams } from '../src/randomization/params';
import { sha256, utf8Encode } from '../src/randomization/sha256';

/** Deterministic test seeds: SHA-256 of a label, so runs never depend on a random source. */
export function testSeed(label: string | number): Uint8Array {
  return sha256(utf8Encode(`test-seed-${label}`));
}

export function trialParams(overrides: Partial<RandomizationParams> = {}): RandomizationParams {
  return {
    arms: ['TLF_MOB', 'US_D5W'],
    ratio: [1, 1],
    blockSizes: [4, 6],
    strata: ['S01', 'S02'],
    slotsPerStratum: 80,
    algorithmVersion: RANDOMIZATION_ALGORITHM_VERSION,
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import { computeListCommitment } from '../src/randomization/commitment';
import { generateRandomizationList, randomizationListToCsv } from '../src/randomization/generate-list';
import { sha256Hex } from '../src/randomization/sha256';
import { trialParams } from './randomization-helpers';

/**
 * Pins the list for seed 00 01 … 1f against the independent Python implementation in
 * test/reference/permuted_block_list.py (hashlib, not our SHA-256), so the algorithm stays portable
 * (protocol §4.2): `python3 permuted_block_list.py 000102…1f params.json` printed exactly this CSV.
 */
describe('golden list shared with the Python reference', () => {
  const seed = Uint8Array.from({ length: 32 }, (_, i) => i);
  const params = trialParams();
  const rowsOf = () => generateRandomizationList(seed, params);

  it('reproduces the reference CSV byte for byte', () => {
    const rows = rowsOf();
    expect(sha256Hex(randomizationListToCsv(rows))).toBe(
      'f3c2c345c1991c131ff83fd810ed8bc4f3999a57a31024d184e7c5cefa070769',
    );
    expect(rows.filter((r) => r.stratumKey === 'S01')).toHaveLength(82);
    expect(rows.filter((r) => r.stratumKey === 'S02')).toHaveLength(80);
  });

  it('starts each stratum as the reference does', () => {
    const rows = rowsOf();
    const first = (stratum: string) =>
      rows
        .filter((r) => r.stratumKey === stratum)
        .slice(0, 6)
        .map((r) => `${r.arm === 'TLF_MOB' ? 'A' : 'B'}${r.blockSize}`)
        .join(' ');
    expect(first('S01')).toBe('A4 B4 A4 B4 A6 B6');
    expect(first('S02')).toBe('B4 A4 A4 B4 A6 B6');
  });

  it('gives the reference commitment', () => {
    expect(computeListCommitment(seed, params)).toBe(
      '9926a2e42d91092563ab0fae2ad0e95cf912725afdefd8cea6d47ecbe1ae7647',
    );
  });
});

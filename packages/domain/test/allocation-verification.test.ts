import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_EXPORT_FORMAT,
  type AllocationExport,
  computeListCommitment,
  generateRandomizationList,
  lbpTrial,
  randomizationListToCsv,
  randomizationParamsFromDefinition,
  sha256Hex,
  verifyAllocation,
} from '../src/index';

const seed = new Uint8Array(32).fill(9);
const seedHex = '09'.repeat(32);
const params = { ...randomizationParamsFromDefinition(lbpTrial), strata: ['S01', 'S02'] };

function generatedExport(): AllocationExport {
  const slots = generateRandomizationList(seed, params).map((s) => ({
    stratum: s.stratumKey,
    seq: s.seq,
    blockNo: s.blockNo,
    blockSize: s.blockSize,
    posInBlock: s.posInBlock,
    arm: s.arm,
    studyId: s.seq <= 2 ? `${s.stratumKey}-000${s.seq}` : null,
    siteCode: s.seq <= 2 ? s.stratumKey : null,
    assignedAt: null,
  }));
  return {
    format: ALLOCATION_EXPORT_FORMAT,
    exportedAt: '2026-01-01T00:00:00.000Z',
    list: {
      id: 'l1',
      name: 'Main',
      method: 'generated',
      params,
      commitment: computeListCommitment(seed, params),
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    slots,
  };
}

describe('allocation verification', () => {
  it('matches an untouched generated list and lists every allocation', () => {
    const v = verifyAllocation(generatedExport(), { kind: 'seed', seedHex });
    expect(v).toMatchObject({ match: true, commitmentMatches: true, mismatchCount: 0 });
    expect(v.allocations.map((a) => a.studyId)).toEqual(['S01-0001', 'S01-0002', 'S02-0001', 'S02-0002']);
  });

  it('reports the first changed slot, a removed slot, and a participant in the wrong stratum', () => {
    const exp = generatedExport();
    const target = exp.slots[5];
    if (!target) throw new Error('no slot');
    target.blockSize = 99;
    exp.slots.pop();
    const first = exp.slots[0];
    if (first) first.siteCode = 'S02';
    const v = verifyAllocation(exp, { kind: 'seed', seedHex });
    expect(v.match).toBe(false);
    expect(v.firstMismatch).toMatchObject({ kind: 'block_size', stratum: 'S01', seq: 6, stored: 99 });
    expect(v.mismatchCount).toBe(3);
    expect(v.allocations.find((a) => a.studyId === 'S01-0001')?.ok).toBe(false);
  });

  it('detects changed parameters through the commitment', () => {
    const exp = generatedExport();
    exp.list.params = { ...params, blockSizes: [4] };
    const v = verifyAllocation(exp, { kind: 'seed', seedHex });
    expect(v.commitmentMatches).toBe(false);
    expect(v.match).toBe(false);
  });

  it('verifies an imported list against the SHA-256 of its file', () => {
    const rows = generateRandomizationList(seed, params);
    const text = randomizationListToCsv(rows);
    const records = text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [stratum, seq, block_no, block_size, , arm] = line.split(',');
        return { stratum, seq, block_no, block_size, arm };
      });
    const exp: AllocationExport = {
      ...generatedExport(),
      list: { ...generatedExport().list, method: 'imported', commitment: sha256Hex(text) },
    };
    for (const s of exp.slots) s.posInBlock = null;
    expect(verifyAllocation(exp, { kind: 'list_file', text, records }).match).toBe(true);
    const other = verifyAllocation(exp, { kind: 'list_file', text: `${text}\n`, records });
    expect(other).toMatchObject({ match: false, commitmentMatches: false, mismatchCount: 0 });
    expect(() => verifyAllocation(exp, { kind: 'seed', seedHex })).toThrow(/imported list/);
  });
});

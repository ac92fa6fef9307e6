import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_EXPORT_FORMAT,
  type AllocationExport,
  type AllocationExportSlot,
  verifyAllocation,
} from '../src/closeout/allocation-verification';
import { computeListCommitment } from '../src/randomization/commitment';
import { generateRandomizationList } from '../src/randomization/generate-list';
import { sha256Hex } from '../src/randomization/sha256';
import { lbpTrial } from '../src/study/lbp-trial';
import { randomizationParamsFromDefinition } from '../src/study/randomization-params';

// What verifyAllocation reads from an export file besides the slots themselves (docs/closeout.md):
// the per-stratum seq offsets of a list appended by a correction, the parameters an imported list
// was checked against, unassigned sites, and the order of the allocations it reports.

const seed = new Uint8Array(32).fill(9);
const seedHex = '09'.repeat(32);
const paramsOf = () => ({ ...randomizationParamsFromDefinition(lbpTrial), strata: ['S01', 'S02'] });

/** A generated list as stored, every slot assigned when `assignAll`, else the first two of each stratum. */
function generatedExport(assignAll = false): AllocationExport {
  const params = paramsOf();
  const slots = generateRandomizationList(seed, params).map((s) => {
    const assigned = assignAll || s.seq <= 2;
    return {
      stratum: s.stratumKey,
      seq: s.seq,
      blockNo: s.blockNo,
      blockSize: s.blockSize,
      posInBlock: s.posInBlock,
      arm: s.arm,
      studyId: assigned ? `${s.stratumKey}-${String(s.seq).padStart(4, '0')}` : null,
      siteCode: assigned ? s.stratumKey : null,
      assignedAt: null,
    };
  });
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

/** An imported list of one stratum, its file and the export that stores it as read. */
function importedExport(params: Record<string, unknown>, arms: string[]) {
  const lines = arms.map((arm, i) => `S01,${i + 1},1,${arms.length},${arm}`);
  const text = ['stratum,seq,block_no,block_size,arm', ...lines].join('\n');
  const records = arms.map((arm, i) => ({
    stratum: 'S01',
    seq: String(i + 1),
    block_no: '1',
    block_size: String(arms.length),
    arm,
  }));
  const slots: AllocationExportSlot[] = arms.map((arm, i) => ({
    stratum: 'S01',
    seq: i + 1,
    blockNo: 1,
    blockSize: arms.length,
    posInBlock: null,
    arm,
    studyId: null,
    siteCode: null,
    assignedAt: null,
  }));
  const exp: AllocationExport = {
    ...generatedExport(),
    list: { ...generatedExport().list, method: 'imported', params, commitment: sha256Hex(text) },
    slots,
  };
  return { exp, secret: { kind: 'list_file' as const, text, records } };
}

describe('allocation verification: what the export file says about the list', () => {
  it('shifts the re-derived seq by the offsets of a list a correction appended (R-RAND-5)', () => {
    const exp = generatedExport();
    exp.list.seqOffsets = { S01: 10 };
    for (const s of exp.slots) if (s.stratum === 'S01') s.seq += 10;
    const v = verifyAllocation(exp, { kind: 'seed', seedHex });
    expect(v).toMatchObject({ match: true, mismatchCount: 0 });
    expect(v.allocations.filter((a) => a.stratum === 'S01').map((a) => [a.seq, a.ok])).toEqual([
      [11, true],
      [12, true],
    ]);
    const unshifted = generatedExport();
    unshifted.list.seqOffsets = { S01: 10 };
    expect(verifyAllocation(unshifted, { kind: 'seed', seedHex }).match).toBe(false);
  });

  it('checks an imported list against the ratio stored with it', () => {
    const params = { arms: ['TLF_MOB', 'US_D5W'], ratio: [2, 1], strata: ['S01'] };
    const { exp, secret } = importedExport(params, ['TLF_MOB', 'US_D5W', 'TLF_MOB']);
    expect(verifyAllocation(exp, secret)).toMatchObject({ match: true, mismatchCount: 0, slotsDerived: 3 });
    const even = importedExport({ ...params, ratio: [1, 1] }, ['TLF_MOB', 'US_D5W', 'TLF_MOB']);
    expect(verifyAllocation(even.exp, even.secret)).toMatchObject({
      match: false,
      firstMismatch: { kind: 'list_file_invalid' },
    });
  });

  it('reads only the arm codes, strata and ratio parts of the stored parameters', () => {
    const params = { arms: ['TLF_MOB', 'US_D5W', 7], ratio: [2, 1, 'x'], strata: ['S01', null] };
    const { exp, secret } = importedExport(params, ['TLF_MOB', 'US_D5W', 'TLF_MOB']);
    expect(verifyAllocation(exp, secret)).toMatchObject({ match: true, mismatchCount: 0 });
  });

  it('reports only the reason when no list can be derived, not every stored slot', () => {
    const broken = generatedExport();
    broken.list.params = { ...paramsOf(), blockSizes: 'four' };
    expect(verifyAllocation(broken, { kind: 'seed', seedHex })).toMatchObject({
      mismatchCount: 1,
      firstMismatch: { kind: 'params_invalid' },
      slotsDerived: 0,
    });
    const { exp, secret } = importedExport({ arms: ['TLF_MOB', 'US_D5W'], strata: ['S01'] }, ['TLF_MOB']);
    expect(verifyAllocation(exp, secret)).toMatchObject({
      mismatchCount: 1,
      firstMismatch: { kind: 'list_file_invalid' },
    });
  });

  it('takes an allocation without a site code as in its stratum', () => {
    const exp = generatedExport();
    for (const s of exp.slots) if (s.studyId !== null) s.siteCode = null;
    const v = verifyAllocation(exp, { kind: 'seed', seedHex });
    expect(v).toMatchObject({ match: true, mismatchCount: 0 });
    expect(v.allocations.every((a) => a.ok && a.siteCode === null)).toBe(true);
  });

  it('lists every allocation by study id, whatever the order of a long export', () => {
    const exp = generatedExport(true);
    // A fixed shuffle: every seventh slot first, and so on.
    const shuffled = [0, 1, 2, 3, 4, 5, 6].flatMap((r) => exp.slots.filter((_, i) => i % 7 === r));
    exp.slots = shuffled.reverse();
    const ids = verifyAllocation(exp, { kind: 'seed', seedHex }).allocations.map((a) => a.studyId);
    expect(ids).toHaveLength(exp.slots.length);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids).toEqual([...ids].sort());
    expect(ids[0]).toBe('S01-0001');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_EXPORT_FORMAT,
  type AllocationExport,
  AllocationSecretError,
  seedFromHex,
  verifyAllocation,
} from '../src/closeout/allocation-verification';
import { computeListCommitment } from '../src/randomization/commitment';
import { generateRandomizationList, randomizationListToCsv } from '../src/randomization/generate-list';
import { sha256Hex } from '../src/randomization/sha256';
import { lbpTrial } from '../src/study/lbp-trial';
import { randomizationParamsFromDefinition } from '../src/study/randomization-params';

const seed = new Uint8Array(32).fill(9);
const seedHex = '09'.repeat(32);
const paramsOf = () => ({ ...randomizationParamsFromDefinition(lbpTrial), strata: ['S01', 'S02'] });

function generatedExport(): AllocationExport {
  const params = paramsOf();
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
    const params = paramsOf();
    const exp = generatedExport();
    exp.list.params = { ...params, blockSizes: [4] };
    const v = verifyAllocation(exp, { kind: 'seed', seedHex });
    expect(v.commitmentMatches).toBe(false);
    expect(v.match).toBe(false);
  });

  it('verifies an imported list against the SHA-256 of its file', () => {
    const params = paramsOf();
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

describe('allocation verification, each check on its own', () => {
  const bySeed = (exp: AllocationExport) => verifyAllocation(exp, { kind: 'seed', seedHex });
  const slotAt = (exp: AllocationExport, i: number) => {
    const slot = exp.slots[i];
    if (!slot) throw new Error(`no slot ${i}`);
    return slot;
  };

  it('reads the seed as 64 hexadecimal digits, surrounding blanks aside', () => {
    expect(seedFromHex(` ${seedHex.toUpperCase()}\n`)).toEqual(seed);
    for (const bad of [seedHex.slice(2), `${seedHex}0`, `x${seedHex}`, `${seedHex}x`, 'zz'.repeat(32)]) {
      expect(() => seedFromHex(bad)).toThrow(AllocationSecretError);
      expect(() => seedFromHex(bad)).toThrow('The seed is 64 hexadecimal digits.');
    }
    expect(verifyAllocation(generatedExport(), { kind: 'seed', seedHex: ` ${seedHex} ` }).match).toBe(true);
  });

  it('names the first differing column of a slot: arm, block, block size, position', () => {
    const arm = generatedExport();
    const a = slotAt(arm, 3);
    const otherArm = a.arm === 'MT' ? 'US_D5W' : 'MT';
    const original = a.arm;
    a.arm = otherArm;
    expect(bySeed(arm).firstMismatch).toEqual({
      kind: 'arm',
      stratum: 'S01',
      seq: 4,
      expected: original,
      stored: otherArm,
      studyId: null,
    });
    const block = generatedExport();
    slotAt(block, 3).blockNo = 42;
    expect(bySeed(block).firstMismatch).toMatchObject({ kind: 'block_no', seq: 4, stored: 42 });
    const pos = generatedExport();
    slotAt(pos, 3).posInBlock = 42;
    expect(bySeed(pos).firstMismatch).toMatchObject({ kind: 'pos_in_block', seq: 4, stored: 42 });
  });

  it('reports a removed slot and a slot the list never had', () => {
    const exp = generatedExport();
    const removed = exp.slots.splice(3, 1)[0];
    exp.slots.push({ ...slotAt(exp, 0), seq: 999, studyId: null, siteCode: null });
    const v = bySeed(exp);
    expect(v.mismatchCount).toBe(2);
    expect(v.firstMismatch).toEqual({
      kind: 'missing_slot',
      stratum: 'S01',
      seq: 4,
      expected: removed?.arm,
      stored: null,
      studyId: null,
    });
    expect(v.slotsStored).toBe(exp.slots.length);
    expect(v.slotsDerived).toBe(generatedExport().slots.length);
    expect(v.match).toBe(false);
  });

  it('reports a slot the list never had with its arm and participant', () => {
    const exp = generatedExport();
    exp.slots.push({ ...slotAt(exp, 0), seq: 999 });
    expect(bySeed(exp)).toMatchObject({
      mismatchCount: 1,
      firstMismatch: {
        kind: 'unexpected_slot',
        stratum: 'S01',
        seq: 999,
        expected: null,
        stored: slotAt(exp, 0).arm,
        studyId: 'S01-0001',
      },
    });
  });

  it('checks each allocation: the arm the list gives and the stratum of its site', () => {
    const exp = generatedExport();
    const allocated = slotAt(exp, 1);
    const listed = allocated.arm;
    allocated.arm = listed === 'MT' ? 'US_D5W' : 'MT';
    const v = bySeed(exp);
    expect(v.allocations.find((a) => a.studyId === 'S01-0002')).toMatchObject({
      arm: allocated.arm,
      expectedArm: listed,
      ok: false,
    });
    expect(v.allocations.filter((a) => a.ok).map((a) => a.studyId)).toEqual([
      'S01-0001',
      'S02-0001',
      'S02-0002',
    ]);

    const moved = generatedExport();
    slotAt(moved, 0).siteCode = 'S02';
    const w = bySeed(moved);
    expect(w.firstMismatch).toEqual({
      kind: 'allocation_stratum',
      stratum: 'S01',
      seq: 1,
      expected: 'S02',
      stored: 'S01',
      studyId: 'S01-0001',
    });
    expect(w.allocations.find((a) => a.studyId === 'S01-0001')?.ok).toBe(false);
  });

  it('lists the allocations by study id whatever the order of the export', () => {
    const exp = generatedExport();
    exp.slots.reverse();
    const v = bySeed(exp);
    expect(v.match).toBe(true);
    expect(v.allocations.map((a) => a.studyId)).toEqual(['S01-0001', 'S01-0002', 'S02-0001', 'S02-0002']);
    expect(v.allocations[0]).toMatchObject({
      siteCode: 'S01',
      stratum: 'S01',
      seq: 1,
      expectedArm: v.allocations[0]?.arm,
    });
  });

  it('compares the commitment in any case and with blanks around it', () => {
    const exp = generatedExport();
    exp.list.commitment = ` ${exp.list.commitment.toUpperCase()} `;
    expect(bySeed(exp)).toMatchObject({ match: true, commitmentMatches: true });
    const wrong = generatedExport();
    wrong.list.commitment = '0'.repeat(64);
    expect(bySeed(wrong)).toMatchObject({ match: false, commitmentMatches: false, mismatchCount: 0 });
  });

  it('states the algorithm version, and reports parameters it cannot read', () => {
    const params = paramsOf();
    const v = bySeed(generatedExport());
    expect(v.algorithmVersion).toBe(params.algorithmVersion);
    expect(typeof v.algorithmVersion).toBe('string');
    const broken = generatedExport();
    broken.list.params = { ...params, blockSizes: 'four', algorithmVersion: 7 };
    expect(bySeed(broken)).toMatchObject({
      algorithmVersion: null,
      computedCommitment: null,
      commitmentMatches: false,
      slotsDerived: 0,
      firstMismatch: { kind: 'params_invalid', stratum: null, seq: null },
      match: false,
    });
  });

  it('refuses a seed for an imported list and a list file for a generated one', () => {
    expect(() => verifyAllocation(generatedExport(), { kind: 'list_file', text: '', records: [] })).toThrow(
      'A generated list is verified with its seed.',
    );
    const imported = generatedExport();
    imported.list.method = 'imported';
    expect(() => bySeed(imported)).toThrow('An imported list is verified with its file.');
  });

  it('reports a list file that is not a valid list', () => {
    const imported = generatedExport();
    imported.list = { ...imported.list, method: 'imported', commitment: sha256Hex('x') };
    expect(
      verifyAllocation(imported, { kind: 'list_file', text: 'x', records: [{ stratum: 'S01' }] }),
    ).toMatchObject({
      commitmentMatches: true,
      slotsDerived: 0,
      firstMismatch: { kind: 'list_file_invalid' },
      match: false,
    });
  });
});

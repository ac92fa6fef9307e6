import { describe, expect, it } from 'vitest';
import { validateRandomizationImport } from '../src/randomization/csv-import';
import { generateRandomizationList, randomizationListToCsv } from '../src/randomization/generate-list';
import { testSeed, trialParams } from './randomization-helpers';

const options = { arms: ['TLF_MOB', 'US_D5W'], strata: ['S01', 'S02'] };
/** For files that hold only stratum S01. */
const oneStratum = { ...options, strata: ['S01'] };

/** Minimal CSV reader for the tests: no quoting needed for these files. */
function parseCsv(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i] ?? `c${i}`, v])));
}

const rows = (...lines: string[]) => parseCsv(['stratum,seq,arm,block_no,block_size', ...lines].join('\n'));

describe('validateRandomizationImport (protocol §4.2 CSV import)', () => {
  it('accepts an exported list and returns it in stratum and seq order', () => {
    const list = generateRandomizationList(testSeed('import'), trialParams());
    const records = parseCsv(randomizationListToCsv(list)).reverse();
    const result = validateRandomizationImport(records, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toEqual(
      list.map((r) => ({
        stratumKey: r.stratumKey,
        seq: r.seq,
        arm: r.arm,
        blockNo: r.blockNo,
        blockSize: r.blockSize,
      })),
    );
  });

  it('refuses a list without block columns: nothing would show it is balanced', () => {
    const result = validateRandomizationImport(
      parseCsv('stratum,seq,arm\nS01,1,US_D5W\nS01,2,US_D5W\nS02,1,TLF_MOB'),
      options,
    );
    expect(result).toMatchObject({ ok: false, errors: [{ row: 0, field: 'block_no' }] });
  });

  it('refuses a list that leaves a stratum without rows', () => {
    const result = validateRandomizationImport(rows('S01,1,TLF_MOB,1,2', 'S01,2,US_D5W,1,2'), options);
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 0, field: 'stratum', code: 'LIST_STRATUM_EMPTY', params: { stratum: 'S02' } }],
    });
  });

  it('rejects a duplicate (stratum, seq)', () => {
    const result = validateRandomizationImport(rows('S01,1,TLF_MOB,1,2', 'S01,1,US_D5W,1,2'), oneStratum);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ row: 2, field: 'seq', code: 'ROW_SEQ_DUPLICATE', params: { row: 2, seq: 1, other: 1 } }],
    });
  });

  it('rejects a gap in seq, naming the missing numbers', () => {
    const result = validateRandomizationImport(
      parseCsv('stratum,seq,arm\nS01,1,TLF_MOB\nS01,4,US_D5W\nS02,2,US_D5W'),
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.filter((e) => e.row > 0)).toEqual([
      { row: 2, field: 'seq', code: 'ROW_SEQ_GAP', params: { row: 2, stratum: 'S01', missing: '2–3' } },
      { row: 3, field: 'seq', code: 'ROW_SEQ_GAP', params: { row: 3, stratum: 'S02', missing: '1' } },
    ]);
  });

  it('rejects unknown arm and stratum codes and malformed numbers', () => {
    const result = validateRandomizationImport(
      parseCsv('stratum,seq,arm\nS03,1,TLF_MOB\nS01,1,PLACEBO\nS01,x,US_D5W\nS01,0,US_D5W\n,2,'),
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.filter((e) => e.row > 0).map((e) => [e.row, e.field])).toEqual([
      [1, 'stratum'],
      [2, 'arm'],
      [3, 'seq'],
      [4, 'seq'],
      [5, 'stratum'],
      [5, 'arm'],
    ]);
    expect(result.errors.find((e) => e.row === 2)).toMatchObject({
      code: 'ROW_ARM_UNKNOWN',
      params: { row: 2, column: 'arm', arm: 'PLACEBO' },
    });
  });

  it('rejects an unbalanced block', () => {
    const result = validateRandomizationImport(
      rows('S01,1,TLF_MOB,1,4', 'S01,2,TLF_MOB,1,4', 'S01,3,TLF_MOB,1,4', 'S01,4,US_D5W,1,4'),
      oneStratum,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          row: 1,
          field: 'arm',
          code: 'ROW_BLOCK_UNBALANCED',
          params: { row: 1, block: 1, stratum: 'S01', arm_TLF_MOB: 3, arm_US_D5W: 1 },
        },
      ],
    });
  });

  it('rejects a block whose size does not match its rows, or that is split in two', () => {
    const wrongSize = validateRandomizationImport(rows('S01,1,TLF_MOB,1,4', 'S01,2,US_D5W,1,4'), oneStratum);
    expect(wrongSize).toMatchObject({
      ok: false,
      errors: [{ field: 'block_size', code: 'ROW_BLOCK_SIZE_WRONG', params: { declared: 4, count: 2 } }],
    });
    const split = validateRandomizationImport(
      rows('S01,1,TLF_MOB,1,2', 'S01,2,US_D5W,2,2', 'S01,3,TLF_MOB,2,2', 'S01,4,US_D5W,1,2'),
      oneStratum,
    );
    expect(split.ok).toBe(false);
    if (split.ok) return;
    expect(split.errors).toContainEqual({
      row: 4,
      field: 'block_no',
      code: 'ROW_BLOCK_NOT_CONTIGUOUS',
      params: { row: 4, block: 1, stratum: 'S01' },
    });
  });

  it('checks blocks against an unequal ratio', () => {
    const ok = validateRandomizationImport(
      rows('S01,1,TLF_MOB,1,3', 'S01,2,US_D5W,1,3', 'S01,3,TLF_MOB,1,3'),
      {
        ...oneStratum,
        ratio: [2, 1],
      },
    );
    expect(ok.ok).toBe(true);
  });

  it('rejects an empty file', () => {
    expect(validateRandomizationImport([], options)).toEqual({
      ok: false,
      errors: [{ row: 0, field: '', code: 'LIST_NO_ROWS', params: {} }],
    });
  });
});

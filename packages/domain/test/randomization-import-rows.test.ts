import { describe, expect, it } from 'vitest';
import { validateRandomizationImport } from '../src/randomization/csv-import';

// Each refusal of an imported list exactly (row, column, code, parameters) and in row order, so a
// statistician reading the list of problems finds each where it is.

const arms = ['A', 'B'];
const one = { arms, strata: ['S01'] };
const two = { arms, strata: ['S01', 'S02'] };

/** Records as a CSV reader gives them: every column named in `columns`, values as typed. */
function records(columns: string, ...lines: string[]): Record<string, string>[] {
  const names = columns.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i] ?? `c${i}`, v])));
}

const full = (...lines: string[]) => records('stratum,seq,arm,block_no,block_size', ...lines);

describe('imported list rows', () => {
  it('reads cells without the spaces around them', () => {
    const result = validateRandomizationImport(full(' S01 , 1 , A , 1 , 2 ', 'S01,2,B,1,2'), one);
    expect(result).toEqual({
      ok: true,
      rows: [
        { stratumKey: 'S01', seq: 1, arm: 'A', blockNo: 1, blockSize: 2 },
        { stratumKey: 'S01', seq: 2, arm: 'B', blockNo: 1, blockSize: 2 },
      ],
    });
  });

  it('names each missing or unknown cell of a row with its column and what was typed', () => {
    const result = validateRandomizationImport(
      full(',1,A,1,2', 'S09,2,A,1,2', 'S01,x3,A,1,2', 'S01,3x,B,1,2', 'S01,5,,1,2', 'S01,6,C,1,2'),
      one,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 1, field: 'stratum', code: 'ROW_VALUE_REQUIRED', params: { row: 1, column: 'stratum' } },
        {
          row: 2,
          field: 'stratum',
          code: 'ROW_STRATUM_UNKNOWN',
          params: { row: 2, column: 'stratum', stratum: 'S09' },
        },
        { row: 3, field: 'seq', code: 'ROW_NOT_POSITIVE_INTEGER', params: { row: 3, column: 'seq' } },
        { row: 4, field: 'seq', code: 'ROW_NOT_POSITIVE_INTEGER', params: { row: 4, column: 'seq' } },
        { row: 5, field: 'arm', code: 'ROW_VALUE_REQUIRED', params: { row: 5, column: 'arm' } },
        { row: 6, field: 'arm', code: 'ROW_ARM_UNKNOWN', params: { row: 6, column: 'arm', arm: 'C' } },
      ],
    });
  });

  it('takes seq numbers of up to nine digits without a leading zero', () => {
    const seqOf = (seq: string) =>
      validateRandomizationImport(full(`S01,${seq},A,1,1`), { ...one, arms: ['A'] });
    expect(seqOf('1')).toMatchObject({ ok: true });
    for (const seq of ['0', '01', '1234567890', '-1', '1.0']) {
      expect(seqOf(seq)).toMatchObject({
        ok: false,
        errors: [{ row: 1, field: 'seq', code: 'ROW_NOT_POSITIVE_INTEGER' }],
      });
    }
  });

  it('asks for block numbers on every row once one row has them, and block sizes likewise', () => {
    const rowTwo = (result: ReturnType<typeof validateRandomizationImport>) =>
      result.ok ? [] : result.errors.filter((e) => e.row === 2);
    expect(rowTwo(validateRandomizationImport(full('S01,1,A,1,2', 'S01,2,B,,2'), one))).toEqual([
      { row: 2, field: 'block_no', code: 'ROW_NOT_POSITIVE_INTEGER', params: { row: 2, column: 'block_no' } },
    ]);
    expect(rowTwo(validateRandomizationImport(full('S01,1,A,1,2', 'S01,2,B,1,'), one))).toEqual([
      {
        row: 2,
        field: 'block_size',
        code: 'ROW_NOT_POSITIVE_INTEGER',
        params: { row: 2, column: 'block_size' },
      },
    ]);
  });

  it('refuses a list without block numbers in the block_no column', () => {
    expect(validateRandomizationImport(records('stratum,seq,arm', 'S01,1,A', 'S01,2,B'), one)).toEqual({
      ok: false,
      errors: [{ row: 0, field: 'block_no', code: 'LIST_BLOCKS_REQUIRED', params: {} }],
    });
  });

  it('does not call a stratum empty when no row could be read at all', () => {
    expect(validateRandomizationImport(full('S01,x,A,1,2'), two)).toEqual({
      ok: false,
      errors: [{ row: 1, field: 'seq', code: 'ROW_NOT_POSITIVE_INTEGER', params: { row: 1, column: 'seq' } }],
    });
  });

  it('lists the problems in row order, the whole-file ones first', () => {
    const result = validateRandomizationImport(
      full('S01,2,A,1,2', 'S01,1,B,1,2', 'S01,4,A,2,2', 'S01,x,B,2,2'),
      two,
    );
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [0, 'LIST_STRATUM_EMPTY'],
      [3, 'ROW_SEQ_GAP'],
      [3, 'ROW_BLOCK_SIZE_WRONG'],
      [3, 'ROW_BLOCK_UNBALANCED'],
      [4, 'ROW_NOT_POSITIVE_INTEGER'],
    ]);
  });

  it('reports a duplicate seq against the earlier row, in a long scrambled stratum too', () => {
    // Seq 1 to 60 scrambled, then seq 20 again: long enough for the engine to sort runs and merge them.
    const lines = Array.from({ length: 60 }, (_, i) => `S01,${((i * 37) % 60) + 1},A`);
    const result = validateRandomizationImport(records('stratum,seq,arm', ...lines, 'S01,20,A'), {
      arms: ['A'],
      strata: ['S01'],
    });
    const first20 = lines.indexOf('S01,20,A') + 1;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.filter((e) => e.row > 0)).toEqual([
      {
        row: 61,
        field: 'seq',
        code: 'ROW_SEQ_DUPLICATE',
        params: { row: 61, seq: 20, stratum: 'S01', other: first20 },
      },
    ]);
  });
});

describe('imported list blocks', () => {
  it('accepts blocks numbered without a block_size column', () => {
    const result = validateRandomizationImport(
      records('stratum,seq,arm,block_no', 'S01,1,A,1', 'S01,2,B,1', 'S01,3,B,2', 'S01,4,A,2'),
      one,
    );
    expect(result).toMatchObject({
      ok: true,
      rows: [{ blockNo: 1, blockSize: null }, {}, {}, { blockNo: 2 }],
    });
  });

  it('refuses a block with two sizes, at the first row of the other size', () => {
    expect(validateRandomizationImport(full('S01,1,A,1,2', 'S01,2,B,1,4'), one)).toEqual({
      ok: false,
      errors: [
        {
          row: 2,
          field: 'block_size',
          code: 'ROW_BLOCK_SIZES_DIFFER',
          params: { row: 2, block: 1, stratum: 'S01' },
        },
      ],
    });
  });

  it('needs every arm in ratio, not only some: a block of three arms with one right is unbalanced', () => {
    const three = { arms: ['A', 'B', 'C'], strata: ['S01'] };
    expect(validateRandomizationImport(full('S01,1,A,1,3', 'S01,2,B,1,3', 'S01,3,B,1,3'), three)).toEqual({
      ok: false,
      errors: [
        {
          row: 1,
          field: 'arm',
          code: 'ROW_BLOCK_UNBALANCED',
          params: { row: 1, block: 1, stratum: 'S01', arm_A: 1, arm_B: 2, arm_C: 0 },
        },
      ],
    });
    expect(
      validateRandomizationImport(full('S01,1,C,1,3', 'S01,2,B,1,3', 'S01,3,A,1,3'), three),
    ).toMatchObject({
      ok: true,
    });
  });
});

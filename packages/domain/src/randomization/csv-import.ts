import type { FieldCode } from '../contracts/field-codes';
import type { MessageParams } from '../contracts/server-messages';

/**
 * One problem found in an imported list, as a field code with parameters (docs/errors.md, "Field
 * codes"). `row` is 1-based over the data rows (header excluded); 0 = whole file.
 */
export interface ImportError {
  row: number;
  field: string;
  code: FieldCode;
  params: MessageParams;
}

/** A validated slot of an externally generated list; block columns are null when the file has none. */
export interface ImportedSlot {
  stratumKey: string;
  seq: number;
  arm: string;
  blockNo: number | null;
  blockSize: number | null;
}

export interface ImportOptions {
  /** Arm codes in ratio order. */
  arms: readonly string[];
  /** Allocation ratio, one part per arm; defaults to 1:1:… */
  ratio?: readonly number[];
  strata: readonly string[];
}

export type ImportResult = { ok: true; rows: ImportedSlot[] } | { ok: false; errors: ImportError[] };

function cell(record: Readonly<Record<string, string | undefined>>, column: string): string {
  return (record[column] ?? '').trim();
}

function parsePositiveInt(text: string): number | null {
  return /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : null;
}

interface ParsedRow extends ImportedSlot {
  row: number;
}

/**
 * Validates an externally generated allocation table (protocol §4.2, the REDCap practice), given
 * as parsed CSV records keyed by column name: `stratum`, `seq`, `arm`, `block_no` and optional
 * `block_size`. Rejects unknown arm or stratum codes, a stratum with no rows, duplicate (stratum,
 * seq), gaps in seq, a list without blocks, and blocks that do not hold each arm in ratio. All problems are
 * reported at once so a statistician can fix the file in one pass.
 */
export function validateRandomizationImport(
  records: ReadonlyArray<Readonly<Record<string, string | undefined>>>,
  options: ImportOptions,
): ImportResult {
  const errors: ImportError[] = [];
  if (records.length === 0) {
    return { ok: false, errors: [{ row: 0, field: '', code: 'LIST_NO_ROWS', params: {} }] };
  }
  const hasBlockNo = records.some((r) => cell(r, 'block_no') !== '');
  const hasBlockSize = records.some((r) => cell(r, 'block_size') !== '');
  // Without blocks nothing shows the list is balanced (R-RAND-5): a list of one arm would pass.
  if (!hasBlockNo) {
    errors.push({ row: 0, field: 'block_no', code: 'LIST_BLOCKS_REQUIRED', params: {} });
  }
  const arms = new Set(options.arms);
  const strata = new Set(options.strata);
  const parsed: ParsedRow[] = [];

  records.forEach((record, index) => {
    const row = index + 1;
    const stratumKey = cell(record, 'stratum');
    const arm = cell(record, 'arm');
    const seq = parsePositiveInt(cell(record, 'seq'));
    let ok = true;
    const fail = (field: string, code: FieldCode, params: MessageParams = {}) => {
      errors.push({ row, field, code, params: { row, column: field, ...params } });
      ok = false;
    };
    if (stratumKey === '') fail('stratum', 'ROW_VALUE_REQUIRED');
    else if (!strata.has(stratumKey)) fail('stratum', 'ROW_STRATUM_UNKNOWN', { stratum: stratumKey });
    if (seq === null) fail('seq', 'ROW_NOT_POSITIVE_INTEGER');
    if (arm === '') fail('arm', 'ROW_VALUE_REQUIRED');
    else if (!arms.has(arm)) fail('arm', 'ROW_ARM_UNKNOWN', { arm });
    const blockNo = hasBlockNo ? parsePositiveInt(cell(record, 'block_no')) : null;
    const blockSize = hasBlockSize ? parsePositiveInt(cell(record, 'block_size')) : null;
    if (hasBlockNo && blockNo === null) fail('block_no', 'ROW_NOT_POSITIVE_INTEGER');
    if (hasBlockSize && blockSize === null) fail('block_size', 'ROW_NOT_POSITIVE_INTEGER');
    if (ok) parsed.push({ row, stratumKey, seq: seq as number, arm, blockNo, blockSize });
  });

  const byStratum = new Map<string, ParsedRow[]>();
  for (const r of parsed) {
    const list = byStratum.get(r.stratumKey) ?? [];
    list.push(r);
    byStratum.set(r.stratumKey, list);
  }
  // The list replaces the active one for every stratum: one left out would stop its site (R-RAND-5).
  for (const stratumKey of options.strata) {
    if (!byStratum.has(stratumKey) && parsed.length > 0) {
      errors.push({ row: 0, field: 'stratum', code: 'LIST_STRATUM_EMPTY', params: { stratum: stratumKey } });
    }
  }
  for (const [stratumKey, rows] of byStratum) {
    rows.sort((a, b) => a.seq - b.seq || a.row - b.row);
    checkSequence(stratumKey, rows, errors);
    if (hasBlockNo) checkBlocks(stratumKey, rows, options, errors);
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    return { ok: false, errors };
  }
  const order = options.strata;
  const rows = [...byStratum.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .flatMap(([, list]) =>
      list.map(({ stratumKey, seq, arm, blockNo, blockSize }) => ({
        stratumKey,
        seq,
        arm,
        blockNo,
        blockSize,
      })),
    );
  return { ok: true, rows };
}

/** Each stratum's seq must run 1, 2, …, N with no duplicate and no gap (protocol §4.2). */
function checkSequence(stratumKey: string, rows: ParsedRow[], errors: ImportError[]): void {
  let expected = 1;
  let previous: ParsedRow | null = null;
  for (const r of rows) {
    if (previous !== null && r.seq === previous.seq) {
      errors.push({
        row: r.row,
        field: 'seq',
        code: 'ROW_SEQ_DUPLICATE',
        params: { row: r.row, seq: r.seq, stratum: stratumKey, other: previous.row },
      });
      continue;
    }
    if (r.seq !== expected) {
      const missing = r.seq - 1 === expected ? `${expected}` : `${expected}–${r.seq - 1}`;
      errors.push({
        row: r.row,
        field: 'seq',
        code: 'ROW_SEQ_GAP',
        params: { row: r.row, stratum: stratumKey, missing },
      });
    }
    expected = r.seq + 1;
    previous = r;
  }
}

/**
 * With block columns, each block must be contiguous in seq, have one block size that equals its
 * row count, and hold every arm in ratio (protocol §4.2 "unbalanced blocks").
 */
function checkBlocks(
  stratumKey: string,
  rows: ParsedRow[],
  options: ImportOptions,
  errors: ImportError[],
): void {
  const ratio = options.ratio ?? options.arms.map(() => 1);
  const ratioSum = ratio.reduce((s, r) => s + r, 0);
  const blocks: ParsedRow[][] = [];
  const seen = new Set<number>();
  for (const r of rows) {
    const current = blocks.at(-1);
    if (current !== undefined && current[0]?.blockNo === r.blockNo) {
      current.push(r);
      continue;
    }
    if (seen.has(r.blockNo as number)) {
      errors.push({
        row: r.row,
        field: 'block_no',
        code: 'ROW_BLOCK_NOT_CONTIGUOUS',
        params: { row: r.row, block: r.blockNo ?? 0, stratum: stratumKey },
      });
      continue;
    }
    seen.add(r.blockNo as number);
    blocks.push([r]);
  }
  for (const block of blocks) {
    const first = block[0] as ParsedRow;
    const where = { block: first.blockNo ?? 0, stratum: stratumKey };
    const declared = first.blockSize;
    if (declared !== null) {
      const other = block.find((r) => r.blockSize !== declared);
      if (other !== undefined) {
        errors.push({
          row: other.row,
          field: 'block_size',
          code: 'ROW_BLOCK_SIZES_DIFFER',
          params: { row: other.row, ...where },
        });
      } else if (declared !== block.length) {
        errors.push({
          row: first.row,
          field: 'block_size',
          code: 'ROW_BLOCK_SIZE_WRONG',
          params: { row: first.row, ...where, declared, count: block.length },
        });
      }
    }
    const unit = block.length / ratioSum;
    const counts = options.arms.map((arm) => block.filter((r) => r.arm === arm).length);
    const balanced = Number.isInteger(unit) && counts.every((n, k) => n === unit * (ratio[k] as number));
    if (!balanced) {
      // Each arm's count in the block is a parameter, e.g. `arm_TLF_MOB: 3`.
      const perArm = Object.fromEntries(options.arms.map((arm, k) => [`arm_${arm}`, counts[k] ?? 0]));
      errors.push({
        row: first.row,
        field: 'arm',
        code: 'ROW_BLOCK_UNBALANCED',
        params: { row: first.row, ...where, ...perArm },
      });
    }
  }
}

/** One problem found in an imported list. `row` is 1-based over the data rows (header excluded); 0 = whole file. */
export interface ImportError {
  row: number;
  field: string;
  message: string;
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
    return { ok: false, errors: [{ row: 0, field: '', message: 'the file has no data rows' }] };
  }
  const hasBlockNo = records.some((r) => cell(r, 'block_no') !== '');
  const hasBlockSize = records.some((r) => cell(r, 'block_size') !== '');
  // Without blocks nothing shows the list is balanced (R-RAND-5): a list of one arm would pass.
  if (!hasBlockNo) {
    errors.push({ row: 0, field: 'block_no', message: 'give block_no (and block_size) for every row' });
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
    const fail = (field: string, message: string) => {
      errors.push({ row, field, message });
      ok = false;
    };
    if (stratumKey === '') fail('stratum', 'stratum is required');
    else if (!strata.has(stratumKey)) fail('stratum', `unknown stratum "${stratumKey}"`);
    if (seq === null) fail('seq', `seq must be a positive integer, got "${cell(record, 'seq')}"`);
    if (arm === '') fail('arm', 'arm is required');
    else if (!arms.has(arm)) fail('arm', `unknown arm "${arm}" (expected ${[...arms].join(' or ')})`);
    const blockNo = hasBlockNo ? parsePositiveInt(cell(record, 'block_no')) : null;
    const blockSize = hasBlockSize ? parsePositiveInt(cell(record, 'block_size')) : null;
    if (hasBlockNo && blockNo === null) fail('block_no', 'block_no must be a positive integer in every row');
    if (hasBlockSize && blockSize === null) {
      fail('block_size', 'block_size must be a positive integer in every row');
    }
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
      errors.push({ row: 0, field: 'stratum', message: `stratum ${stratumKey} has no rows` });
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
        message: `duplicate seq ${r.seq} in stratum ${stratumKey} (also row ${previous.row})`,
      });
      continue;
    }
    if (r.seq !== expected) {
      const missing = r.seq - 1 === expected ? `${expected}` : `${expected}–${r.seq - 1}`;
      errors.push({
        row: r.row,
        field: 'seq',
        message: `gap in stratum ${stratumKey}: seq ${missing} missing`,
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
        message: `block ${r.blockNo} of stratum ${stratumKey} is not contiguous in seq`,
      });
      continue;
    }
    seen.add(r.blockNo as number);
    blocks.push([r]);
  }
  for (const block of blocks) {
    const first = block[0] as ParsedRow;
    const label = `block ${first.blockNo} of stratum ${stratumKey}`;
    const declared = first.blockSize;
    if (declared !== null) {
      const other = block.find((r) => r.blockSize !== declared);
      if (other !== undefined) {
        errors.push({
          row: other.row,
          field: 'block_size',
          message: `${label} has more than one block_size`,
        });
      } else if (declared !== block.length) {
        errors.push({
          row: first.row,
          field: 'block_size',
          message: `${label} declares size ${declared} but has ${block.length} rows`,
        });
      }
    }
    const unit = block.length / ratioSum;
    const counts = options.arms.map((arm) => block.filter((r) => r.arm === arm).length);
    const balanced = Number.isInteger(unit) && counts.every((n, k) => n === unit * (ratio[k] as number));
    if (!balanced) {
      const detail = options.arms.map((arm, k) => `${arm} ${counts[k]}`).join(', ');
      errors.push({ row: first.row, field: 'arm', message: `${label} is unbalanced (${detail})` });
    }
  }
}

import type { StudyDefinition } from '../study/definition-schema';
import { CSV_FORMULA_NOTE } from './csv-safety';
import type { ExportOptions } from './types';
import { wideColumns } from './wide-columns';

/**
 * The data dictionary of the wide file: one row per column, from the same column list the file is
 * written from, so every column is described and nothing else is.
 */
export interface DataDictionaryRow {
  variable: string;
  label: string;
  type: string;
  unit: string;
  /** "code = label; …" (English labels, as in the exports). */
  allowedValues: string;
  min: number | null;
  max: number | null;
  /** Visit code; "all" for counts over every visit; empty for participant data. */
  visits: string;
  form: string;
  derived: boolean;
}

export function dataDictionaryRows(
  def: StudyDefinition,
  opts: ExportOptions = { blinded: false },
): DataDictionaryRow[] {
  return wideColumns(def, opts).map((c) => ({
    variable: c.name,
    label: c.label,
    type: c.type,
    unit: c.unit ?? '',
    allowedValues: (c.allowedValues ?? []).map((v) => `${v.code} = ${v.label.en}`).join('; '),
    min: c.min ?? null,
    max: c.max ?? null,
    visits: c.visits,
    form: c.form,
    derived: c.derived,
  }));
}

const HEADER = [
  'variable',
  'label',
  'type',
  'unit',
  'allowed_values',
  'min',
  'max',
  'visits',
  'form',
  'derived',
];

/** Header first, then one string row per variable, for a CSV library to serialize. */
export function dataDictionaryCsvRows(
  def: StudyDefinition,
  opts: ExportOptions = { blinded: false },
): string[][] {
  const rows = dataDictionaryRows(def, opts).map((r) => [
    r.variable,
    r.label,
    r.type,
    r.unit,
    r.allowedValues,
    r.min === null ? '' : String(r.min),
    r.max === null ? '' : String(r.max),
    r.visits,
    r.form,
    r.derived ? 'yes' : 'no',
  ]);
  return [HEADER, ...rows];
}

/** A cell of a GitHub-flavoured Markdown table: pipes escaped, line breaks flattened. */
function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function dataDictionaryMarkdown(
  def: StudyDefinition,
  opts: ExportOptions = { blinded: false },
): string {
  const [header = [], ...rows] = dataDictionaryCsvRows(def, opts);
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  const title = `# Data dictionary: ${def.nctId}${opts.blinded ? ' (blinded)' : ''}\n\n`;
  const note =
    'Empty cells are missing values (never 0). Booleans are 1 = yes, 0 = no. Multiple choices are ' +
    `comma-separated codes. ODI totals are recomputed from the items (protocol §3.2). ${CSV_FORMULA_NOTE}\n\n`;
  return `${title}${note}${[line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')}\n`;
}

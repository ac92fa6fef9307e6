import { formatX10, ODI_ITEM_KEYS, type OdiItemKey, scoreOdiAnswers } from '../scoring/odi';
import type { FormDefinition, FormField, StudyDefinition } from '../study/definition-schema';
import type { CsvCell, ExportOptions, ExportParticipant } from './types';
import { xsDateTime } from './xml';

/**
 * Value shaping shared by the wide CSV, the long CSV and ODM, so the three files always agree on
 * what a stored value means.
 */

/** A form scored as the ODI: it has the ten section fields q1..q10 (protocol §3.1). */
export function isOdiForm(form: FormDefinition): boolean {
  const names = new Set(form.fields.map((f) => f.name));
  return ODI_ITEM_KEYS.every((k) => names.has(k));
}

/** The ODI totals an export shows; `odi_pct` is the one-decimal display value (protocol §3.2 rule 6). */
export const ODI_TOTALS = [
  'odi_sum',
  'odi_answered',
  'odi_pct_x10',
  'odi_pct',
  'odi_low_completion',
] as const;
export type OdiTotalName = (typeof ODI_TOTALS)[number];

/**
 * Recomputes the ODI totals from the items with the domain's scorer instead of trusting the stored
 * derived values. No section answered gives no score: sum and % are null, never 0
 * (protocol §3.2 rule 5). An item outside 0–5 cannot be scored, so every total is null rather than a guess.
 */
// Wide rows ask for several totals of the same record: score each record's data once.
const totalsCache = new WeakMap<object, Record<OdiTotalName, number | string | boolean | null>>();

export function odiTotals(
  data: Record<string, unknown>,
): Record<OdiTotalName, number | string | boolean | null> {
  const cached = totalsCache.get(data);
  if (cached) return cached;
  const totals = computeOdiTotals(data);
  totalsCache.set(data, totals);
  return totals;
}

function computeOdiTotals(
  data: Record<string, unknown>,
): Record<OdiTotalName, number | string | boolean | null> {
  const answers = {} as Record<OdiItemKey, number | null>;
  let valid = true;
  for (const k of ODI_ITEM_KEYS) {
    const v = data[k];
    if (v === null || v === undefined || v === '') answers[k] = null;
    else if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 5) answers[k] = v;
    else valid = false;
  }
  if (!valid) {
    return { odi_sum: null, odi_answered: null, odi_pct_x10: null, odi_pct: null, odi_low_completion: null };
  }
  const score = scoreOdiAnswers(answers);
  const answered = ODI_ITEM_KEYS.filter((k) => answers[k] !== null).length;
  return {
    odi_sum: score?.sum ?? null,
    odi_answered: answered,
    odi_pct_x10: score?.pctX10 ?? null,
    odi_pct: score === null ? null : formatX10(score.pctX10),
    // Same rule as the save path (forms/withDerivedFields): a count flag, raised for 0 answered too.
    odi_low_completion: score?.lowCompletion ?? answered < 8,
  };
}

/**
 * The record's data with derived ODI totals recomputed; every other field as stored. The export
 * shows what the study definition knows; keys it does not know are kept by the long file only.
 */
const recordDataCache = new WeakMap<object, Record<string, unknown>>();

export function recordData(
  form: FormDefinition | undefined,
  data: Record<string, unknown>,
): Record<string, unknown> {
  if (form === undefined || !isOdiForm(form)) return data;
  const cached = recordDataCache.get(data);
  if (cached) return cached;
  const out = withOdiTotals(form, data);
  recordDataCache.set(data, out);
  return out;
}

function withOdiTotals(form: FormDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const totals = odiTotals(data);
  const out: Record<string, unknown> = { ...data };
  for (const f of form.fields) {
    if (f.name in totals) out[f.name] = totals[f.name as OdiTotalName];
  }
  return out;
}

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
}

/** A number as plain decimal digits (xs:decimal has no exponent, and neither should a CSV cell). */
export function plainNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Text form of a stored value, for ODM Value attributes and long-file cells. */
export function valueText(type: FormField['type'] | 'unknown', raw: unknown): string | null {
  if (isBlank(raw)) return null;
  if (Array.isArray(raw)) return raw.map((v) => valueText('unknown', v) ?? '').join(',');
  if (typeof raw === 'boolean') {
    if (type === 'yes_no') return raw ? 'yes' : 'no';
    return raw ? 'true' : 'false';
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? plainNumber(raw) : null;
  if (typeof raw === 'string') return raw;
  return JSON.stringify(raw);
}

/**
 * A CSV cell: numbers stay numbers, booleans become 1/0 (read the same way by R, SAS, Stata and
 * SPSS; the data dictionary says so), multiple choices are comma-joined codes, blanks are null.
 */
export function csvCell(type: FormField['type'] | 'unknown', raw: unknown): CsvCell {
  if (isBlank(raw)) return null;
  if (type === 'datetime' && typeof raw === 'string') return isoDateTime(raw);
  if (typeof raw === 'boolean' && type !== 'yes_no') return raw ? 1 : 0;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  return valueText(type, raw);
}

/** One ISO 8601 spelling for time stamps ("2025-06-11 12:30:00+00" → "2025-06-11T12:30:00+00:00"). */
export function isoDateTime(s: string): string {
  try {
    return xsDateTime(s);
  } catch {
    return s; // not a time stamp after all: export what is stored rather than lose it
  }
}

/** The arm unless the export is blinded; a blinded export never even reads it. */
export function visibleArm(p: ExportParticipant, opts: ExportOptions): string | null {
  return opts.blinded ? null : p.arm;
}

/** Visit codes in schedule order first, then codes the definition does not list, alphabetically. */
export function visitOrder(def: StudyDefinition, codes: Iterable<string>): string[] {
  const scheduled = def.visits.map((v) => v.code);
  const extra = [...new Set(codes)].filter((c) => !scheduled.includes(c)).sort();
  return [...scheduled, ...extra];
}

import type { StudyDefinition } from '../study/definition-schema';
import { exportParticipant } from './blinding';
import type { CsvCell, ExportOptions, ExportParticipant } from './types';
import { type WideColumn, wideColumns, wideRowContext } from './wide-columns';

/**
 * The wide analysis file: one row per participant. Participant columns first, then per visit in
 * schedule order, per one-per-visit form, per field `<field>_<visit>` (ODI items and recomputed
 * totals included), then a count per repeating form (`n_adverse_event`); the repeating forms
 * themselves are in the long file. Blinded: no `arm` column, and no column, count or value of a
 * form, field or choice the blinding rules hide (./blinding.ts).
 */

// The API calls wideCsvRow once per streamed participant; build the column list once per definition.
const cache = new WeakMap<StudyDefinition, Map<boolean, WideColumn[]>>();

function columnsFor(def: StudyDefinition, opts: ExportOptions): WideColumn[] {
  let byMode = cache.get(def);
  if (byMode === undefined) {
    byMode = new Map();
    cache.set(def, byMode);
  }
  let cols = byMode.get(opts.blinded);
  if (cols === undefined) {
    cols = wideColumns(def, { blinded: opts.blinded });
    byMode.set(opts.blinded, cols);
  }
  return cols;
}

export function wideCsvHeader(def: StudyDefinition, opts: ExportOptions): string[] {
  return columnsFor(def, opts).map((c) => c.name);
}

/** One participant's row, aligned with `wideCsvHeader`; a missing value is null, never 0. */
export function wideCsvRow(
  def: StudyDefinition,
  participant: ExportParticipant,
  opts: ExportOptions,
): CsvCell[] {
  const ctx = wideRowContext(exportParticipant(def, participant, opts));
  return columnsFor(def, opts).map((c) => c.value(ctx));
}

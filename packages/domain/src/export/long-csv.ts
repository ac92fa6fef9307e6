import type { StudyDefinition } from '../study/definition-schema';
import { exportedForms, exportParticipant } from './blinding';
import type { CsvCell, ExportOptions, ExportParticipant, ExportRecord } from './types';
import { csvCell, recordData, visibleArm, visitOrder } from './values';

/**
 * The long file: one row per participant × visit × form × seq × field, repeating forms
 * (interventions, adverse events, deviations) included. Every field of the form gets a row, a
 * blank one too, so "not entered" is visible; data keys the definition does not know follow the
 * defined fields, so nothing stored is silently dropped. Blinded: only what ./blinding.ts leaves,
 * so hidden forms and fields, and keys the definition does not know, have no row at all.
 */

export function longCsvHeader(opts: ExportOptions): string[] {
  return [
    'study_id',
    'site',
    ...(opts.blinded ? [] : ['arm']),
    'stratum',
    'randomized_at',
    'visit',
    'form',
    'seq',
    'field',
    'value',
    'record_status',
    'record_version',
    // The study definition version the record was entered under (R-DEF-6).
    'definition_version',
  ];
}

/** Records in schedule order, then by the form's place in its visit (or the definition), then seq. */
export function sortRecords(def: StudyDefinition, records: readonly ExportRecord[]): ExportRecord[] {
  const visitRank = new Map(
    visitOrder(
      def,
      records.map((r) => r.visitCode),
    ).map((c, i) => [c, i]),
  );
  const formRank = new Map(def.forms.map((f, i) => [f.code, i]));
  const inVisit = new Map(def.visits.map((v) => [v.code, v.forms]));
  const rankOf = (r: ExportRecord) => {
    const pos = inVisit.get(r.visitCode)?.indexOf(r.formCode) ?? -1;
    return pos >= 0 ? pos : 1000 + (formRank.get(r.formCode) ?? 1000);
  };
  return [...records].sort(
    (a, b) =>
      (visitRank.get(a.visitCode) ?? 0) - (visitRank.get(b.visitCode) ?? 0) ||
      rankOf(a) - rankOf(b) ||
      a.formCode.localeCompare(b.formCode) ||
      a.seq - b.seq,
  );
}

export function longCsvRows(
  def: StudyDefinition,
  participant: ExportParticipant,
  opts: ExportOptions,
): CsvCell[][] {
  const p = exportParticipant(def, participant, opts);
  const forms = new Map(exportedForms(def, opts).map((f) => [f.code, f]));
  const lead: CsvCell[] = [p.studyId, p.siteCode, ...(opts.blinded ? [] : [visibleArm(p, opts)])];
  lead.push(p.stratum, csvCell('datetime', p.randomizedAt));
  const rows: CsvCell[][] = [];
  for (const rec of sortRecords(def, p.records)) {
    const form = forms.get(rec.formCode);
    const data = recordData(form, rec.data);
    const defined = form?.fields ?? [];
    const known = new Set(defined.map((f) => f.name));
    const extra = Object.keys(data)
      .filter((k) => !known.has(k))
      .sort();
    const cells: [string, CsvCell][] = [
      ...defined.map((f): [string, CsvCell] => [f.name, csvCell(f.type, data[f.name])]),
      ...extra.map((k): [string, CsvCell] => [k, csvCell('unknown', data[k])]),
    ];
    for (const [field, value] of cells) {
      rows.push([
        ...lead,
        rec.visitCode,
        rec.formCode,
        rec.seq,
        field,
        value,
        rec.status,
        rec.version,
        rec.definitionVersion,
      ]);
    }
  }
  return rows;
}

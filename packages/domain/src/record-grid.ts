import { type BlindView, canEnterForm, formVisible } from './access/blinding';
import { type AccessSubject, can } from './access/policy';
import type {
  GridCell,
  GridColumn,
  GridRecordStatus,
  GridSeriesCell,
  GridSeriesColumn,
} from './contracts/record-grid';
import type { StudyDefinition } from './study/definition-schema';
import { requiredFormsOfVisit } from './visit-progress';

/**
 * The columns of the record status grid: each scheduled visit's forms entered once per visit, in
 * schedule order, without forms hidden from the viewer (R-BLIND-2) and without the eligibility
 * form (recorded by the screening step, shown by the participant's status).
 */
export function gridColumns(def: StudyDefinition, view: BlindView | null): GridColumn[] {
  return def.visits.flatMap((visit) =>
    requiredFormsOfVisit(def, visit.code)
      .filter((code) => code !== def.roles.eligibilityForm && formVisible(view, code))
      .map((formCode) => ({ visitCode: visit.code, formCode })),
  );
}

/**
 * Whether a cell waits for this viewer ("needs my action"), asked of the access policy: a form
 * the viewer enters that is due and not complete, or has an unresolved query to answer; a complete
 * record the viewer signs; a record the viewer verifies at the source and has not yet.
 */
export function cellNeedsAction(
  subject: AccessSubject | null,
  def: StudyDefinition,
  cell: GridCell,
): boolean {
  const enters = can(subject, 'enter_forms') && canEnterForm(subject, def, cell.formCode);
  const owed = cell.due && (cell.status === 'not_started' || cell.status === 'draft');
  return waitsFor(subject, { ...cell, owed: enters && owed });
}

/**
 * The same question of a column of repeating records: none is ever owed (they exist when
 * something happened), but a draft is left to finish by whoever enters the form.
 */
export function seriesNeedsAction(
  subject: AccessSubject | null,
  def: StudyDefinition,
  column: GridSeriesColumn,
  cell: GridSeriesCell,
): boolean {
  const enters = can(subject, 'enter_forms') && column.forms.some((f) => canEnterForm(subject, def, f));
  return waitsFor(subject, { ...cell, owed: enters && cell.status === 'draft' });
}

function waitsFor(
  subject: AccessSubject | null,
  cell: { owed: boolean; status: GridRecordStatus; openQueries: number; sdvDone: boolean },
): boolean {
  if (cell.owed) return true;
  if (cell.openQueries > 0 && can(subject, 'answer_query')) return true;
  if (cell.status === 'complete' && can(subject, 'sign_records')) return true;
  const entered = cell.status !== 'not_started' && cell.status !== 'draft';
  return entered && !cell.sdvDone && can(subject, 'verify_source');
}

/**
 * The grid's columns of repeating records, after the visits: the arms' intervention forms as one
 * column `treatment`, then each other repeating form of the definition, without forms hidden from
 * the viewer (R-BLIND-2).
 */
export function gridSeriesColumns(def: StudyDefinition, view: BlindView | null): GridSeriesColumn[] {
  const interventions = new Set(def.arms.map((a) => a.interventionForm));
  const repeating = def.forms.filter((f) => f.repeating && formVisible(view, f.code)).map((f) => f.code);
  const treatment = repeating.filter((code) => interventions.has(code));
  return [
    ...(treatment.length > 0 ? [{ code: 'treatment', forms: treatment }] : []),
    ...repeating.filter((code) => !interventions.has(code)).map((code) => ({ code, forms: [code] })),
  ];
}

const progress: readonly GridRecordStatus[] = ['draft', 'complete', 'signed', 'locked'];

/** A participant's records of a repeating column summed up: count, least advanced status, queries. */
export function seriesCell(
  column: GridSeriesColumn,
  records: readonly { formCode: string; status: GridRecordStatus; openQueries: number; sdvDone: boolean }[],
): GridSeriesCell {
  const mine = records.filter((r) => column.forms.includes(r.formCode));
  const least = progress.find((status) => mine.some((r) => r.status === status)) ?? 'not_started';
  return {
    code: column.code,
    count: mine.length,
    status: least,
    openQueries: mine.reduce((sum, r) => sum + r.openQueries, 0),
    sdvDone: mine.length > 0 && mine.every((r) => r.sdvDone),
  };
}

/** The colour-coded state a cell shows first: query, then out of window, then SDV, then status. */
export type GridCellState = GridCell['status'] | 'open_query' | 'out_of_window' | 'sdv_done';

export function gridCellState(cell: GridCell): GridCellState {
  if (cell.openQueries > 0) return 'open_query';
  if (cell.outOfWindow && cell.status !== 'signed' && cell.status !== 'locked') return 'out_of_window';
  if (cell.sdvDone) return 'sdv_done';
  return cell.status;
}

/** The state a repeating column's cell shows: query first, then SDV of all, then the least status. */
export function seriesCellState(cell: GridSeriesCell): GridCellState {
  if (cell.openQueries > 0) return 'open_query';
  if (cell.sdvDone) return 'sdv_done';
  return cell.status;
}

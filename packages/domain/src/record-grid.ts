import { type BlindView, canEnterForm, formVisible } from './access/blinding';
import { type AccessSubject, can } from './access/policy';
import type { GridCell, GridColumn } from './contracts/record-grid';
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
  if (enters && cell.due && (cell.status === 'not_started' || cell.status === 'draft')) return true;
  if (cell.openQueries > 0 && can(subject, 'answer_query')) return true;
  if (cell.status === 'complete' && can(subject, 'sign_records')) return true;
  const entered = cell.status !== 'not_started' && cell.status !== 'draft';
  return entered && !cell.sdvDone && can(subject, 'verify_source');
}

/** The colour-coded state a cell shows first: query, then out of window, then SDV, then status. */
export type GridCellState = GridCell['status'] | 'open_query' | 'out_of_window' | 'sdv_done';

export function gridCellState(cell: GridCell): GridCellState {
  if (cell.openQueries > 0) return 'open_query';
  if (cell.outOfWindow && cell.status !== 'signed' && cell.status !== 'locked') return 'out_of_window';
  if (cell.sdvDone) return 'sdv_done';
  return cell.status;
}

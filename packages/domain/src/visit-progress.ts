import type { IsoDate } from './dates';
import type { StudyDefinition } from './study/definition-schema';
import { daysOutsideWindow, type VisitStatus, type VisitWindow, visitStatus } from './visits';

/**
 * How far a visit has got, decided from its data (R-VISIT-1, R-MON-2, R-SIGN-2). The participant
 * page, the worklist, the record grid, the dashboard's visit table and the CONSORT diagram all
 * ask these functions, so "followed up" and "done" mean one thing everywhere.
 */

/** Record statuses that count as entered in full: complete, and the later signed and locked. */
export const completeRecordStatuses = ['complete', 'signed', 'locked'] as const;

export function isRecordComplete(status: string): boolean {
  return (completeRecordStatuses as readonly string[]).includes(status);
}

/** A record of a visit as these rules need it. */
export interface VisitRecordState {
  formCode: string;
  status: string;
}

/**
 * Followed up at a visit: the visit was marked done, or one of the definition's outcome forms of
 * it is complete (the outcome was assessed, whether or not anyone marked the visit).
 */
export function visitFollowedUp(
  def: StudyDefinition,
  visit: { markedDone: boolean; records: readonly VisitRecordState[] },
): boolean {
  if (visit.markedDone) return true;
  return visit.records.some((r) => def.roles.outcomeForms.includes(r.formCode) && isRecordComplete(r.status));
}

/**
 * The status shown for a scheduled visit: a visit followed up by its data is done even if nobody
 * marked it (a signed visit is never "upcoming"); otherwise the calendar decides (R-VISIT-1).
 */
export function visitStatusFromData(
  window: VisitWindow,
  today: IsoDate,
  state: { markedDone: boolean; missed: boolean; followedUp: boolean },
): VisitStatus {
  return visitStatus(window, today, { done: state.markedDone || state.followedUp, missed: state.missed });
}

/**
 * Forms a visit needs complete before it can be signed: the scheduled visit's forms entered once
 * per visit (repeating forms, such as adverse events, exist only when something happened). Visits
 * outside the schedule (treatment, unscheduled) need nothing beyond what was entered.
 */
export function requiredFormsOfVisit(def: StudyDefinition, visitCode: string): string[] {
  const visit = def.visits.find((v) => v.code === visitCode);
  if (!visit) return [];
  const repeating = new Set(def.forms.filter((f) => f.repeating).map((f) => f.code));
  return visit.forms.filter((code) => !repeating.has(code));
}

/**
 * Required forms of the visit that have no complete record, and drafts: what blocks signing
 * (R-SIGN-2). After a screen failure only the forms still collected are required.
 */
export function formsBlockingSignature(
  def: StudyDefinition,
  visitCode: string,
  records: readonly VisitRecordState[],
  screenFailed = false,
): string[] {
  const done = new Set(records.filter((r) => isRecordComplete(r.status)).map((r) => r.formCode));
  const drafts = records.filter((r) => r.status === 'draft').map((r) => r.formCode);
  const stillCollected = (code: string) =>
    !screenFailed || code === def.roles.eligibilityForm || def.roles.afterScreenFailure.includes(code);
  const missing = requiredFormsOfVisit(def, visitCode).filter(
    (code) => stillCollected(code) && !done.has(code),
  );
  return [...new Set([...missing, ...drafts])];
}

/** Exactly the records a signature covers: the complete ones, not yet signed or locked. */
export function recordsToSign<T extends VisitRecordState>(records: readonly T[]): T[] {
  return records.filter((r) => r.status === 'complete');
}

/**
 * Where a date falls against a visit's window: 'early' before it opens, 'late' after it closes,
 * null inside (both ends included). Entering a form outside the window needs a reason (R-VISIT-2).
 */
export function windowDeviation(window: VisitWindow, date: IsoDate): 'early' | 'late' | null {
  const days = daysOutsideWindow(window, date);
  if (days < 0) return 'early';
  return days > 0 ? 'late' : null;
}

/**
 * The form after this one in a scheduled visit's order ("save and go to the next form"): the
 * visit's forms entered once per visit that this user enters; null after the last one, and for
 * visits outside the schedule or repeating forms, which have no order to follow.
 */
export function nextFormOfVisit(
  def: StudyDefinition,
  visitCode: string,
  formCode: string,
  enterable: (formCode: string) => boolean,
): string | null {
  const forms = requiredFormsOfVisit(def, visitCode).filter(
    (code) => code !== def.roles.eligibilityForm && enterable(code),
  );
  const at = forms.indexOf(formCode);
  return at >= 0 ? (forms[at + 1] ?? null) : null;
}

/** Whether "save and go on" applies to this form: one entered once at a scheduled visit. */
export function formInVisitOrder(def: StudyDefinition, visitCode: string, formCode: string): boolean {
  return requiredFormsOfVisit(def, visitCode).includes(formCode) && formCode !== def.roles.eligibilityForm;
}

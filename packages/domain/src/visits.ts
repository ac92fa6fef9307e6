import { addDays, compareIsoDates, daysBetween, type IsoDate } from './dates';
import type { VisitDefinition } from './study/definition-schema';

/** A follow-up visit placed on the calendar. Windows are inclusive (protocol §5.1). */
export interface ScheduledVisit {
  code: string;
  targetDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
}

export interface VisitWindow {
  windowStart: IsoDate;
  windowEnd: IsoDate;
}

/** The dates visits are anchored to (the definition offers randomization only). */
export interface VisitAnchors {
  randomization: IsoDate;
}

/** Target date and window of one visit from its anchor date. */
export function visitWindow(
  visit: Pick<VisitDefinition, 'code' | 'dayOffset' | 'windowBefore' | 'windowAfter'>,
  anchorDate: IsoDate,
): ScheduledVisit {
  const targetDate = addDays(anchorDate, visit.dayOffset);
  return {
    code: visit.code,
    targetDate,
    windowStart: addDays(targetDate, -visit.windowBefore),
    windowEnd: addDays(targetDate, visit.windowAfter),
  };
}

/**
 * The follow-up schedule created at randomization (protocol §4.3, §5.1): one entry per visit of
 * kind `follow_up`, in definition order, from the visit's anchor date.
 */
export function computeVisitSchedule(
  visits: readonly VisitDefinition[],
  anchors: VisitAnchors,
): ScheduledVisit[] {
  const out: ScheduledVisit[] = [];
  for (const visit of visits) {
    if (visit.kind !== 'follow_up') continue;
    out.push(visitWindow(visit, anchors[visit.anchor]));
  }
  return out;
}

/**
 * The follow-up visits a participant's schedule lacks: computeVisitSchedule, less the visits
 * already scheduled. Randomization schedules from nothing; publishing an amendment that adds a
 * visit schedules it for participants already randomized from their own anchors (R-DEF-6), so
 * both use this one computation.
 */
export function missingVisits(
  visits: readonly VisitDefinition[],
  anchors: VisitAnchors,
  scheduled: ReadonlySet<string> = new Set(),
): ScheduledVisit[] {
  return computeVisitSchedule(visits, anchors).filter((v) => !scheduled.has(v.code));
}

/** True when `date` lies inside the window, both ends included (protocol §5.1). */
export function isWithinWindow(window: VisitWindow, date: IsoDate): boolean {
  return compareIsoDates(date, window.windowStart) >= 0 && compareIsoDates(date, window.windowEnd) <= 0;
}

export type VisitStatus = 'upcoming' | 'due' | 'overdue' | 'missed' | 'done';

/**
 * Visit status of protocol §5.1: done and missed are recorded facts and win; otherwise upcoming
 * before the window, due inside it (ends included), overdue once it has closed (still enterable).
 */
export function visitStatus(
  window: VisitWindow,
  today: IsoDate,
  state: { done?: boolean; missed?: boolean } = {},
): VisitStatus {
  if (state.done === true) return 'done';
  if (state.missed === true) return 'missed';
  if (compareIsoDates(today, window.windowStart) < 0) return 'upcoming';
  if (compareIsoDates(today, window.windowEnd) <= 0) return 'due';
  return 'overdue';
}

/**
 * Days outside the window for a visit done on `date`: 0 inside, negative when early, positive when
 * late. A non-zero value needs a reason and creates a `visit_out_of_window` deviation (protocol §5.1).
 */
export function daysOutsideWindow(window: VisitWindow, date: IsoDate): number {
  const early = daysBetween(date, window.windowStart);
  if (early > 0) return -early;
  const late = daysBetween(window.windowEnd, date);
  return Math.max(late, 0);
}

import { dateIn, isIsoDate } from '../dates';
import type { FormDefinition, FormField } from '../study/definition-schema';
import {
  type DateBound,
  type DateEvent,
  defaultVisitDates,
  type PlausibleDates,
  type VisitDates,
  type VisitRole,
} from '../study/field-rules';
import type { FormIssue, RecordMode } from './form-issues';

/**
 * What a record's rules are checked against besides its own values: the visit it belongs to, the
 * trial's calendar day and time zone, the participant's milestones (absent ones are skipped: a
 * rule against consent waits for consent) and the definition's plausible range of dates.
 */
export interface FormRuleContext {
  visitRole?: VisitRole | undefined;
  /** Today in the trial's time zone (YYYY-MM-DD). */
  today: string;
  timeZone: string;
  /** screening and consent are dates; randomization is an instant (ISO 8601). */
  events: Partial<Record<Exclude<DateEvent, 'today'>, string | null>>;
  plausibleDates?: PlausibleDates | undefined;
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T/;

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A value of a date or date-time field as a calendar day and, for a date-time, an instant. */
interface When {
  day: string;
  instant: number | null;
}

function whenOf(value: unknown, timeZone: string): When | null {
  if (typeof value !== 'string') return null;
  if (ISO_DATETIME.test(value)) {
    const ms = Date.parse(value);
    const day = Number.isNaN(ms) ? null : dateIn(value, timeZone);
    return day ? { day, instant: ms } : null;
  }
  return isIsoDate(value) ? { day: value, instant: null } : null;
}

const MINUTE = 60_000;

/**
 * Negative when a is earlier than b: instants when both have one, calendar days otherwise.
 * Instants are compared to the minute, the precision a date-time field is entered with: an
 * assessment typed as 10:42 is not "before" a randomization stored as 10:42:31.517.
 */
function compare(a: When, b: When): number {
  if (a.instant !== null && b.instant !== null)
    return Math.floor(a.instant / MINUTE) - Math.floor(b.instant / MINUTE);
  return a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
}

interface ResolvedBound {
  when: When;
  params: Record<string, string>;
}

function resolveBound(
  bound: DateBound,
  data: Record<string, unknown>,
  context: FormRuleContext,
): ResolvedBound | null {
  if ('date' in bound)
    return { when: { day: bound.date, instant: null }, params: { kind: 'date', ref: bound.date } };
  if (bound.at && (context.visitRole === undefined || !bound.at.includes(context.visitRole))) return null;
  if ('field' in bound) {
    const when = whenOf(data[bound.field], context.timeZone);
    return when ? { when, params: { kind: 'field', ref: bound.field } } : null;
  }
  const raw = bound.event === 'today' ? context.today : context.events[bound.event];
  const when = raw ? whenOf(raw, context.timeZone) : null;
  return when ? { when, params: { kind: 'event', ref: bound.event } } : null;
}

/** The bounds one date is checked against, and how its issues are named. */
interface DateRule {
  path: string;
  label: string;
  notBefore: readonly DateBound[] | undefined;
  notAfter: readonly DateBound[] | undefined;
}

function dateIssues(
  field: FormField,
  value: unknown,
  data: Record<string, unknown>,
  context: FormRuleContext,
) {
  return boundIssues(
    { path: field.name, label: field.label.en, notBefore: field.notBefore, notAfter: field.notAfter },
    value,
    data,
    context,
  );
}

function boundIssues(
  rule: DateRule,
  value: unknown,
  data: Record<string, unknown>,
  context: FormRuleContext,
) {
  const issues: FormIssue[] = [];
  const when = whenOf(value, context.timeZone);
  if (!when) return issues;
  const range = context.plausibleDates;
  const earliest: DateBound[] = range ? [{ date: range.earliest }] : [];
  const latest: DateBound[] = range ? [{ date: range.latest }] : [];
  const check = (bounds: DateBound[], side: 'before' | 'after') => {
    for (const bound of bounds) {
      const resolved = resolveBound(bound, data, context);
      if (!resolved) continue;
      const order = compare(when, resolved.when);
      if (side === 'before' ? order < 0 : order > 0) {
        issues.push({
          path: [rule.path],
          code: side === 'before' ? 'DATE_TOO_EARLY' : 'DATE_TOO_LATE',
          params: { ...resolved.params, date: resolved.when.day },
          message: `${rule.label} cannot be ${side} ${resolved.params.ref} (${resolved.when.day})`,
        });
        return;
      }
    }
  };
  check([...earliest, ...(rule.notBefore ?? [])], 'before');
  check([...latest, ...(rule.notAfter ?? [])], 'after');
  return issues;
}

/**
 * The date a visit is recorded on, against the definition's visit date rules (its `visitDates`,
 * or defaultVisitDates for a definition without them) and the plausible range, evaluated like a
 * date field's bounds with the visit's role in `context`. Pure: the API's visit update calls it.
 */
export function visitDateIssues(
  visitDate: string,
  rules: VisitDates | undefined,
  context: FormRuleContext,
): FormIssue[] {
  const { notBefore, notAfter } = rules ?? defaultVisitDates;
  return boundIssues({ path: 'visitDate', label: 'Visit date', notBefore, notAfter }, visitDate, {}, context);
}

/** The value of `field` that makes a conditional requirement apply, if it holds one. */
function matchingValue(value: unknown, values: readonly string[]): string | null {
  const held = Array.isArray(value) ? value.map(String) : isEmpty(value) ? [] : [String(value)];
  return held.find((v) => values.includes(v)) ?? null;
}

/**
 * The rules of a form's fields beyond type and range (R-REC-3): conditional requirements when the
 * record is completed, and every date against the plausible range of the trial, the other dates
 * of the record and the participant's milestones. Pure: the API and the web form both call it.
 * Values that are not well-formed are left to the type checks.
 */
export function formRuleIssues(
  form: FormDefinition,
  data: Record<string, unknown>,
  mode: RecordMode,
  context: FormRuleContext,
): FormIssue[] {
  const issues: FormIssue[] = [];
  for (const field of form.fields) {
    if (field.derived) continue;
    const value = data[field.name];
    const when = field.requiredWhen;
    if (mode === 'complete' && when && isEmpty(value)) {
      const trigger = matchingValue(data[when.field], when.in);
      if (trigger !== null) {
        issues.push({
          path: [field.name],
          code: 'FIELD_REQUIRED_WHEN',
          params: { field: when.field, value: trigger },
          message: `${field.label.en} is required when ${when.field} is ${trigger}`,
        });
      }
    }
    if (field.type === 'date' || field.type === 'datetime')
      issues.push(...dateIssues(field, value, data, context));
  }
  return issues;
}

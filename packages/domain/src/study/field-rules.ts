import { z } from 'zod';

/**
 * The rules a field carries beyond its type, range and allowed values (docs/study-definition.md,
 * "Field rules"; R-REC-3): when it becomes required, and which dates it may not precede or follow.
 * They are data, evaluated by `formRuleIssues` (packages/domain/src/forms/form-rules.ts) for the
 * API's save and the web form alike.
 */

const fieldName = z
  .string()
  .regex(/^[a-z][A-Za-z0-9_]*$/, { error: 'field names start with a lower-case letter' });

/** Milestones of the participant a date can be compared with (today: the trial's calendar day). */
export const dateEvents = ['today', 'screening', 'consent', 'randomization'] as const;
export type DateEvent = (typeof dateEvents)[number];
export const isDateEvent = (value: unknown): value is DateEvent =>
  dateEvents.some((event) => event === value);

/**
 * The milestones by name, for code that words a refusal about one (a milestone shares its name
 * with a form, and form codes are named only in the definition).
 */
export const dateEvent = {
  today: 'today',
  screening: 'screening',
  consent: 'consent',
  randomization: 'randomization',
} as const satisfies Record<DateEvent, DateEvent>;

/** Where a record sits in the order of events: its visit's kind, or a visit outside the schedule. */
export const visitRoles = ['screening', 'baseline', 'follow_up', 'treatment', 'unscheduled'] as const;
export type VisitRole = (typeof visitRoles)[number];

/**
 * A date a field's value is compared with: another field of the same record, a milestone of the
 * participant, or a fixed day. `at` limits the rule to records of those visit roles (e.g. a
 * baseline assessment may not follow randomization, a follow-up one may not precede it).
 */
export const dateBoundSchema = z.union([
  z.strictObject({ field: fieldName, at: z.array(z.enum(visitRoles)).min(1).optional() }),
  z.strictObject({ event: z.enum(dateEvents), at: z.array(z.enum(visitRoles)).min(1).optional() }),
  z.strictObject({ date: z.iso.date({ error: 'expected a date YYYY-MM-DD' }) }),
]);
export type DateBound = z.infer<typeof dateBoundSchema>;

/**
 * Required to complete the record when another field of it holds one of these values (for a
 * multiple choice: contains one of them), e.g. seriousness criteria when the event is serious.
 */
export const requiredWhenSchema = z.strictObject({
  field: fieldName,
  in: z.array(z.string().min(1)).min(1),
});
export type RequiredWhen = z.infer<typeof requiredWhenSchema>;

/**
 * The dates the trial can hold at all: nothing before `earliest` or after `latest` in any date or
 * date-time field, so a mistyped year is refused (0001-01-01, 9999-12-31).
 */
export const plausibleDatesSchema = z.strictObject({
  earliest: z.iso.date({ error: 'expected a date YYYY-MM-DD' }),
  latest: z.iso.date({ error: 'expected a date YYYY-MM-DD' }),
});
export type PlausibleDates = z.infer<typeof plausibleDatesSchema>;

/**
 * The dates a visit can be recorded on (R-VISIT-1, R-REC-3): bounds as for a date field, checked
 * with the visit's role (e.g. a follow-up visit not before randomization), plus the plausible range.
 */
export const visitDatesSchema = z.strictObject({
  notBefore: z.array(dateBoundSchema).min(1).optional(),
  notAfter: z.array(dateBoundSchema).min(1).optional(),
});
export type VisitDates = z.infer<typeof visitDatesSchema>;

/** For a definition published before visit dates were data: what the API always enforced. */
export const defaultVisitDates: VisitDates = {
  notBefore: [{ event: 'consent' }],
  notAfter: [{ event: 'today' }],
};

import { addDays, dateIn } from '../dates';
import { isCompleteRecordStatus } from '../participants/lifecycle';
import { odiItemsFrom, scoreOdiAnswers } from '../scoring/odi';
import type { FormDefinition, StudyDefinition } from '../study/definition-schema';
import { baselineVisitOf, fieldOf } from '../study/roles';

/**
 * The preconditions of randomization (docs/requirements.md R-RAND-2; protocol §4.3, §5.1), as one
 * function: the API refuses with the first unmet condition's code and the web draws its checklist
 * from the same list.
 */
export type ReadinessCode =
  | 'NOT_ELIGIBLE'
  | 'CONSENT_REQUIRED'
  | 'NOT_ENROLLED'
  | 'BASELINE_INCOMPLETE'
  | 'BASELINE_OUT_OF_WINDOW';

export interface ReadinessCondition {
  /** eligible, consented, enrolled, or "baseline:<form>" and "window:<form>" per baseline form. */
  key: string;
  /** The refusal when this condition is unmet. */
  code: ReadinessCode;
  met: boolean;
  /** The baseline form, and for the window its first and last allowed dates. */
  params: Record<string, string>;
}

export interface ReadinessRecord {
  visitCode: string;
  formCode: string;
  status: string;
  data: unknown;
  /** When the record was last saved (ISO 8601): the assessment date of a form without one. */
  updatedAt: string;
}

export interface ReadinessFacts {
  status: string;
  eligible: boolean | null;
  consentDate: string | null;
  records: readonly ReadinessRecord[];
  /** The day of randomization (today) in the trial's time zone. */
  today: string;
  timeZone: string;
}

/**
 * A complete baseline record has a score: an ODI with no section answered has none (protocol §3.2
 * rule 5), a VAS without its value has none.
 */
function hasScore(form: FormDefinition, data: unknown): boolean {
  const values = typeof data === 'object' && data !== null ? Object.fromEntries(Object.entries(data)) : {};
  if (form.instrument === 'oswestry_disability_index') return scoreOdiAnswers(odiItemsFrom(values)) !== null;
  // Every other baseline form: its required fields are filled (checked when completed).
  return form.fields.every((f) => f.derived || !f.required || (fieldOf(values, f.name) ?? null) !== null);
}

/**
 * The day a record was assessed: its first date or date-time field when filled (e.g. the VAS's
 * assessed_at), otherwise the day it was last saved, which it cannot postdate.
 */
export function assessmentDate(
  form: FormDefinition,
  record: ReadinessRecord,
  timeZone: string,
): string | null {
  for (const field of form.fields) {
    const value = fieldOf(record.data, field.name);
    if (typeof value !== 'string') continue;
    if (field.type === 'date') return value;
    if (field.type === 'datetime') return dateIn(value, timeZone);
  }
  return dateIn(record.updatedAt, timeZone);
}

/** The baseline window around a randomization day: same day, or up to windowBefore days before. */
export function baselineWindow(study: StudyDefinition, randomizationDate: string) {
  const visit = baselineVisitOf(study);
  return {
    from: addDays(randomizationDate, -visit.windowBefore),
    to: addDays(randomizationDate, visit.windowAfter),
  };
}

export function randomizationReadiness(study: StudyDefinition, facts: ReadinessFacts): ReadinessCondition[] {
  const baselineVisit = baselineVisitOf(study).code;
  const window = baselineWindow(study, facts.today);
  const conditions: ReadinessCondition[] = [
    { key: 'eligible', code: 'NOT_ELIGIBLE', met: facts.eligible === true, params: {} },
    { key: 'consented', code: 'CONSENT_REQUIRED', met: facts.consentDate !== null, params: {} },
    // Screening ended, screen failure or withdrawal: only an enrolled participant is randomized.
    { key: 'enrolled', code: 'NOT_ENROLLED', met: facts.status === 'enrolled', params: {} },
  ];
  for (const formCode of study.roles.baselineRequiredForms) {
    const form = study.forms.find((f) => f.code === formCode);
    const record = facts.records.find(
      (r) => r.visitCode === baselineVisit && r.formCode === formCode && isCompleteRecordStatus(r.status),
    );
    const complete = form !== undefined && record !== undefined && hasScore(form, record.data);
    conditions.push({
      key: `baseline:${formCode}`,
      code: 'BASELINE_INCOMPLETE',
      met: complete,
      params: { form: formCode },
    });
    const assessed = form && record ? assessmentDate(form, record, facts.timeZone) : null;
    conditions.push({
      key: `window:${formCode}`,
      code: 'BASELINE_OUT_OF_WINDOW',
      met: assessed !== null && assessed >= window.from && assessed <= window.to,
      params: { form: formCode, from: window.from, to: window.to },
    });
  }
  return conditions;
}

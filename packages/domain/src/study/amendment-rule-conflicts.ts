import { type FormRuleContext, formRuleIssues } from '../forms/form-rules';
import type { DefinitionChange } from './definition-diff';
import type { FormField, StudyDefinition } from './definition-schema';
import { visitRoleOf } from './roles';

/**
 * The conflicts of a tightened rule with a record already entered (R-DEF-5; docs/study-definition.md
 * "Amendments"), as for a narrowed range: a completed record that leaves empty a field the
 * amendment makes required (always, or on a condition it now meets), and a date the amendment's
 * new date limits or narrower plausible dates refuse. Each is judged with the rule the amendment
 * changes alone, in the record's own context (its visit's role, the participant's milestones).
 */

export interface RuleCheckedRecord {
  /** Its participant's milestones: screening and consent dates, the randomization instant. */
  events?: FormRuleContext['events'];
  visitCode: string;
  formCode: string;
  data: Record<string, unknown>;
  /** Completed (complete, signed or locked): required fields are judged. */
  complete?: boolean;
}

export interface RuleClock {
  /** Today in the trial's time zone (YYYY-MM-DD); a bound against today is skipped without it. */
  today?: string;
  timeZone?: string;
}

export type RuleProblem = 'required_value_missing' | 'date_out_of_limits';

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function contextOf(
  after: StudyDefinition,
  record: RuleCheckedRecord,
  clock: RuleClock,
  plausibleDates?: StudyDefinition['plausibleDates'],
): FormRuleContext {
  return {
    visitRole: visitRoleOf(after, record.visitCode),
    today: clock.today ?? '',
    timeZone: clock.timeZone ?? 'UTC',
    events: record.events ?? {},
    plausibleDates,
  };
}

/** A field without its own rules (the plausible dates alone are then checked). */
function bare({ requiredWhen: _when, notBefore: _before, notAfter: _after, ...field }: FormField): FormField {
  return field;
}

/** The issues of one field alone under the given context and rules. */
function fieldIssues(
  field: FormField,
  record: RuleCheckedRecord,
  mode: 'draft' | 'complete',
  context: FormRuleContext,
) {
  const form = { code: record.formCode, label: { en: '', tr: '' }, repeating: false, fields: [field] };
  return formRuleIssues(form, record.data, mode, context);
}

/** The problem a change of `field`'s own rules makes for `record`, if any. */
export function fieldRuleProblem(
  after: StudyDefinition,
  { change }: DefinitionChange,
  field: FormField,
  record: RuleCheckedRecord,
  clock: RuleClock,
): RuleProblem | null {
  if (field.derived) return null;
  const value = record.data[field.name];
  if (change === 'field_required_changed' || change === 'field_condition_changed') {
    if (!record.complete || !isEmpty(value)) return null;
    if (change === 'field_required_changed') return field.required ? 'required_value_missing' : null;
    const issues = fieldIssues(field, record, 'complete', contextOf(after, record, clock));
    return issues.some((i) => i.code === 'FIELD_REQUIRED_WHEN') ? 'required_value_missing' : null;
  }
  if (change === 'field_date_limits_changed' && !isEmpty(value)) {
    return fieldIssues(field, record, 'draft', contextOf(after, record, clock)).length > 0
      ? 'date_out_of_limits'
      : null;
  }
  return null;
}

/** The fields of `record` whose dates fall outside the amendment's plausible dates. */
export function implausibleDates(
  after: StudyDefinition,
  record: RuleCheckedRecord,
  clock: RuleClock,
): string[] {
  const form = after.forms.find((f) => f.code === record.formCode);
  if (!form || !after.plausibleDates) return [];
  const context = contextOf(after, record, clock, after.plausibleDates);
  return form.fields
    .filter((f) => (f.type === 'date' || f.type === 'datetime') && !isEmpty(record.data[f.name]))
    .filter((f) => {
      return fieldIssues(bare(f), record, 'draft', context).length > 0;
    })
    .map((f) => f.name);
}

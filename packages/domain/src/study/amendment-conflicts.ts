import {
  fieldRuleProblem,
  implausibleDates,
  type RuleCheckedRecord,
  type RuleClock,
} from './amendment-rule-conflicts';
import type { DefinitionChange } from './definition-diff';
import type { FormField, StudyDefinition } from './definition-schema';
import { formsOfVisit } from './roles';

/**
 * What an amendment would invalidate or orphan among the data already entered (R-DEF-5): a record
 * of a removed visit or form, a value in a removed field, a value outside a narrowed range or of a
 * changed type, a choice in use that was removed, a scheduled visit that was removed. Only what
 * the amendment changes is checked, so data the previous version accepted stays accepted.
 */
export const amendmentConflictKinds = [
  'record_orphaned',
  'scheduled_visit_removed',
  'field_removed_with_data',
  'field_type_changed_with_data',
  'value_out_of_range',
  'choice_removed_in_use',
  'required_value_missing',
  'date_out_of_limits',
] as const;
export type AmendmentConflictKind = (typeof amendmentConflictKinds)[number];

export interface AmendmentConflict {
  problem: AmendmentConflictKind;
  /** The participant's study id, the visit, and (for records) the form, field and value. */
  studyId: string;
  visit: string;
  form?: string;
  field?: string;
  value?: string;
}

/** A record as the check needs it: whose, where, its data, whether completed, its participant's milestones. */
export interface EnteredRecord extends RuleCheckedRecord {
  studyId: string;
}

export interface EnteredData extends RuleClock {
  records: readonly EnteredRecord[];
  /** Visits on participants' schedules (created at randomization or by an amendment). */
  scheduledVisits: readonly { studyId: string; visitCode: string }[];
}

const hasValue = (v: unknown) =>
  v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

function outOfRange(field: FormField, value: unknown): boolean {
  if (typeof value !== 'number') return false;
  return (field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max);
}

function fieldOf(def: StudyDefinition, form: string, field: string): FormField | undefined {
  return def.forms.find((f) => f.code === form)?.fields.find((f) => f.name === field);
}

/** The conflicts of one record with the changes, naming the record. */
function recordConflicts(
  after: StudyDefinition,
  changes: readonly DefinitionChange[],
  record: EnteredRecord,
  clock: RuleClock,
): AmendmentConflict[] {
  const where = { studyId: record.studyId, visit: record.visitCode, form: record.formCode };
  if (!formsOfVisit(after, record.visitCode)?.includes(record.formCode))
    return [{ problem: 'record_orphaned', ...where }];
  const out: AmendmentConflict[] = [];
  const valueText = (name: string) => JSON.stringify(record.data[name] ?? null);
  if (changes.some((c) => c.change === 'setting_changed' && c.params.setting === 'plausibleDates')) {
    for (const name of implausibleDates(after, record, clock))
      out.push({ problem: 'date_out_of_limits', ...where, field: name, value: valueText(name) });
  }
  for (const amended of changes) {
    const { change, params } = amended;
    if (params.form !== record.formCode || params.field === undefined) continue;
    const field = fieldOf(after, record.formCode, params.field);
    const problem = field && fieldRuleProblem(after, amended, field, record, clock);
    if (problem === 'required_value_missing') out.push({ problem, ...where, field: params.field, value: '' });
    if (problem === 'date_out_of_limits')
      out.push({ problem, ...where, field: params.field, value: valueText(params.field) });
    const value = record.data[params.field];
    if (!hasValue(value)) continue;
    const conflict = { ...where, field: params.field, value: JSON.stringify(value) };
    if (change === 'field_removed') out.push({ problem: 'field_removed_with_data', ...conflict });
    if (change === 'field_type_changed') out.push({ problem: 'field_type_changed_with_data', ...conflict });
    if (change === 'field_range_changed' && field && outOfRange(field, value))
      out.push({ problem: 'value_out_of_range', ...conflict });
    if (change === 'choice_removed') {
      const used = Array.isArray(value) ? value : [value];
      if (used.includes(params.choice))
        out.push({ problem: 'choice_removed_in_use', ...conflict, value: params.choice ?? '' });
    }
  }
  return out;
}

/** Every conflict of the amendment `changes` (before → after) with the entered data. */
export function amendmentConflicts(
  after: StudyDefinition,
  changes: readonly DefinitionChange[],
  data: EnteredData,
): AmendmentConflict[] {
  const removedVisits = new Set(
    changes.filter((c) => c.change === 'visit_removed').map((c) => c.params.visit),
  );
  const out: AmendmentConflict[] = [];
  for (const v of data.scheduledVisits) {
    if (removedVisits.has(v.visitCode))
      out.push({ problem: 'scheduled_visit_removed', studyId: v.studyId, visit: v.visitCode });
  }
  for (const record of data.records) out.push(...recordConflicts(after, changes, record, data));
  return out;
}

import type { FormDefinition, StudyDefinition } from '../study/definition-schema';
import { type AccessSubject, can, isBlinded } from './policy';

/**
 * What a blinded viewer may not see, from the study definition's `blinding` section
 * (docs/architecture.md "Access and blinding", R-BLIND-2). Hidden means absent: a hidden record is
 * not in any list and its id answers like an id that does not exist; a hidden field is not in the
 * record's data; nothing says that something was left out.
 */
export interface BlindView {
  /** Forms whose records are hidden whole. */
  hiddenForms: ReadonlySet<string>;
  /** Per visible form, the fields it may show (absent = every field but revealing ones). */
  onlyFields: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per form, fields dropped from otherwise visible records. */
  revealingFields: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per `form.field`, choice values that drop the field when stored. */
  revealingValues: ReadonlyMap<string, ReadonlySet<string>>;
}

function group(refs: readonly { form: string; field: string }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of refs) out.set(r.form, (out.get(r.form) ?? new Set()).add(r.field));
  return out;
}

/** The definition's blinding rules, whoever asks. */
export function blindRules(def: StudyDefinition): BlindView {
  const b = def.blinding;
  const safe = group(b.safeFields);
  const revealing = new Set([...def.arms.map((a) => a.interventionForm), ...b.revealingForms]);
  const hiddenForms = new Set([...revealing].filter((f) => !safe.has(f)));
  const onlyFields = new Map([...safe].filter(([form]) => revealing.has(form)));
  const revealingValues = new Map<string, Set<string>>();
  for (const r of b.revealingValues) {
    const key = `${r.form}.${r.field}`;
    revealingValues.set(key, new Set([...(revealingValues.get(key) ?? []), ...r.values]));
  }
  return { hiddenForms, onlyFields, revealingFields: group(b.revealingFields), revealingValues };
}

/** The rules that apply to this viewer, or null when the viewer sees everything. */
export function blindViewFor(
  subject: AccessSubject | null | undefined,
  def: StudyDefinition,
): BlindView | null {
  return isBlinded(subject) ? blindRules(def) : null;
}

/** May the viewer see records of this form at all? */
export function formVisible(view: BlindView | null, formCode: string): boolean {
  return view === null || !view.hiddenForms.has(formCode);
}

function fieldVisible(view: BlindView, formCode: string, field: string): boolean {
  const only = view.onlyFields.get(formCode);
  if (only && !only.has(field)) return false;
  return !view.revealingFields.get(formCode)?.has(field);
}

function valueReveals(view: BlindView, formCode: string, field: string, value: unknown): boolean {
  const values = view.revealingValues.get(`${formCode}.${field}`);
  if (!values) return false;
  const stored = Array.isArray(value) ? value : [value];
  return stored.some((v) => typeof v === 'string' && values.has(v));
}

/**
 * A record's data as the viewer may see it: null when the record is hidden, else the data
 * without hidden fields and without fields holding a revealing value.
 */
export function redactRecordData(
  view: BlindView | null,
  formCode: string,
  data: Record<string, unknown>,
): Record<string, unknown> | null {
  if (view === null) return data;
  if (!formVisible(view, formCode)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (fieldVisible(view, formCode, k) && !valueReveals(view, formCode, k, v)) out[k] = v;
  }
  return out;
}

/**
 * Forms a blinded viewer sees in full: visible forms that are not revealing at all, so not the
 * safe-field remnants of a revealing form.
 */
export function formsOpenToDiscussion(view: BlindView, def: StudyDefinition): string[] {
  return def.forms.map((f) => f.code).filter((code) => formVisible(view, code) && !view.onlyFields.has(code));
}

/**
 * Forms whose queries a blinded viewer may read. Query text is free text written by people who
 * know the arm, so only the outcome forms the blinded assessor works on are discussed with them.
 */
export function formsWithQueriesFor(view: BlindView, def: StudyDefinition): string[] {
  const open = new Set(formsOpenToDiscussion(view, def));
  return def.roles.outcomeForms.filter((code) => open.has(code));
}

/**
 * Does the viewer see records of this form whole: no field or value of it ever withheld? Only
 * then may free text written about such a record (a reason for change) reach the viewer.
 */
export function formShownInFull(view: BlindView | null, formCode: string): boolean {
  if (view === null) return true;
  if (!formVisible(view, formCode) || view.onlyFields.has(formCode)) return false;
  if ((view.revealingFields.get(formCode)?.size ?? 0) > 0) return false;
  return ![...view.revealingValues.keys()].some((key) => key.startsWith(`${formCode}.`));
}

/** A visit's free-text columns (audit `changes` keys), hidden from blinded viewers like the text. */
export const visitFreeTextColumns: readonly string[] = ['out_of_window_reason', 'missed_reason'];

/**
 * A visit as the viewer may see it. Why a visit was missed or fell outside its window is free text
 * written by people who know the arm ("missed: injection site pain"), so, like query text, it
 * never reaches a blinded viewer (R-BLIND-2): the keys are absent, not blanked.
 */
export function visitAsSeenBy<V extends { outOfWindowReason?: string | null; missedReason?: string | null }>(
  view: BlindView | null,
  visit: V,
): Omit<V, 'outOfWindowReason' | 'missedReason'> {
  if (view === null) return visit;
  const { outOfWindowReason: _reason, missedReason: _missed, ...rest } = visit;
  return rest;
}

/** May the viewer see this field of a record of this form (never mind its value)? */
export function fieldOfFormVisible(view: BlindView | null, formCode: string, field: string): boolean {
  return view === null || (formVisible(view, formCode) && fieldVisible(view, formCode, field));
}

/**
 * An audit row's changes (`data.<field>` keys and record columns) as the viewer may see them:
 * without hidden fields and without fields whose old or new value reveals the arm.
 */
export function redactAuditChanges(
  view: BlindView | null,
  formCode: string,
  changes: Record<string, [unknown, unknown]>,
): Record<string, [unknown, unknown]> {
  if (view === null) return changes;
  const out: Record<string, [unknown, unknown]> = {};
  for (const [key, pair] of Object.entries(changes)) {
    const field = key.startsWith('data.') ? key.slice(5) : null;
    if (field === null) {
      out[key] = pair;
    } else if (
      fieldVisible(view, formCode, field) &&
      !valueReveals(view, formCode, field, pair[0]) &&
      !valueReveals(view, formCode, field, pair[1])
    ) {
      out[key] = pair;
    }
  }
  return out;
}

/** The names of fields a change may mention to the viewer (audit "fields changed" lists). */
export function visibleFieldNames(
  view: BlindView | null,
  formCode: string,
  names: readonly string[],
): string[] {
  if (view === null) return [...names];
  if (!formVisible(view, formCode)) return [];
  return names.filter((n) => fieldVisible(view, formCode, n));
}

/** A form's definition as the viewer may see it (data dictionary, ODM metadata, export columns). */
export function visibleFormDefinition(view: BlindView | null, form: FormDefinition): FormDefinition | null {
  if (view === null) return form;
  if (!formVisible(view, form.code)) return null;
  const fields = form.fields
    .filter((f) => fieldVisible(view, form.code, f.name))
    .map((f) => {
      const values = view.revealingValues.get(`${form.code}.${f.name}`);
      if (!values || !f.allowedValues) return f;
      return { ...f, allowedValues: f.allowedValues.filter((v) => !values.has(v.code)) };
    });
  return fields.length === 0 ? null : { ...form, fields };
}

/** Forms a viewer may enter: all, or the definition's outcome forms (R-BLIND-1). */
export function canEnterForm(
  subject: AccessSubject | null | undefined,
  def: StudyDefinition,
  formCode: string,
): boolean {
  if (!def.forms.some((f) => f.code === formCode)) return false;
  if (can(subject, 'enter_all_forms')) return true;
  return can(subject, 'enter_outcome_forms') && def.roles.outcomeForms.includes(formCode);
}

/**
 * Words that tell the arm, for the leak tests: arm codes and labels (English and Turkish),
 * intervention form codes and the names of their fields that appear nowhere else, and the codes
 * and labels of revealing choice values.
 */
export function armRevealingTerms(def: StudyDefinition): string[] {
  const terms = new Set<string>();
  for (const arm of def.arms) {
    terms.add(arm.code);
    terms.add(arm.label.en);
    terms.add(arm.label.tr);
    terms.add(arm.interventionForm);
  }
  const forms = new Map(def.forms.map((f) => [f.code, f]));
  for (const r of def.blinding.revealingValues) {
    const field = forms.get(r.form)?.fields.find((f) => f.name === r.field);
    for (const value of r.values) {
      terms.add(value);
      const option = field?.allowedValues?.find((v) => v.code === value);
      if (option) {
        terms.add(option.label.en);
        terms.add(option.label.tr);
      }
    }
  }
  return [...terms];
}

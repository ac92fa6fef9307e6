import type { FormDefinition, FormField, StudyDefinition, VisitDefinition } from './definition-schema';

/**
 * What an amendment changes, computed from two versions of the study definition
 * (docs/study-definition.md, "Amendments"; R-DEF-5). Each change is a code with parameters, so the
 * web words it in English and Turkish and the audit trail keeps it as data.
 */
export const definitionChangeKinds = [
  'visit_added',
  'visit_removed',
  'visit_label_changed',
  'visit_schedule_changed',
  'visit_form_added',
  'visit_form_removed',
  'form_added',
  'form_removed',
  'form_label_changed',
  'form_settings_changed',
  'field_added',
  'field_removed',
  'field_label_changed',
  'field_type_changed',
  'field_range_changed',
  'field_required_changed',
  'field_settings_changed',
  'field_condition_changed',
  'field_date_limits_changed',
  'choice_added',
  'choice_removed',
  'choice_label_changed',
  'criterion_added',
  'criterion_removed',
  'criterion_text_changed',
  'consent_version_added',
  'consent_version_removed',
  'consent_version_changed',
  'setting_changed',
] as const;
export type DefinitionChangeKind = (typeof definitionChangeKinds)[number];

export interface DefinitionChange {
  change: DefinitionChangeKind;
  /** visit, form, field, choice, criterion, version or setting: whichever the change is about. */
  params: Record<string, string>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Added, removed and kept keys, in the order of the newer list then the removed ones. */
function matchUp<T>(before: readonly T[], after: readonly T[], key: (item: T) => string) {
  const old = byKey(before, key);
  const next = byKey(after, key);
  return {
    added: after.filter((item) => !old.has(key(item))),
    removed: before.filter((item) => !next.has(key(item))),
    kept: after.flatMap((item) => {
      const was = old.get(key(item));
      return was ? [[was, item] as const] : [];
    }),
  };
}

function visitChanges(before: readonly VisitDefinition[], after: readonly VisitDefinition[]) {
  const out: DefinitionChange[] = [];
  const { added, removed, kept } = matchUp(before, after, (v) => v.code);
  for (const v of added) out.push({ change: 'visit_added', params: { visit: v.code } });
  for (const v of removed) out.push({ change: 'visit_removed', params: { visit: v.code } });
  for (const [was, now] of kept) {
    const visit = now.code;
    if (!same(was.label, now.label)) out.push({ change: 'visit_label_changed', params: { visit } });
    const schedule = (v: VisitDefinition) => [v.kind, v.anchor, v.dayOffset, v.windowBefore, v.windowAfter];
    if (!same(schedule(was), schedule(now)))
      out.push({ change: 'visit_schedule_changed', params: { visit } });
    for (const form of now.forms.filter((f) => !was.forms.includes(f)))
      out.push({ change: 'visit_form_added', params: { visit, form } });
    for (const form of was.forms.filter((f) => !now.forms.includes(f)))
      out.push({ change: 'visit_form_removed', params: { visit, form } });
  }
  return out;
}

function fieldChanges(form: string, was: FormField, now: FormField): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  const params = { form, field: now.name };
  if (!same(was.label, now.label)) out.push({ change: 'field_label_changed', params });
  if (was.type !== now.type) out.push({ change: 'field_type_changed', params });
  if (was.min !== now.min || was.max !== now.max) out.push({ change: 'field_range_changed', params });
  if (was.required !== now.required) out.push({ change: 'field_required_changed', params });
  const settings = (f: FormField) => [f.unit, f.derived, f.default];
  if (!same(settings(was), settings(now))) out.push({ change: 'field_settings_changed', params });
  if (!same(was.requiredWhen, now.requiredWhen)) out.push({ change: 'field_condition_changed', params });
  if (!same([was.notBefore, was.notAfter], [now.notBefore, now.notAfter]))
    out.push({ change: 'field_date_limits_changed', params });
  const choices = matchUp(was.allowedValues ?? [], now.allowedValues ?? [], (c) => c.code);
  for (const c of choices.added) out.push({ change: 'choice_added', params: { ...params, choice: c.code } });
  for (const c of choices.removed)
    out.push({ change: 'choice_removed', params: { ...params, choice: c.code } });
  for (const [a, b] of choices.kept) {
    if (!same(a.label, b.label))
      out.push({ change: 'choice_label_changed', params: { ...params, choice: b.code } });
  }
  return out;
}

function formChanges(before: readonly FormDefinition[], after: readonly FormDefinition[]) {
  const out: DefinitionChange[] = [];
  const { added, removed, kept } = matchUp(before, after, (f) => f.code);
  for (const f of added) out.push({ change: 'form_added', params: { form: f.code } });
  for (const f of removed) out.push({ change: 'form_removed', params: { form: f.code } });
  for (const [was, now] of kept) {
    const form = now.code;
    if (!same(was.label, now.label)) out.push({ change: 'form_label_changed', params: { form } });
    if (!same([was.repeating, was.instrument], [now.repeating, now.instrument]))
      out.push({ change: 'form_settings_changed', params: { form } });
    const fields = matchUp(was.fields, now.fields, (f) => f.name);
    for (const f of fields.added) out.push({ change: 'field_added', params: { form, field: f.name } });
    for (const f of fields.removed) out.push({ change: 'field_removed', params: { form, field: f.name } });
    for (const [a, b] of fields.kept) out.push(...fieldChanges(form, a, b));
  }
  return out;
}

/** Top-level parts compared as a whole; visits, forms, criteria and consent have finer changes. */
const settings = [
  'id',
  'name',
  'nctId',
  'enrollment',
  'arms',
  'stratification',
  'randomization',
  'mcid',
  'blinding',
  'instruments',
  'roles',
  'plausibleDates',
  'visitDates',
] as const satisfies readonly (keyof StudyDefinition)[];

/** Every change from `before` to `after`, in a stable order (empty when they are the same). */
export function diffDefinitions(before: StudyDefinition, after: StudyDefinition): DefinitionChange[] {
  const out: DefinitionChange[] = [...visitChanges(before.visits, after.visits)];
  out.push(...formChanges(before.forms, after.forms));
  const criteria = matchUp(before.eligibility.criteria, after.eligibility.criteria, (c) => c.id);
  for (const c of criteria.added) out.push({ change: 'criterion_added', params: { criterion: c.id } });
  for (const c of criteria.removed) out.push({ change: 'criterion_removed', params: { criterion: c.id } });
  for (const [a, b] of criteria.kept) {
    if (
      !same(
        [a.kind, a.textEn, a.textTr, a.expected, a.derivedFrom],
        [b.kind, b.textEn, b.textTr, b.expected, b.derivedFrom],
      )
    )
      out.push({ change: 'criterion_text_changed', params: { criterion: b.id } });
  }
  if (!same(before.eligibility.limits, after.eligibility.limits))
    out.push({ change: 'setting_changed', params: { setting: 'eligibility.limits' } });
  const consent = matchUp(before.consentVersions, after.consentVersions, (c) => c.version);
  for (const c of consent.added)
    out.push({ change: 'consent_version_added', params: { version: c.version } });
  for (const c of consent.removed)
    out.push({ change: 'consent_version_removed', params: { version: c.version } });
  for (const [a, b] of consent.kept) {
    if (a.effectiveFrom !== b.effectiveFrom)
      out.push({ change: 'consent_version_changed', params: { version: b.version } });
  }
  for (const key of settings) {
    if (!same(before[key], after[key])) out.push({ change: 'setting_changed', params: { setting: key } });
  }
  return out;
}

import { type FormField, type LocalizedText, visitLabelOf, visitRank } from '@mini-edc/domain';
import { study } from '../forms/study';
import { i18n } from '../i18n';

/**
 * Names of the study definition's visits, forms and fields in the interface language, for the
 * review screens. The API serves this same definition, so codes in its answers resolve here.
 */

function pick(text: LocalizedText, language: string): string {
  return language === 'tr' ? text.tr : text.en;
}

/** Visits in schedule order, then treatment and unscheduled, then anything unknown. */
export function visitOrder(code: string): number {
  return visitRank(study, code);
}

export function visitLabel(code: string, language: string): string {
  const label = visitLabelOf(study, code);
  return label ? pick(label, language) : code;
}

export function formLabel(code: string, language: string): string {
  const form = study.forms.find((f) => f.code === code);
  return form ? pick(form.label, language) : code;
}

export function formFields(code: string): readonly FormField[] {
  return study.forms.find((f) => f.code === code)?.fields ?? [];
}

export const studyForms = () => study.forms;

/** A field of a form by name ("vas_mm") or by its audit path ("data.vas_mm"). */
export function findField(formCode: string | null | undefined, name: string): FormField | undefined {
  const bare = name.startsWith('data.') ? name.slice(5) : name;
  if (formCode) return formFields(formCode).find((f) => f.name === bare);
  return undefined;
}

export function fieldLabel(formCode: string | null | undefined, name: string, language: string): string {
  const field = findField(formCode, name);
  if (!field) return name;
  return field.unit ? `${pick(field.label, language)} (${field.unit})` : pick(field.label, language);
}

/** A stored value as a person reads it: choice labels in the interface language, "—" for none. */
export function valueText(value: unknown, language: string, field?: FormField): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field?.type === 'datetime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return new Intl.DateTimeFormat(language === 'tr' ? 'tr-TR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'long',
    }).format(new Date(value));
  }
  const one = (v: unknown): string => {
    const option = field?.allowedValues?.find((o) => o.code === v);
    if (option) return pick(option.label, language);
    const yesNo = field?.type === 'yes_no' || typeof v === 'boolean';
    if (yesNo && (v === true || v === 'yes')) return i18n.t('monitor.common.yes');
    if (yesNo && (v === false || v === 'no')) return i18n.t('monitor.common.no');
    if (typeof v === 'object' && v !== null) return JSON.stringify(v);
    return String(v);
  };
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(one).join(', ');
  return one(value);
}

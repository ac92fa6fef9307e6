import {
  dateEvents,
  type FormDefinition,
  type FormIssueCode,
  formIssueCodes,
  type InstrumentRule,
  instrumentRules,
} from '@mini-edc/domain';
import type { TFunction } from 'i18next';
import { localized } from './study';

export interface CodedIssue {
  code?: string | undefined;
  params?: Record<string, string | number> | undefined;
}

const isIssueCode = (code: unknown): code is FormIssueCode =>
  typeof code === 'string' && (formIssueCodes as readonly string[]).includes(code);
const isRule = (value: string): value is InstrumentRule =>
  (instrumentRules as readonly string[]).includes(value);
const isEvent = (value: unknown): value is (typeof dateEvents)[number] =>
  typeof value === 'string' && (dateEvents as readonly string[]).includes(value);

/**
 * A refused value of a study form (a code with parameters from `validateFormData`, given by the
 * web's own check or by the server) worded in the interface language, with the field's label and
 * the labels of the values and fields it names; null for a code that is not a form issue.
 */
export function formIssueText(
  form: FormDefinition,
  fieldName: string,
  issue: CodedIssue,
  t: TFunction,
  language: string,
): string | null {
  const { code } = issue;
  if (!isIssueCode(code)) return null;
  const params = issue.params ?? {};
  const fieldOf = (name: unknown) => form.fields.find((f) => f.name === name);
  const field = fieldOf(fieldName);
  const label = field ? localized(field.label, language) : fieldName;
  const valueLabel = (name: unknown, value: string) => {
    const option = fieldOf(name)?.allowedValues?.find((v) => v.code === value);
    if (option) return localized(option.label, language);
    if (value === 'yes' || value === 'no') return t(`participants.${value}`);
    return value;
  };
  const date = String(params.date ?? '');
  switch (code) {
    case 'FIELD_REQUIRED':
      return t('participants.formErrors.required', { label });
    case 'FIELD_REQUIRED_WHEN': {
      const other = fieldOf(params.field);
      return t('participants.formErrors.requiredWhen', {
        label,
        other: other ? localized(other.label, language) : String(params.field ?? ''),
        value: valueLabel(params.field, String(params.value ?? '')),
      });
    }
    case 'FIELD_TYPE':
      switch (field?.type) {
        case 'integer':
          return t('participants.formErrors.integer', { label });
        case 'decimal':
          return t('participants.formErrors.number', { label });
        case 'date':
          return t('participants.formErrors.date', { label });
        case 'datetime':
          return t('participants.formErrors.datetime', { label });
        case 'yes_no':
          return t('participants.formErrors.yesNo', { label });
        case 'boolean':
          return t('participants.formErrors.boolean', { label });
        case 'choice':
        case 'multi_choice':
          return t('participants.formErrors.choose', { label });
        default:
          return t('participants.formErrors.text', { label });
      }
    case 'FIELD_MIN':
      return t('participants.formErrors.min', { label, min: params.min ?? field?.min ?? 0 });
    case 'FIELD_MAX':
      return t('participants.formErrors.max', { label, max: params.max ?? field?.max ?? 0 });
    case 'FIELD_TOO_LONG':
      return t('participants.formErrors.tooLong', { label, max: params.max ?? 0 });
    case 'FIELD_NOT_ALLOWED': {
      if (field?.type === 'choice' || field?.type === 'multi_choice') {
        return t('participants.formErrors.choose', { label });
      }
      const allowed = String(params.allowed ?? '')
        .split(', ')
        .filter(Boolean)
        .map((v) => valueLabel(fieldName, v))
        .join(', ');
      return t('participants.formErrors.notAllowed', { label, allowed });
    }
    case 'FIELD_UNKNOWN':
      return t('participants.formErrors.unknown');
    case 'TEXT_INVALID_CHARACTERS':
      return t('participants.formErrors.badCharacters', { label });
    case 'DATE_TOO_EARLY':
    case 'DATE_TOO_LATE': {
      const early = code === 'DATE_TOO_EARLY';
      if (params.kind === 'date') {
        return t(early ? 'participants.formErrors.tooEarlyFixed' : 'participants.formErrors.tooLateFixed', {
          label,
          date,
        });
      }
      const boundField = fieldOf(params.ref);
      const what = isEvent(params.ref)
        ? t(`participants.dateBounds.${params.ref}`)
        : boundField
          ? localized(boundField.label, language)
          : String(params.ref ?? '');
      return t(early ? 'participants.formErrors.tooEarly' : 'participants.formErrors.tooLate', {
        label,
        what,
        date,
      });
    }
    case 'FIELD_INVALID': {
      // An instrument's own rule (VAS, ODI) names itself, so the person reads why.
      const rule = params.rule;
      if (typeof rule === 'string' && isRule(rule)) {
        return t(`participants.formErrors.rules.${rule}`, { ...params, label });
      }
      return t('participants.formErrors.invalid', { label });
    }
  }
}

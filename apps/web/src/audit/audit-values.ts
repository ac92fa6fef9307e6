import type { AuditEntity, AuditEntry } from '@mini-edc/domain';
import type { TFunction } from 'i18next';
import { fieldLabel, findField, formLabel, valueText, visitLabel } from '../review/study-labels';

/**
 * How the audit review words one changed item and its values (R-AUDIT-5): a form field by its
 * label from the study definition, a column by the catalogue, values as a reader knows them
 * (choice labels, statuses, dates in the interface language, "empty" for none). Technical keys are
 * never passed here: the table leaves them to the CSV copy.
 */
type Change = AuditEntry['changes'][number];

export interface ReviewFormat {
  local: (iso: string) => string;
  date: (iso: string) => string;
}

const statusCatalogue: Partial<Record<AuditEntity, string>> = {
  form_record: 'monitor.recordStatus',
  participant: 'monitor.participantStatus',
  query: 'monitor.queryStatus',
  visit: 'auditWords.visitStatus',
};

const dateOnly = /^\d{4}-\d\d-\d\d$/;
const instant = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

export function itemLabel(change: Change, formCode: string | null, t: TFunction, language: string): string {
  const { item } = change;
  if (item.kind === 'field') return fieldLabel(formCode, item.code, language);
  if (item.kind === 'column') return t(`auditWords.columns.${item.code}`);
  return '';
}

function plain(value: unknown, t: TFunction, format: ReviewFormat): string {
  if (value === null || value === undefined || value === '') return t('auditWords.empty');
  if (typeof value === 'boolean') return t(value ? 'monitor.common.yes' : 'monitor.common.no');
  if (typeof value === 'string' && dateOnly.test(value)) return format.date(`${value}T00:00:00Z`);
  if (typeof value === 'string' && instant.test(value) && !Number.isNaN(Date.parse(value))) {
    return format.local(value);
  }
  if (Array.isArray(value)) return value.length === 0 ? t('auditWords.empty') : value.map(String).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join('; ');
  }
  return String(value);
}

export function itemValue(
  value: unknown,
  change: Change,
  entry: Pick<AuditEntry, 'entity' | 'formCode' | 'actor'>,
  t: TFunction,
  language: string,
  format: ReviewFormat,
): string {
  if (value === null || value === undefined || value === '') return t('auditWords.empty');
  const { item } = change;
  if (item.kind === 'field') {
    const field = findField(entry.formCode, item.code);
    if (field?.type === 'datetime' || field?.type === 'date') return plain(value, t, format);
    // A user reference is an account id: the row's actor when they named themselves (the default).
    if (field?.type === 'user_ref') {
      return value === entry.actor.id
        ? (entry.actor.label ?? t('auditWords.otherUser'))
        : t('auditWords.otherUser');
    }
    return valueText(value, language, field);
  }
  if (item.kind !== 'column' || typeof value !== 'string') return plain(value, t, format);
  if (item.code === 'visit_code') return visitLabel(value, language);
  if (item.code === 'form_code') return formLabel(value, language);
  if (item.code === 'role') return t(`roles.${value}`, { defaultValue: value });
  const catalogue = item.code === 'status' ? statusCatalogue[entry.entity] : undefined;
  if (catalogue) return t(`${catalogue}.${value}`, { defaultValue: value });
  return plain(value, t, format);
}

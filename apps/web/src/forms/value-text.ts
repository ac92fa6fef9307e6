import type { FormField } from '@mini-edc/domain';
import { i18n } from '../i18n';
import { localized } from './study';

/** A stored value as a person reads it: choice labels in the interface language, lists joined. */
export function valueText(field: FormField | undefined, value: unknown, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const labelOf = (code: unknown) => {
    const option = field?.allowedValues?.find((v) => v.code === code);
    if (option) return localized(option.label, language);
    if (field?.type === 'yes_no' || field?.type === 'boolean') {
      const yes = i18n.t('participants.yes');
      const no = i18n.t('participants.no');
      if (code === 'yes' || code === true) return yes;
      if (code === 'no' || code === false) return no;
    }
    return String(code);
  };
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(labelOf).join(', ');
  if (field?.type === 'datetime' && typeof value === 'string') {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      return new Intl.DateTimeFormat(language === 'tr' ? 'tr-TR' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(d);
    }
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return labelOf(value);
}

import type { AllowedValue, FormField, LocalizedText } from './definition-schema';

/** Short builders that keep the concrete study definition readable. */
export function text(en: string, tr: string): LocalizedText {
  return { en, tr };
}

export function option(code: string, en: string, tr: string): AllowedValue {
  return { code, label: { en, tr } };
}

type FieldExtras = Partial<Omit<FormField, 'name' | 'label' | 'type'>>;

export function field(
  name: string,
  label: LocalizedText,
  type: FormField['type'],
  extras: FieldExtras = {},
): FormField {
  return { name, label, type, required: true, ...extras };
}

export const YES_NO_ONLY_YES: AllowedValue[] = [option('yes', 'Yes', 'Evet')];

import type { FormDefinition, FormField } from '@mini-edc/domain';
import { formatLocaleNumber, parseLocaleNumber } from './locale-number';

/** What the inputs hold: text for typed-in values, arrays for checkboxes, booleans for switches. */
type FieldValue = string | string[] | boolean;
export type RawData = Record<string, FieldValue>;

export function enteredFields(form: FormDefinition): FormField[] {
  return form.fields.filter((f) => !f.derived);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → the value of a datetime-local input in the browser's zone. */
function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Now, as a datetime-local value. */
export function nowLocalInput(): string {
  return isoToLocalInput(new Date().toISOString());
}

/** Stored record data → input values (numbers with the decimal separator of `language`). */
export function toFormValues(form: FormDefinition, data: Record<string, unknown>, language = 'en'): RawData {
  const out: RawData = {};
  for (const field of enteredFields(form)) {
    const value = data[field.name];
    switch (field.type) {
      case 'multi_choice':
        out[field.name] = Array.isArray(value) ? value.map(String) : [];
        break;
      case 'boolean':
        out[field.name] = value === true;
        break;
      case 'datetime':
        out[field.name] = typeof value === 'string' ? isoToLocalInput(value) : '';
        break;
      default:
        out[field.name] =
          value === null || value === undefined
            ? ''
            : typeof value === 'number'
              ? formatLocaleNumber(value, language)
              : String(value);
    }
  }
  return out;
}

/**
 * Input values → the data the API validates with `formDataSchema`: blanks become null, numbers
 * are parsed with the decimal separator of `language` (an unparsable entry stays NaN so the schema
 * names it), local date-times become ISO instants. Only the form's own fields are sent (the schema
 * is strict).
 */
export function fromFormValues(
  form: FormDefinition,
  raw: unknown,
  original: Record<string, unknown> = {},
  language = 'en',
): Record<string, unknown> {
  const values = (raw ?? {}) as Partial<RawData>;
  const out: Record<string, unknown> = {};
  for (const field of enteredFields(form)) {
    const value = values[field.name];
    if (field.type === 'multi_choice') {
      out[field.name] = Array.isArray(value) ? value : [];
      continue;
    }
    if (field.type === 'boolean') {
      out[field.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      out[field.name] = null;
      continue;
    }
    if (field.type === 'integer' || field.type === 'decimal') {
      out[field.name] = parseLocaleNumber(text, language);
    } else if (field.type === 'datetime') {
      const before = original[field.name];
      // The input shows minutes only: an unchanged value keeps its stored seconds exactly.
      if (typeof before === 'string' && isoToLocalInput(before) === text) {
        out[field.name] = before;
        continue;
      }
      const d = new Date(text);
      out[field.name] = Number.isNaN(d.getTime()) ? text : d.toISOString();
    } else {
      out[field.name] = text;
    }
  }
  return out;
}

/** Empty values for a new record, with any defaults the screen proposes. */
export function emptyFormValues(form: FormDefinition, defaults: Partial<RawData> = {}): RawData {
  return { ...toFormValues(form, {}), ...defaults } as RawData;
}

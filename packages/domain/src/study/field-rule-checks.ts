import type { DefinitionProblem } from './definition-checks';
import type { FormField, StudyDefinition } from './definition-schema';
import type { DateBound } from './field-rules';

const isDateType = (f: FormField | undefined) => f?.type === 'date' || f?.type === 'datetime';

/** The codes a field can hold, for checking the values a rule names (yes_no: yes and no). */
function codesOf(field: FormField): string[] | null {
  if (field.allowedValues) return field.allowedValues.map((v) => v.code);
  if (field.type === 'yes_no') return ['yes', 'no'];
  if (field.type === 'boolean') return ['true', 'false'];
  return null;
}

/**
 * The field rules of field-rules.ts point at fields that exist and fit: a condition names a field
 * of the same form and values it can hold; date bounds sit on date fields and name date fields;
 * allowed values of a yes/no field are yes or no.
 */
export function fieldRuleProblems(def: StudyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  def.forms.forEach((form, f) => {
    const byName = new Map(form.fields.map((x) => [x.name, x]));
    form.fields.forEach((field, i) => {
      const at = ['forms', f, 'fields', i];
      if (field.type === 'yes_no' && field.allowedValues) {
        field.allowedValues.forEach((v, k) => {
          if (v.code !== 'yes' && v.code !== 'no') {
            problems.push({
              path: [...at, 'allowedValues', k, 'code'],
              message: 'a yes/no field holds yes or no',
            });
          }
        });
      }
      const when = field.requiredWhen;
      if (when) {
        const other = byName.get(when.field);
        const codes = other ? codesOf(other) : null;
        if (!other || other.name === field.name) {
          problems.push({
            path: [...at, 'requiredWhen', 'field'],
            message: `field "${when.field}" is not another field of form "${form.code}"`,
          });
        } else if (codes) {
          when.in.forEach((value, k) => {
            if (!codes.includes(value)) {
              problems.push({
                path: [...at, 'requiredWhen', 'in', k],
                message: `"${value}" is not a value of field "${when.field}"`,
              });
            }
          });
        }
      }
      for (const side of ['notBefore', 'notAfter'] as const) {
        const bounds: DateBound[] = field[side] ?? [];
        if (bounds.length > 0 && !isDateType(field)) {
          problems.push({ path: [...at, side], message: `${side} applies to date and date-time fields` });
        }
        bounds.forEach((bound, k) => {
          if ('field' in bound && (!isDateType(byName.get(bound.field)) || bound.field === field.name)) {
            problems.push({
              path: [...at, side, k, 'field'],
              message: `field "${bound.field}" is not another date field of form "${form.code}"`,
            });
          }
        });
      }
    });
  });
  for (const side of ['notBefore', 'notAfter'] as const) {
    (def.visitDates?.[side] ?? []).forEach((bound, k) => {
      if ('field' in bound) {
        problems.push({
          path: ['visitDates', side, k, 'field'],
          message: 'a visit date is bounded by events and dates, not by a form field',
        });
      }
    });
  }
  const dates = def.plausibleDates;
  if (dates && dates.earliest > dates.latest) {
    problems.push({ path: ['plausibleDates', 'earliest'], message: 'earliest is after latest' });
  }
  return problems;
}

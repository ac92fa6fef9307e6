import { type DefinitionProblem, definitionProblem } from './definition-problems';
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
      const named = { form: form.code, field: field.name };
      if (field.type === 'yes_no' && field.allowedValues) {
        field.allowedValues.forEach((v, k) => {
          if (v.code !== 'yes' && v.code !== 'no') {
            problems.push(
              definitionProblem([...at, 'allowedValues', k, 'code'], 'DEF_YES_NO_CHOICE', {
                ...named,
                value: v.code,
              }),
            );
          }
        });
      }
      const when = field.requiredWhen;
      if (when) {
        const other = byName.get(when.field);
        const codes = other ? codesOf(other) : null;
        if (!other || other.name === field.name) {
          problems.push(
            definitionProblem([...at, 'requiredWhen', 'field'], 'DEF_CONDITION_FIELD', {
              ...named,
              other: when.field,
            }),
          );
        } else if (codes) {
          when.in.forEach((value, k) => {
            if (!codes.includes(value)) {
              problems.push(
                definitionProblem([...at, 'requiredWhen', 'in', k], 'DEF_CONDITION_VALUE', {
                  ...named,
                  other: when.field,
                  value,
                }),
              );
            }
          });
        }
      }
      for (const side of ['notBefore', 'notAfter'] as const) {
        const bounds: DateBound[] = field[side] ?? [];
        if (bounds.length > 0 && !isDateType(field)) {
          problems.push(definitionProblem([...at, side], 'DEF_DATE_LIMIT_NOT_DATE', named));
        }
        bounds.forEach((bound, k) => {
          if ('field' in bound && (!isDateType(byName.get(bound.field)) || bound.field === field.name)) {
            problems.push(
              definitionProblem([...at, side, k, 'field'], 'DEF_DATE_LIMIT_FIELD', {
                ...named,
                other: bound.field,
              }),
            );
          }
        });
      }
    });
  });
  for (const side of ['notBefore', 'notAfter'] as const) {
    (def.visitDates?.[side] ?? []).forEach((bound, k) => {
      if ('field' in bound) {
        problems.push(definitionProblem(['visitDates', side, k, 'field'], 'DEF_VISIT_DATE_LIMIT_FIELD'));
      }
    });
  }
  const dates = def.plausibleDates;
  if (dates && dates.earliest > dates.latest) {
    problems.push(
      definitionProblem(['plausibleDates', 'earliest'], 'DEF_EARLIEST_AFTER_LATEST', {
        earliest: dates.earliest,
        latest: dates.latest,
      }),
    );
  }
  return problems;
}

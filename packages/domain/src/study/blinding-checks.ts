import { type DefinitionProblem, definitionProblem } from './definition-problems';
import type { StudyDefinition } from './definition-schema';

/**
 * The blinding section names forms, fields and values that exist; an outcome form (roles.outcomeForms)
 * is never revealing (the blinded assessor enters it); a safe field is never free text, because text on a
 * revealing form can name the treatment.
 */
export function blindingProblems(def: StudyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const forms = new Map(def.forms.map((f) => [f.code, f]));
  const interventionForms = new Set(def.arms.map((a) => a.interventionForm));
  const revealing = new Set([...def.blinding.revealingForms, ...interventionForms]);
  const b = def.blinding;
  const formAt = (path: (string | number)[], code: string) => {
    if (forms.has(code)) return true;
    problems.push(definitionProblem(path, 'DEF_FORM_UNDEFINED', { form: code }));
    return false;
  };
  def.roles.outcomeForms.forEach((code, i) => {
    if (revealing.has(code)) {
      problems.push(
        definitionProblem(['roles', 'outcomeForms', i], 'DEF_OUTCOME_FORM_REVEALING', { form: code }),
      );
    }
  });
  b.revealingForms.forEach((code, i) => {
    formAt(['blinding', 'revealingForms', i], code);
  });
  const fieldAt = (list: 'safeFields' | 'revealingFields' | 'revealingValues', i: number) => {
    const ref = b[list][i];
    if (!ref || !formAt(['blinding', list, i, 'form'], ref.form)) return undefined;
    const field = forms.get(ref.form)?.fields.find((f) => f.name === ref.field);
    if (!field) {
      problems.push(
        definitionProblem(['blinding', list, i, 'field'], 'DEF_FIELD_UNDEFINED', {
          form: ref.form,
          field: ref.field,
        }),
      );
    }
    return field;
  };
  b.safeFields.forEach((ref, i) => {
    const field = fieldAt('safeFields', i);
    if (field?.type === 'text') {
      problems.push(
        definitionProblem(['blinding', 'safeFields', i], 'DEF_SAFE_FIELD_TEXT', {
          form: ref.form,
          field: ref.field,
        }),
      );
    }
    if (field && !revealing.has(ref.form)) {
      problems.push(
        definitionProblem(['blinding', 'safeFields', i], 'DEF_SAFE_FIELD_NOT_REVEALING', { form: ref.form }),
      );
    }
  });
  b.revealingFields.forEach((_, i) => {
    fieldAt('revealingFields', i);
  });
  b.revealingValues.forEach((ref, i) => {
    const field = fieldAt('revealingValues', i);
    const known = new Set(field?.allowedValues?.map((v) => v.code));
    ref.values.forEach((value, j) => {
      if (field && !known.has(value)) {
        problems.push(
          definitionProblem(['blinding', 'revealingValues', i, 'values', j], 'DEF_VALUE_NOT_A_CHOICE', {
            form: ref.form,
            field: ref.field,
            value,
          }),
        );
      }
    });
  });
  return problems;
}

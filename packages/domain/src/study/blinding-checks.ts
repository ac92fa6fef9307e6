import type { DefinitionProblem } from './definition-checks';
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
    problems.push({ path, message: `form "${code}" is not defined in forms` });
    return false;
  };
  def.roles.outcomeForms.forEach((code, i) => {
    if (revealing.has(code)) {
      problems.push({
        path: ['roles', 'outcomeForms', i],
        message: `outcome form "${code}" reveals the arm`,
      });
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
      problems.push({
        path: ['blinding', list, i, 'field'],
        message: `form "${ref.form}" has no field "${ref.field}"`,
      });
    }
    return field;
  };
  b.safeFields.forEach((ref, i) => {
    const field = fieldAt('safeFields', i);
    if (field?.type === 'text') {
      problems.push({
        path: ['blinding', 'safeFields', i],
        message: 'free text is never safe on a revealing form',
      });
    }
    if (field && !revealing.has(ref.form)) {
      problems.push({ path: ['blinding', 'safeFields', i], message: `form "${ref.form}" is not revealing` });
    }
  });
  b.revealingFields.forEach((_, i) => {
    fieldAt('revealingFields', i);
  });
  b.revealingValues.forEach((ref, i) => {
    const field = fieldAt('revealingValues', i);
    const known = new Set(field?.allowedValues?.map((v) => v.code) ?? []);
    ref.values.forEach((value, j) => {
      if (field && !known.has(value)) {
        problems.push({
          path: ['blinding', 'revealingValues', i, 'values', j],
          message: `"${value}" is not an allowed value`,
        });
      }
    });
  });
  return problems;
}

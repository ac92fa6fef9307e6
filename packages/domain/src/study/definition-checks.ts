import { blindingProblems } from './blinding-checks';
import { type DefinitionProblem, type DefinitionProblemCode, definitionProblem } from './definition-problems';
import { roleProblems } from './definition-role-checks';
import type { StudyDefinition } from './definition-schema';
import { fieldRuleProblems } from './field-rule-checks';

/** A problem for each item whose key an earlier item already has, at `path` + its index. */
function duplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  path: (string | number)[],
  code: DefinitionProblemCode,
  params: Record<string, string> = {},
): DefinitionProblem[] {
  const seen = new Set<string>();
  const problems: DefinitionProblem[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) problems.push(definitionProblem([...path, i], code, { ...params, code: k }));
    seen.add(k);
  });
  return problems;
}

/**
 * Checks that span several parts of a definition (the shape is checked by the schema): unique
 * codes and ids, references to forms that exist, criteria whose `expected` matches their kind
 * (protocol §1.4: inclusion must be yes, exclusion no), and randomization settings the generator can honour.
 */
export function studyDefinitionProblems(def: StudyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [
    ...duplicates(def.arms, (a) => a.code, ['arms'], 'DEF_DUPLICATE_ARM'),
    ...duplicates(
      def.stratification.strata,
      (s) => s.key,
      ['stratification', 'strata'],
      'DEF_DUPLICATE_STRATUM',
    ),
    ...duplicates(
      def.eligibility.criteria,
      (c) => c.id,
      ['eligibility', 'criteria'],
      'DEF_DUPLICATE_CRITERION',
    ),
    ...duplicates(def.visits, (v) => v.code, ['visits'], 'DEF_DUPLICATE_VISIT'),
    ...duplicates(def.forms, (f) => f.code, ['forms'], 'DEF_DUPLICATE_FORM'),
    ...duplicates(
      def.consentVersions,
      (c) => c.version,
      ['consentVersions'],
      'DEF_DUPLICATE_CONSENT_VERSION',
    ),
  ];

  const formCodes = new Set(def.forms.map((f) => f.code));
  def.visits.forEach((visit, v) => {
    visit.forms.forEach((code, i) => {
      if (!formCodes.has(code)) {
        problems.push(definitionProblem(['visits', v, 'forms', i], 'DEF_FORM_UNDEFINED', { form: code }));
      }
    });
    if (visit.kind !== 'follow_up' && visit.anchor !== 'randomization') {
      problems.push(definitionProblem(['visits', v, 'anchor'], 'DEF_VISIT_ANCHOR', { visit: visit.code }));
    }
  });
  def.arms.forEach((arm, a) => {
    if (!formCodes.has(arm.interventionForm)) {
      problems.push(
        definitionProblem(['arms', a, 'interventionForm'], 'DEF_FORM_UNDEFINED', {
          form: arm.interventionForm,
        }),
      );
    }
  });
  if (def.visits.filter((v) => v.kind === 'baseline').length !== 1) {
    problems.push(definitionProblem(['visits'], 'DEF_ONE_BASELINE_VISIT'));
  }

  def.eligibility.criteria.forEach((c, i) => {
    const want = c.kind === 'inclusion' ? 'yes' : 'no';
    if (c.expected !== want) {
      const code = c.kind === 'inclusion' ? 'DEF_INCLUSION_EXPECTS_YES' : 'DEF_EXCLUSION_EXPECTS_NO';
      problems.push(definitionProblem(['eligibility', 'criteria', i, 'expected'], code, { criterion: c.id }));
    }
  });
  const { limits } = def.eligibility;
  if (limits.ageMin > limits.ageMax) {
    problems.push(
      definitionProblem(['eligibility', 'limits', 'ageMin'], 'DEF_AGE_MIN_ABOVE_MAX', {
        ageMin: limits.ageMin,
        ageMax: limits.ageMax,
      }),
    );
  }

  def.forms.forEach((form, f) => {
    problems.push(
      ...duplicates(form.fields, (x) => x.name, ['forms', f, 'fields'], 'DEF_DUPLICATE_FIELD', {
        form: form.code,
      }),
    );
    form.fields.forEach((field, i) => {
      const at = ['forms', f, 'fields', i];
      const named = { form: form.code, field: field.name };
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        problems.push(
          definitionProblem([...at, 'min'], 'DEF_MIN_ABOVE_MAX', {
            ...named,
            min: field.min,
            max: field.max,
          }),
        );
      }
      const needsValues = field.type === 'choice' || field.type === 'multi_choice';
      if (needsValues && field.allowedValues === undefined) {
        problems.push(definitionProblem([...at, 'allowedValues'], 'DEF_CHOICES_REQUIRED', named));
      }
      if (field.allowedValues !== undefined) {
        problems.push(
          ...duplicates(
            field.allowedValues,
            (x) => x.code,
            [...at, 'allowedValues'],
            'DEF_DUPLICATE_CHOICE',
            named,
          ),
        );
      }
    });
  });

  if (def.enrollment.target > def.enrollment.cap) {
    problems.push(
      definitionProblem(['enrollment', 'target'], 'DEF_TARGET_ABOVE_CAP', {
        target: def.enrollment.target,
        cap: def.enrollment.cap,
      }),
    );
  }
  const r = def.randomization;
  if (r.ratio.length !== def.arms.length) {
    problems.push(
      definitionProblem(['randomization', 'ratio'], 'DEF_RATIO_PARTS', { arms: def.arms.length }),
    );
  }
  const ratioSum = r.ratio.reduce((s, x) => s + x, 0);
  r.blockSizes.forEach((size, i) => {
    if (size % ratioSum !== 0) {
      problems.push(
        definitionProblem(['randomization', 'blockSizes', i], 'DEF_BLOCK_NOT_MULTIPLE', {
          size,
          total: ratioSum,
        }),
      );
    }
  });
  // The split across sites is unknown, so each stratum must be able to take the whole sample (protocol §4.1).
  if (r.slotsPerStratum < def.enrollment.cap) {
    problems.push(
      definitionProblem(['randomization', 'slotsPerStratum'], 'DEF_SLOTS_BELOW_CAP', {
        slots: r.slotsPerStratum,
        cap: def.enrollment.cap,
      }),
    );
  }
  problems.push(...blindingProblems(def));
  problems.push(...roleProblems(def));
  problems.push(...fieldRuleProblems(def));
  return problems;
}

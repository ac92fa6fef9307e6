import { blindingProblems } from './blinding-checks';
import { roleProblems } from './definition-role-checks';
import type { StudyDefinition } from './definition-schema';
import { fieldRuleProblems } from './field-rule-checks';

export interface DefinitionProblem {
  path: (string | number)[];
  message: string;
}

function duplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  path: string,
  what: string,
): DefinitionProblem[] {
  const seen = new Set<string>();
  const problems: DefinitionProblem[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) problems.push({ path: [path, i], message: `duplicate ${what} "${k}"` });
    seen.add(k);
  });
  return problems;
}

/**
 * Checks that span several parts of a definition (the shape is checked by the schema): unique
 * codes and ids, references to forms that exist, criteria whose `expected` matches their kind
 * (§1.4: inclusion must be yes, exclusion no), and randomization settings the generator can honour.
 */
export function studyDefinitionProblems(def: StudyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [
    ...duplicates(def.arms, (a) => a.code, 'arms', 'arm code'),
    ...duplicates(def.stratification.strata, (s) => s.key, 'stratification', 'stratum key'),
    ...duplicates(def.eligibility.criteria, (c) => c.id, 'eligibility', 'criterion id'),
    ...duplicates(def.visits, (v) => v.code, 'visits', 'visit code'),
    ...duplicates(def.forms, (f) => f.code, 'forms', 'form code'),
    ...duplicates(def.consentVersions, (c) => c.version, 'consentVersions', 'consent version'),
  ];
  // duplicates() reports the list name only; point at the element inside nested lists.
  for (const p of problems) {
    if (p.path[0] === 'stratification') p.path = ['stratification', 'strata', p.path[1] as number];
    if (p.path[0] === 'eligibility') p.path = ['eligibility', 'criteria', p.path[1] as number];
  }

  const formCodes = new Set(def.forms.map((f) => f.code));
  def.visits.forEach((visit, v) => {
    visit.forms.forEach((code, i) => {
      if (!formCodes.has(code)) {
        problems.push({ path: ['visits', v, 'forms', i], message: `form "${code}" is not defined in forms` });
      }
    });
    if (visit.kind !== 'follow_up' && visit.anchor !== 'randomization') {
      problems.push({
        path: ['visits', v, 'anchor'],
        message: 'screening and baseline are anchored to randomization',
      });
    }
  });
  def.arms.forEach((arm, a) => {
    if (!formCodes.has(arm.interventionForm)) {
      problems.push({
        path: ['arms', a, 'interventionForm'],
        message: `form "${arm.interventionForm}" is not defined in forms`,
      });
    }
  });
  if (def.visits.filter((v) => v.kind === 'baseline').length !== 1) {
    problems.push({ path: ['visits'], message: 'exactly one visit must be of kind "baseline"' });
  }

  def.eligibility.criteria.forEach((c, i) => {
    const want = c.kind === 'inclusion' ? 'yes' : 'no';
    if (c.expected !== want) {
      problems.push({
        path: ['eligibility', 'criteria', i, 'expected'],
        message: `an ${c.kind} criterion expects "${want}"`,
      });
    }
  });
  const { limits } = def.eligibility;
  if (limits.ageMin > limits.ageMax) {
    problems.push({ path: ['eligibility', 'limits', 'ageMin'], message: 'ageMin is above ageMax' });
  }

  def.forms.forEach((form, f) => {
    problems.push(
      ...duplicates(form.fields, (x) => x.name, 'fields', 'field name').map((p) => ({
        ...p,
        path: ['forms', f, ...p.path],
      })),
    );
    form.fields.forEach((field, i) => {
      const at = ['forms', f, 'fields', i];
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        problems.push({ path: [...at, 'min'], message: `min ${field.min} is above max ${field.max}` });
      }
      const needsValues = field.type === 'choice' || field.type === 'multi_choice';
      if (needsValues && field.allowedValues === undefined) {
        problems.push({
          path: [...at, 'allowedValues'],
          message: `a ${field.type} field needs allowedValues`,
        });
      }
      if (field.allowedValues !== undefined) {
        problems.push(
          ...duplicates(field.allowedValues, (x) => x.code, 'allowedValues', 'allowed value').map((p) => ({
            ...p,
            path: [...at, ...p.path],
          })),
        );
      }
    });
  });

  if (def.enrollment.target > def.enrollment.cap) {
    problems.push({ path: ['enrollment', 'target'], message: 'the enrollment target is above the cap' });
  }
  const r = def.randomization;
  if (r.ratio.length !== def.arms.length) {
    problems.push({
      path: ['randomization', 'ratio'],
      message: `needs one part per arm (${def.arms.length})`,
    });
  }
  const ratioSum = r.ratio.reduce((s, x) => s + x, 0);
  r.blockSizes.forEach((size, i) => {
    if (size % ratioSum !== 0) {
      problems.push({
        path: ['randomization', 'blockSizes', i],
        message: `block size ${size} is not a multiple of the ratio total ${ratioSum}`,
      });
    }
  });
  // The split across sites is unknown, so each stratum must be able to take the whole sample (§4.1).
  if (r.slotsPerStratum < def.enrollment.cap) {
    problems.push({
      path: ['randomization', 'slotsPerStratum'],
      message: `slotsPerStratum ${r.slotsPerStratum} is below the enrollment cap ${def.enrollment.cap}`,
    });
  }
  problems.push(...blindingProblems(def));
  problems.push(...roleProblems(def));
  problems.push(...fieldRuleProblems(def));
  return problems;
}

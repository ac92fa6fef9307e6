import type { DefinitionProblem } from './definition-checks';
import type { StudyDefinition } from './definition-schema';

/**
 * The roles of forms (definition-roles.ts) must point at forms and fields that exist, at the visits
 * where the trial needs them: the baseline forms at the baseline visit, the eligibility and consent
 * forms at the screening visit, and no visit outside the schedule reusing a scheduled code.
 */
export function roleProblems(def: StudyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const forms = new Map(def.forms.map((f) => [f.code, f]));
  const form = (code: string, path: (string | number)[]) => {
    const found = forms.get(code);
    if (!found)
      problems.push({ path: ['roles', ...path], message: `form "${code}" is not defined in forms` });
    return found;
  };
  const field = (formCode: string, name: string, path: (string | number)[]) => {
    const f = forms.get(formCode);
    if (f && !f.fields.some((x) => x.name === name)) {
      problems.push({ path: ['roles', ...path], message: `form "${formCode}" has no field "${name}"` });
    }
  };
  const { roles } = def;
  form(roles.eligibilityForm, ['eligibilityForm']);
  form(roles.consent.form, ['consent', 'form']);
  field(roles.consent.form, roles.consent.dateField, ['consent', 'dateField']);
  field(roles.consent.form, roles.consent.versionField, ['consent', 'versionField']);
  form(roles.endOfParticipation.form, ['endOfParticipation', 'form']);
  field(roles.endOfParticipation.form, roles.endOfParticipation.statusField, [
    'endOfParticipation',
    'statusField',
  ]);
  field(roles.endOfParticipation.form, roles.endOfParticipation.lastVisitField, [
    'endOfParticipation',
    'lastVisitField',
  ]);
  form(roles.adverseEvent.form, ['adverseEvent', 'form']);
  field(roles.adverseEvent.form, roles.adverseEvent.seriousField, ['adverseEvent', 'seriousField']);
  form(roles.deviationForm, ['deviationForm']);
  roles.participantAttributes.forEach((a, i) => {
    form(a.form, ['participantAttributes', i, 'form']);
    field(a.form, a.field, ['participantAttributes', i, 'field']);
  });
  for (const [key, list] of [
    ['outcomeForms', roles.outcomeForms],
    ['afterScreenFailure', roles.afterScreenFailure],
  ] as const) {
    list.forEach((code, i) => {
      form(code, [key, i]);
    });
  }
  roles.unscheduledVisit.forms.forEach((code, i) => {
    form(code, ['unscheduledVisit', 'forms', i]);
  });

  const baseline = def.visits.find((v) => v.kind === 'baseline');
  roles.baselineRequiredForms.forEach((code, i) => {
    if (form(code, ['baselineRequiredForms', i]) && baseline && !baseline.forms.includes(code)) {
      problems.push({
        path: ['roles', 'baselineRequiredForms', i],
        message: `form "${code}" is not a form of the baseline visit "${baseline.code}"`,
      });
    }
  });
  const screening = def.visits.filter((v) => v.kind === 'screening');
  if (screening.length !== 1) {
    problems.push({ path: ['visits'], message: 'exactly one visit must be of kind "screening"' });
  }
  const [scr] = screening;
  for (const [code, path] of [
    [roles.eligibilityForm, ['eligibilityForm']],
    [roles.consent.form, ['consent', 'form']],
  ] as const) {
    if (scr && forms.has(code) && !scr.forms.includes(code)) {
      problems.push({
        path: ['roles', ...path],
        message: `form "${code}" is not a form of the screening visit "${scr.code}"`,
      });
    }
  }
  const scheduled = new Set(def.visits.map((v) => v.code));
  for (const key of ['treatmentVisit', 'unscheduledVisit'] as const) {
    if (scheduled.has(roles[key].code)) {
      problems.push({
        path: ['roles', key, 'code'],
        message: `visit code "${roles[key].code}" is already a scheduled visit`,
      });
    }
  }
  if (roles.treatmentVisit.code === roles.unscheduledVisit.code) {
    problems.push({
      path: ['roles', 'unscheduledVisit', 'code'],
      message: 'same code as the treatment visit',
    });
  }
  def.forms.forEach((f, i) => {
    if (f.instrument && def.forms.some((g, j) => j < i && g.instrument === f.instrument)) {
      problems.push({
        path: ['forms', i, 'instrument'],
        message: `another form is already "${f.instrument}"`,
      });
    }
  });
  return problems;
}

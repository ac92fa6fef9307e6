import { type DefinitionProblem, definitionProblem } from './definition-problems';
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
    if (!found) problems.push(definitionProblem(['roles', ...path], 'DEF_FORM_UNDEFINED', { form: code }));
    return found;
  };
  const field = (formCode: string, name: string, path: (string | number)[]) => {
    const f = forms.get(formCode);
    if (f && !f.fields.some((x) => x.name === name)) {
      problems.push(
        definitionProblem(['roles', ...path], 'DEF_FIELD_UNDEFINED', { form: formCode, field: name }),
      );
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
      problems.push(
        definitionProblem(['roles', 'baselineRequiredForms', i], 'DEF_FORM_NOT_AT_BASELINE', {
          form: code,
          visit: baseline.code,
        }),
      );
    }
  });
  const screening = def.visits.filter((v) => v.kind === 'screening');
  if (screening.length !== 1) {
    problems.push(definitionProblem(['visits'], 'DEF_ONE_SCREENING_VISIT'));
  }
  const [scr] = screening;
  for (const [code, path] of [
    [roles.eligibilityForm, ['eligibilityForm']],
    [roles.consent.form, ['consent', 'form']],
  ] as const) {
    if (scr && forms.has(code) && !scr.forms.includes(code)) {
      problems.push(
        definitionProblem(['roles', ...path], 'DEF_FORM_NOT_AT_SCREENING', { form: code, visit: scr.code }),
      );
    }
  }
  const scheduled = new Set(def.visits.map((v) => v.code));
  for (const key of ['treatmentVisit', 'unscheduledVisit'] as const) {
    if (scheduled.has(roles[key].code)) {
      problems.push(
        definitionProblem(['roles', key, 'code'], 'DEF_VISIT_CODE_SCHEDULED', { code: roles[key].code }),
      );
    }
  }
  if (roles.treatmentVisit.code === roles.unscheduledVisit.code) {
    problems.push(
      definitionProblem(['roles', 'unscheduledVisit', 'code'], 'DEF_SAME_AS_TREATMENT_VISIT', {
        code: roles.unscheduledVisit.code,
      }),
    );
  }
  def.forms.forEach((f, i) => {
    if (f.instrument && def.forms.some((g, j) => j < i && g.instrument === f.instrument)) {
      problems.push(
        definitionProblem(['forms', i, 'instrument'], 'DEF_INSTRUMENT_TWICE', { instrument: f.instrument }),
      );
    }
  });
  return problems;
}

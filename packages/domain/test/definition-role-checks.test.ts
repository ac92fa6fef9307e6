import { describe, expect, it } from 'vitest';
import { roleProblems } from '../src/study/definition-role-checks';
import { type BrokenDefinitionCase, editedTrial, formIn, formIndex, problem } from './fixtures/edited-trial';

type Path = Parameters<typeof problem>[0];

const missingForm = (path: Path, form = 'sf36') => [
  problem(['roles', ...path], 'DEF_FORM_UNDEFINED', { form }),
];
const missingField = (path: Path, form: string, field: string) => [
  problem(['roles', ...path], 'DEF_FIELD_UNDEFINED', { form, field }),
];

/** Each case points one role of the trial's definition somewhere it may not point (definition-role-checks.ts). */
const cases: BrokenDefinitionCase[] = [
  {
    name: 'an eligibility form the definition lacks (not also reported as missing from screening)',
    edit: (def) => {
      def.roles.eligibilityForm = 'sf36';
    },
    problems: () => missingForm(['eligibilityForm']),
  },
  {
    name: 'a consent form the definition lacks (its fields are not looked for)',
    edit: (def) => {
      def.roles.consent.form = 'sf36';
    },
    problems: () => missingForm(['consent', 'form']),
  },
  {
    name: 'a consent date field the form lacks',
    edit: (def) => {
      def.roles.consent.dateField = 'signed_on';
    },
    problems: () => missingField(['consent', 'dateField'], 'consent', 'signed_on'),
  },
  {
    name: 'a consent version field the form lacks',
    edit: (def) => {
      def.roles.consent.versionField = 'icf';
    },
    problems: () => missingField(['consent', 'versionField'], 'consent', 'icf'),
  },
  {
    name: 'an end-of-participation form the definition lacks',
    edit: (def) => {
      def.roles.endOfParticipation.form = 'sf36';
    },
    problems: () => missingForm(['endOfParticipation', 'form']),
  },
  {
    name: 'an end-of-participation status field the form lacks',
    edit: (def) => {
      def.roles.endOfParticipation.statusField = 'state';
    },
    problems: () => missingField(['endOfParticipation', 'statusField'], 'end_of_study', 'state'),
  },
  {
    name: 'an end-of-participation last-visit field the form lacks',
    edit: (def) => {
      def.roles.endOfParticipation.lastVisitField = 'final_visit';
    },
    problems: () => missingField(['endOfParticipation', 'lastVisitField'], 'end_of_study', 'final_visit'),
  },
  {
    name: 'an adverse-event form the definition lacks',
    edit: (def) => {
      def.roles.adverseEvent.form = 'sf36';
    },
    problems: () => missingForm(['adverseEvent', 'form']),
  },
  {
    name: 'an adverse-event seriousness field the form lacks',
    edit: (def) => {
      def.roles.adverseEvent.seriousField = 'sae';
    },
    problems: () => missingField(['adverseEvent', 'seriousField'], 'adverse_event', 'sae'),
  },
  {
    name: 'a deviation form the definition lacks',
    edit: (def) => {
      def.roles.deviationForm = 'sf36';
    },
    problems: () => missingForm(['deviationForm']),
  },
  {
    name: 'a participant attribute on a form the definition lacks',
    edit: (def) => {
      def.roles.participantAttributes.push({ attribute: 'sex', form: 'sf36', field: 'sex' });
    },
    problems: () => missingForm(['participantAttributes', 2, 'form']),
  },
  {
    name: 'a participant attribute in a field the form lacks',
    edit: (def) => {
      Object.assign(def.roles.participantAttributes[1] ?? {}, { field: 'born' });
    },
    problems: () => missingField(['participantAttributes', 1, 'field'], 'demographics', 'born'),
  },
  {
    name: 'an outcome form the definition lacks',
    edit: (def) => {
      def.roles.outcomeForms.push('sf36');
    },
    problems: () => missingForm(['outcomeForms', 2]),
  },
  {
    name: 'a form after screen failure the definition lacks',
    edit: (def) => {
      def.roles.afterScreenFailure.push('sf36');
    },
    problems: () => missingForm(['afterScreenFailure', 1]),
  },
  {
    name: 'an unscheduled visit form the definition lacks',
    edit: (def) => {
      def.roles.unscheduledVisit.forms.unshift('sf36');
    },
    problems: () => missingForm(['unscheduledVisit', 'forms', 0]),
  },
  {
    name: 'a required baseline form the definition lacks (not also reported as missing from baseline)',
    edit: (def) => {
      def.roles.baselineRequiredForms.push('sf36');
    },
    problems: () => missingForm(['baselineRequiredForms', 2]),
  },
  {
    name: 'a required baseline form that the baseline visit does not have',
    edit: (def) => {
      def.roles.baselineRequiredForms.push('demographics');
    },
    problems: () => [
      problem(['roles', 'baselineRequiredForms', 2], 'DEF_FORM_NOT_AT_BASELINE', {
        form: 'demographics',
        visit: 'BL',
      }),
    ],
  },
  {
    name: 'no baseline visit: its forms are not looked for (definition-checks.ts names the visit)',
    edit: (def) => {
      Object.assign(def.visits[1] ?? {}, { kind: 'follow_up' });
    },
    problems: () => [],
  },
  {
    name: 'no screening visit',
    edit: (def) => {
      Object.assign(def.visits[0] ?? {}, { kind: 'follow_up' });
    },
    problems: () => [problem(['visits'], 'DEF_ONE_SCREENING_VISIT')],
  },
  {
    name: 'two screening visits',
    edit: (def) => {
      Object.assign(def.visits[4] ?? {}, { kind: 'screening' });
    },
    problems: () => [problem(['visits'], 'DEF_ONE_SCREENING_VISIT')],
  },
  {
    name: 'an eligibility form that the screening visit does not have',
    edit: (def) => {
      Object.assign(def.visits[0] ?? {}, { forms: ['consent', 'demographics'] });
    },
    problems: () => [
      problem(['roles', 'eligibilityForm'], 'DEF_FORM_NOT_AT_SCREENING', {
        form: 'eligibility',
        visit: 'SCR',
      }),
    ],
  },
  {
    name: 'a consent form that the screening visit does not have',
    edit: (def) => {
      Object.assign(def.visits[0] ?? {}, { forms: ['eligibility', 'demographics'] });
    },
    problems: () => [
      problem(['roles', 'consent', 'form'], 'DEF_FORM_NOT_AT_SCREENING', { form: 'consent', visit: 'SCR' }),
    ],
  },
  {
    name: 'a treatment visit code that is a scheduled visit',
    edit: (def) => {
      def.roles.treatmentVisit.code = 'W1';
    },
    problems: () => [
      problem(['roles', 'treatmentVisit', 'code'], 'DEF_VISIT_CODE_SCHEDULED', { code: 'W1' }),
    ],
  },
  {
    name: 'an unscheduled visit code that is a scheduled visit',
    edit: (def) => {
      def.roles.unscheduledVisit.code = 'M3';
    },
    problems: () => [
      problem(['roles', 'unscheduledVisit', 'code'], 'DEF_VISIT_CODE_SCHEDULED', { code: 'M3' }),
    ],
  },
  {
    name: 'an unscheduled visit with the treatment visit’s code',
    edit: (def) => {
      def.roles.unscheduledVisit.code = 'TX';
    },
    problems: () => [
      problem(['roles', 'unscheduledVisit', 'code'], 'DEF_SAME_AS_TREATMENT_VISIT', { code: 'TX' }),
    ],
  },
  {
    name: 'an instrument held by a second form: the later form is named',
    edit: (def) => {
      formIn(def, 'odi').instrument = 'body_mass_index';
    },
    problems: (def) => [
      problem(['forms', formIndex(def, 'demographics'), 'instrument'], 'DEF_INSTRUMENT_TWICE', {
        instrument: 'body_mass_index',
      }),
    ],
  },
  {
    name: 'an instrument held by a third form',
    edit: (def) => {
      formIn(def, 'deviation').instrument = 'visual_analogue_scale';
      formIn(def, 'end_of_study').instrument = 'visual_analogue_scale';
    },
    problems: (def) => [
      problem(['forms', formIndex(def, 'deviation'), 'instrument'], 'DEF_INSTRUMENT_TWICE', {
        instrument: 'visual_analogue_scale',
      }),
      problem(['forms', formIndex(def, 'end_of_study'), 'instrument'], 'DEF_INSTRUMENT_TWICE', {
        instrument: 'visual_analogue_scale',
      }),
    ],
  },
];

describe('roleProblems: the roles of forms and visits point where the trial needs them', () => {
  it('finds nothing wrong with the trial’s own roles', () => {
    expect(roleProblems(editedTrial())).toEqual([]);
  });

  it('lists the trial’s forms in the order the instrument cases assume', () => {
    const def = editedTrial();
    expect(formIndex(def, 'odi')).toBeLessThan(formIndex(def, 'demographics'));
  });

  it.each(cases)('$name', ({ edit, problems }) => {
    const def = editedTrial(edit);
    expect(roleProblems(def)).toEqual(problems(def));
  });
});

import { describe, expect, it } from 'vitest';
import { blindingProblems } from '../src/study/blinding-checks';
import type { StudyDefinition } from '../src/study/definition-schema';
import { editedTrial, problem } from './fixtures/edited-trial';

interface Case {
  name: string;
  edit: (def: StudyDefinition) => void;
  problems: ReturnType<typeof problem>[];
}

/**
 * Each case changes the blinding section (or the outcome forms) of the trial's definition in one
 * way. The trial lists three revealing forms, two safe fields of end_of_study and three revealing
 * values (blinding-checks.ts).
 */
const cases: Case[] = [
  {
    name: 'an outcome form that is listed as revealing',
    edit: (def) => {
      def.roles.outcomeForms.push('adverse_event');
    },
    problems: [
      problem(['roles', 'outcomeForms', 2], 'DEF_OUTCOME_FORM_REVEALING', { form: 'adverse_event' }),
    ],
  },
  {
    name: 'an outcome form that is an arm’s intervention form (revealing without being listed)',
    edit: (def) => {
      def.roles.outcomeForms.unshift('intervention_us_d5w');
    },
    problems: [
      problem(['roles', 'outcomeForms', 0], 'DEF_OUTCOME_FORM_REVEALING', { form: 'intervention_us_d5w' }),
    ],
  },
  {
    name: 'a revealing form the definition lacks',
    edit: (def) => {
      def.blinding.revealingForms.push('sf36');
    },
    problems: [problem(['blinding', 'revealingForms', 3], 'DEF_FORM_UNDEFINED', { form: 'sf36' })],
  },
  {
    name: 'a safe field of a form the definition lacks (the field is not looked at)',
    edit: (def) => {
      def.blinding.safeFields.push({ form: 'sf36', field: 'score' });
    },
    problems: [problem(['blinding', 'safeFields', 2, 'form'], 'DEF_FORM_UNDEFINED', { form: 'sf36' })],
  },
  {
    name: 'a safe field the form lacks',
    edit: (def) => {
      def.blinding.safeFields.push({ form: 'end_of_study', field: 'signature' });
    },
    problems: [
      problem(['blinding', 'safeFields', 2, 'field'], 'DEF_FIELD_UNDEFINED', {
        form: 'end_of_study',
        field: 'signature',
      }),
    ],
  },
  {
    name: 'a free-text safe field',
    edit: (def) => {
      def.blinding.safeFields.push({ form: 'end_of_study', field: 'reason_other' });
    },
    problems: [
      problem(['blinding', 'safeFields', 2], 'DEF_SAFE_FIELD_TEXT', {
        form: 'end_of_study',
        field: 'reason_other',
      }),
    ],
  },
  {
    name: 'a safe field of a form that does not reveal the arm',
    edit: (def) => {
      def.blinding.safeFields.push({ form: 'vas', field: 'vas_mm' });
    },
    problems: [problem(['blinding', 'safeFields', 2], 'DEF_SAFE_FIELD_NOT_REVEALING', { form: 'vas' })],
  },
  {
    name: 'a free-text safe field of a form that does not reveal the arm: both problems',
    edit: (def) => {
      def.blinding.safeFields.unshift({ form: 'demographics', field: 'occupation' });
    },
    problems: [
      problem(['blinding', 'safeFields', 0], 'DEF_SAFE_FIELD_TEXT', {
        form: 'demographics',
        field: 'occupation',
      }),
      problem(['blinding', 'safeFields', 0], 'DEF_SAFE_FIELD_NOT_REVEALING', { form: 'demographics' }),
    ],
  },
  {
    name: 'a safe field of an intervention form (revealing without being listed)',
    edit: (def) => {
      def.blinding.safeFields.push({ form: 'intervention_us_d5w', field: 'date' });
    },
    problems: [],
  },
  {
    name: 'a revealing field the form lacks',
    edit: (def) => {
      def.blinding.revealingFields.push({ form: 'vas', field: 'vas_hand' });
    },
    problems: [
      problem(['blinding', 'revealingFields', 0, 'field'], 'DEF_FIELD_UNDEFINED', {
        form: 'vas',
        field: 'vas_hand',
      }),
    ],
  },
  {
    name: 'a revealing field of a form the definition lacks',
    edit: (def) => {
      def.blinding.revealingFields.push({ form: 'sf36', field: 'score' });
    },
    problems: [problem(['blinding', 'revealingFields', 0, 'form'], 'DEF_FORM_UNDEFINED', { form: 'sf36' })],
  },
  {
    name: 'a revealing field that exists',
    edit: (def) => {
      def.blinding.revealingFields.push({ form: 'vas', field: 'vas_method' });
    },
    problems: [],
  },
  {
    name: 'a revealing value that is not a choice of its field',
    edit: (def) => {
      def.blinding.revealingValues[0]?.values.push('bruise');
    },
    problems: [
      problem(['blinding', 'revealingValues', 0, 'values', 4], 'DEF_VALUE_NOT_A_CHOICE', {
        form: 'adverse_event',
        field: 'expected_event',
        value: 'bruise',
      }),
    ],
  },
  {
    name: 'a revealing value of a field without choices',
    edit: (def) => {
      def.blinding.revealingValues.push({ form: 'deviation', field: 'description', values: ['dextrose'] });
    },
    problems: [
      problem(['blinding', 'revealingValues', 3, 'values', 0], 'DEF_VALUE_NOT_A_CHOICE', {
        form: 'deviation',
        field: 'description',
        value: 'dextrose',
      }),
    ],
  },
  {
    name: 'revealing values of a field the form lacks: the field is named, not each value',
    edit: (def) => {
      def.blinding.revealingValues.push({ form: 'deviation', field: 'kind', values: ['a', 'b'] });
    },
    problems: [
      problem(['blinding', 'revealingValues', 3, 'field'], 'DEF_FIELD_UNDEFINED', {
        form: 'deviation',
        field: 'kind',
      }),
    ],
  },
  {
    name: 'revealing values of a form the definition lacks: the form is named, not each value',
    edit: (def) => {
      def.blinding.revealingValues.push({ form: 'sf36', field: 'kind', values: ['a'] });
    },
    problems: [problem(['blinding', 'revealingValues', 3, 'form'], 'DEF_FORM_UNDEFINED', { form: 'sf36' })],
  },
];

describe('blindingProblems: what the blinding section may name (blinding-checks.ts)', () => {
  it('finds nothing wrong with the trial’s own blinding', () => {
    expect(blindingProblems(editedTrial())).toEqual([]);
  });

  it.each(cases)('$name', ({ edit, problems }) => {
    expect(blindingProblems(editedTrial(edit))).toEqual(problems);
  });
});

import { describe, expect, it } from 'vitest';
import { studyDefinitionProblems } from '../src/study/definition-checks';
import { option } from '../src/study/field-builders';
import {
  type BrokenDefinitionCase,
  editedTrial,
  fieldIn,
  fieldPath,
  formIn,
  formIndex,
  problem,
} from './fixtures/edited-trial';

/** Each case breaks the trial's definition in one way (definition-checks.ts). */
const cases: BrokenDefinitionCase[] = [
  {
    name: 'a second arm with the first arm’s code',
    edit: (def) => {
      Object.assign(def.arms[1] ?? {}, { code: 'TLF_MOB' });
    },
    problems: () => [problem(['arms', 1], 'DEF_DUPLICATE_ARM', { code: 'TLF_MOB' })],
  },
  {
    name: 'strata keys repeated twice, each repeat named once',
    edit: (def) => {
      def.stratification.strata.push(...structuredClone(def.stratification.strata));
    },
    problems: () => [
      problem(['stratification', 'strata', 2], 'DEF_DUPLICATE_STRATUM', { code: 'S01' }),
      problem(['stratification', 'strata', 3], 'DEF_DUPLICATE_STRATUM', { code: 'S02' }),
    ],
  },
  {
    name: 'a criterion id used twice',
    edit: (def) => {
      Object.assign(def.eligibility.criteria[1] ?? {}, { id: 'I1' });
    },
    problems: () => [problem(['eligibility', 'criteria', 1], 'DEF_DUPLICATE_CRITERION', { code: 'I1' })],
  },
  {
    name: 'a visit code used twice',
    edit: (def) => {
      Object.assign(def.visits[3] ?? {}, { code: 'W1' });
    },
    problems: () => [problem(['visits', 3], 'DEF_DUPLICATE_VISIT', { code: 'W1' })],
  },
  {
    name: 'a form code used twice',
    edit: (def) => {
      def.forms.push(structuredClone(formIn(def, 'deviation')));
    },
    problems: (def) => [
      problem(['forms', def.forms.length - 1], 'DEF_DUPLICATE_FORM', { code: 'deviation' }),
    ],
  },
  {
    name: 'a consent version listed twice',
    edit: (def) => {
      def.consentVersions.push({ version: '1.0', effectiveFrom: '2025-06-01' });
    },
    problems: () => [problem(['consentVersions', 1], 'DEF_DUPLICATE_CONSENT_VERSION', { code: '1.0' })],
  },
  {
    name: 'a visit listing a form the definition lacks',
    edit: (def) => {
      def.visits[2]?.forms.push('sf36');
    },
    problems: () => [problem(['visits', 2, 'forms', 3], 'DEF_FORM_UNDEFINED', { form: 'sf36' })],
  },
  {
    name: 'an arm whose intervention form does not exist',
    edit: (def) => {
      Object.assign(def.arms[0] ?? {}, { interventionForm: 'massage' });
    },
    problems: () => [problem(['arms', 0, 'interventionForm'], 'DEF_FORM_UNDEFINED', { form: 'massage' })],
  },
  {
    name: 'a screening visit timed from another event',
    edit: (def) => {
      Object.assign(def.visits[0] ?? {}, { anchor: 'end_of_treatment' });
    },
    problems: () => [problem(['visits', 0, 'anchor'], 'DEF_VISIT_ANCHOR', { visit: 'SCR' })],
  },
  {
    name: 'a baseline visit timed from another event',
    edit: (def) => {
      Object.assign(def.visits[1] ?? {}, { anchor: 'end_of_treatment' });
    },
    problems: () => [problem(['visits', 1, 'anchor'], 'DEF_VISIT_ANCHOR', { visit: 'BL' })],
  },
  {
    name: 'a follow-up visit timed from another event (allowed by this check; the schema refuses it)',
    edit: (def) => {
      Object.assign(def.visits[2] ?? {}, { anchor: 'end_of_treatment' });
    },
    problems: () => [],
  },
  {
    name: 'two baseline visits',
    edit: (def) => {
      Object.assign(def.visits[2] ?? {}, { kind: 'baseline' });
    },
    problems: () => [problem(['visits'], 'DEF_ONE_BASELINE_VISIT')],
  },
  {
    name: 'no baseline visit',
    edit: (def) => {
      Object.assign(def.visits[1] ?? {}, { kind: 'follow_up' });
    },
    problems: () => [problem(['visits'], 'DEF_ONE_BASELINE_VISIT')],
  },
  {
    name: 'an inclusion criterion met by “no”',
    edit: (def) => {
      Object.assign(def.eligibility.criteria[0] ?? {}, { expected: 'no' });
    },
    problems: () => [
      problem(['eligibility', 'criteria', 0, 'expected'], 'DEF_INCLUSION_EXPECTS_YES', { criterion: 'I1' }),
    ],
  },
  {
    name: 'an exclusion criterion met by “yes”',
    edit: (def) => {
      Object.assign(def.eligibility.criteria[5] ?? {}, { expected: 'yes' });
    },
    problems: () => [
      problem(['eligibility', 'criteria', 5, 'expected'], 'DEF_EXCLUSION_EXPECTS_NO', { criterion: 'E2' }),
    ],
  },
  {
    name: 'the lowest age above the highest',
    edit: (def) => {
      def.eligibility.limits.ageMin = 66;
    },
    problems: () => [
      problem(['eligibility', 'limits', 'ageMin'], 'DEF_AGE_MIN_ABOVE_MAX', { ageMin: 66, ageMax: 65 }),
    ],
  },
  {
    name: 'the lowest age equal to the highest',
    edit: (def) => {
      def.eligibility.limits.ageMin = 65;
    },
    problems: () => [],
  },
  {
    name: 'a form with two fields of one name',
    edit: (def) => {
      formIn(def, 'vas').fields.push(structuredClone(fieldIn(def, 'vas', 'vas_mm')));
    },
    problems: (def) => [
      problem(
        ['forms', formIndex(def, 'vas'), 'fields', formIn(def, 'vas').fields.length - 1],
        'DEF_DUPLICATE_FIELD',
        { form: 'vas', code: 'vas_mm' },
      ),
    ],
  },
  {
    name: 'a field whose lowest value is above its highest',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').min = 101;
    },
    problems: (def) => [
      problem([...fieldPath(def, 'vas', 'vas_mm'), 'min'], 'DEF_MIN_ABOVE_MAX', {
        form: 'vas',
        field: 'vas_mm',
        min: 101,
        max: 100,
      }),
    ],
  },
  {
    name: 'a field whose lowest value equals its highest',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').min = 100;
    },
    problems: () => [],
  },
  {
    name: 'a field with a lowest value above a missing highest',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').min = 101;
      delete fieldIn(def, 'vas', 'vas_mm').max;
    },
    problems: () => [],
  },
  {
    name: 'a field with a highest value below a missing lowest',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').max = -1;
      delete fieldIn(def, 'vas', 'vas_mm').min;
    },
    problems: () => [],
  },
  {
    name: 'a choice field without its choices',
    edit: (def) => {
      delete fieldIn(def, 'vas', 'vas_method').allowedValues;
    },
    problems: (def) => [
      problem([...fieldPath(def, 'vas', 'vas_method'), 'allowedValues'], 'DEF_CHOICES_REQUIRED', {
        form: 'vas',
        field: 'vas_method',
      }),
    ],
  },
  {
    name: 'a multiple-choice field without its choices',
    edit: (def) => {
      delete fieldIn(def, 'adverse_event', 'serious_criteria').allowedValues;
    },
    problems: (def) => [
      problem(
        [...fieldPath(def, 'adverse_event', 'serious_criteria'), 'allowedValues'],
        'DEF_CHOICES_REQUIRED',
        { form: 'adverse_event', field: 'serious_criteria' },
      ),
    ],
  },
  {
    name: 'a choice offered twice',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_method').allowedValues?.push(option('paper', 'On paper', 'Kağıtta'));
    },
    problems: (def) => [
      problem([...fieldPath(def, 'vas', 'vas_method'), 'allowedValues', 2], 'DEF_DUPLICATE_CHOICE', {
        form: 'vas',
        field: 'vas_method',
        code: 'paper',
      }),
    ],
  },
  {
    name: 'an enrollment target above the cap',
    edit: (def) => {
      def.enrollment.target = 76;
    },
    problems: () => [problem(['enrollment', 'target'], 'DEF_TARGET_ABOVE_CAP', { target: 76, cap: 75 })],
  },
  {
    name: 'an allocation ratio with a part more than the arms (and block sizes it does not divide)',
    edit: (def) => {
      def.randomization.ratio = [1, 1, 1];
    },
    problems: () => [
      problem(['randomization', 'ratio'], 'DEF_RATIO_PARTS', { arms: 2 }),
      problem(['randomization', 'blockSizes', 0], 'DEF_BLOCK_NOT_MULTIPLE', { size: 4, total: 3 }),
    ],
  },
  {
    name: 'a ratio of 2:1 with blocks of 3 and 6',
    edit: (def) => {
      def.randomization.ratio = [2, 1];
      def.randomization.blockSizes = [3, 6];
    },
    problems: () => [],
  },
  {
    name: 'a block size that is not a multiple of the ratio total',
    edit: (def) => {
      def.randomization.blockSizes.push(5);
    },
    problems: () => [
      problem(['randomization', 'blockSizes', 2], 'DEF_BLOCK_NOT_MULTIPLE', { size: 5, total: 2 }),
    ],
  },
  {
    name: 'fewer places per stratum than the enrollment cap',
    edit: (def) => {
      def.randomization.slotsPerStratum = 74;
    },
    problems: () => [
      problem(['randomization', 'slotsPerStratum'], 'DEF_SLOTS_BELOW_CAP', { slots: 74, cap: 75 }),
    ],
  },
  {
    name: 'exactly as many places per stratum as the cap',
    edit: (def) => {
      def.randomization.slotsPerStratum = 75;
    },
    problems: () => [],
  },
];

describe('studyDefinitionProblems: the cross-checks of a definition (definition-checks.ts)', () => {
  it('finds nothing wrong with the trial’s own definition', () => {
    expect(studyDefinitionProblems(editedTrial())).toEqual([]);
  });

  it.each(cases)('$name', ({ edit, problems }) => {
    const def = editedTrial(edit);
    expect(studyDefinitionProblems(def)).toEqual(problems(def));
  });

  it('adds the blinding, role and field-rule problems after its own', () => {
    const def = editedTrial((d) => {
      d.enrollment.target = 76;
      d.roles.outcomeForms.push('deviation');
      d.roles.deviationForm = 'protocol_deviation';
      fieldIn(d, 'vas', 'vas_mm').notBefore = [{ event: 'consent' }];
    });
    expect(studyDefinitionProblems(def).map((p) => p.code)).toEqual([
      'DEF_TARGET_ABOVE_CAP',
      'DEF_OUTCOME_FORM_REVEALING',
      'DEF_FORM_UNDEFINED',
      'DEF_DATE_LIMIT_NOT_DATE',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { StudyDefinition } from '../src/study/definition-schema';
import { field, option, text } from '../src/study/field-builders';
import { fieldRuleProblems } from '../src/study/field-rule-checks';
import {
  type BrokenDefinitionCase,
  editedTrial,
  fieldIn,
  fieldPath,
  formIn,
  problem,
} from './fixtures/edited-trial';

/** The adverse-event form's seriousness criteria: required when `serious` (yes/no) is yes. */
const criteria = (def: StudyDefinition) => fieldIn(def, 'adverse_event', 'serious_criteria');
const criteriaAt = (def: StudyDefinition) => fieldPath(def, 'adverse_event', 'serious_criteria');
const criteriaNamed = { form: 'adverse_event', field: 'serious_criteria' };
/** The adverse event's end date: not before its onset date. */
const endAt = (def: StudyDefinition) => fieldPath(def, 'adverse_event', 'end_date');
const endNamed = { form: 'adverse_event', field: 'end_date' };

/** Each case changes one field rule of the trial's definition (field-rule-checks.ts). */
const cases: BrokenDefinitionCase[] = [
  {
    name: 'a yes/no field offering a choice other than yes and no',
    edit: (def) => {
      fieldIn(def, 'intervention_us_d5w', 'us_guidance_confirmed').allowedValues = [
        option('yes', 'Yes', 'Evet'),
        option('unsure', 'Unsure', 'Emin değil'),
        option('no', 'No', 'Hayır'),
      ];
    },
    problems: (def) => [
      problem(
        [...fieldPath(def, 'intervention_us_d5w', 'us_guidance_confirmed'), 'allowedValues', 1, 'code'],
        'DEF_YES_NO_CHOICE',
        { form: 'intervention_us_d5w', field: 'us_guidance_confirmed', value: 'unsure' },
      ),
    ],
  },
  {
    name: 'a choice field offering yes, no and more (only yes/no fields are limited)',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_method').allowedValues?.push(option('yes', 'Yes', 'Evet'));
    },
    problems: () => [],
  },
  {
    name: 'a condition on a field the form lacks',
    edit: (def) => {
      criteria(def).requiredWhen = { field: 'sae', in: ['yes'] };
    },
    problems: (def) => [
      problem([...criteriaAt(def), 'requiredWhen', 'field'], 'DEF_CONDITION_FIELD', {
        ...criteriaNamed,
        other: 'sae',
      }),
    ],
  },
  {
    name: 'a condition on the field itself',
    edit: (def) => {
      criteria(def).requiredWhen = { field: 'serious_criteria', in: ['death'] };
    },
    problems: (def) => [
      problem([...criteriaAt(def), 'requiredWhen', 'field'], 'DEF_CONDITION_FIELD', {
        ...criteriaNamed,
        other: 'serious_criteria',
      }),
    ],
  },
  {
    name: 'a condition on a yes/no answer it cannot hold',
    edit: (def) => {
      criteria(def).requiredWhen = { field: 'serious', in: ['yes', 'true', 'perhaps'] };
    },
    problems: (def) =>
      ['true', 'perhaps'].map((value, k) =>
        problem([...criteriaAt(def), 'requiredWhen', 'in', k + 1], 'DEF_CONDITION_VALUE', {
          ...criteriaNamed,
          other: 'serious',
          value,
        }),
      ),
  },
  {
    name: 'a condition on a yes/no field that offers only yes',
    edit: (def) => {
      fieldIn(def, 'intervention_us_d5w', 'volume_ml_per_side').requiredWhen = {
        field: 'us_guidance_confirmed',
        in: ['no'],
      };
    },
    problems: (def) => [
      problem(
        [...fieldPath(def, 'intervention_us_d5w', 'volume_ml_per_side'), 'requiredWhen', 'in', 0],
        'DEF_CONDITION_VALUE',
        {
          form: 'intervention_us_d5w',
          field: 'volume_ml_per_side',
          other: 'us_guidance_confirmed',
          value: 'no',
        },
      ),
    ],
  },
  {
    name: 'a condition on a true/false field: true and false, not yes',
    edit: (def) => {
      fieldIn(def, 'odi', 'odi_sum').requiredWhen = { field: 'odi_low_completion', in: ['false', 'yes'] };
      fieldIn(def, 'odi', 'odi_answered').requiredWhen = { field: 'odi_low_completion', in: ['true'] };
    },
    problems: (def) => [
      problem([...fieldPath(def, 'odi', 'odi_sum'), 'requiredWhen', 'in', 1], 'DEF_CONDITION_VALUE', {
        form: 'odi',
        field: 'odi_sum',
        other: 'odi_low_completion',
        value: 'yes',
      }),
    ],
  },
  {
    name: 'a condition on a choice the field does not offer',
    edit: (def) => {
      fieldIn(def, 'end_of_study', 'reason_other').requiredWhen = { field: 'reason', in: ['elsewhere'] };
    },
    problems: (def) => [
      problem(
        [...fieldPath(def, 'end_of_study', 'reason_other'), 'requiredWhen', 'in', 0],
        'DEF_CONDITION_VALUE',
        {
          form: 'end_of_study',
          field: 'reason_other',
          other: 'reason',
          value: 'elsewhere',
        },
      ),
    ],
  },
  {
    name: 'a condition on a free-text field: any value',
    edit: (def) => {
      criteria(def).requiredWhen = { field: 'description', in: ['fall'] };
    },
    problems: () => [],
  },
  {
    name: 'date limits on a field that is not a date',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').notBefore = [{ event: 'consent' }];
      fieldIn(def, 'vas', 'vas_mark_mm').notAfter = [{ event: 'today' }];
    },
    problems: (def) => [
      problem([...fieldPath(def, 'vas', 'vas_mm'), 'notBefore'], 'DEF_DATE_LIMIT_NOT_DATE', {
        form: 'vas',
        field: 'vas_mm',
      }),
      problem([...fieldPath(def, 'vas', 'vas_mark_mm'), 'notAfter'], 'DEF_DATE_LIMIT_NOT_DATE', {
        form: 'vas',
        field: 'vas_mark_mm',
      }),
    ],
  },
  {
    name: 'empty date limits on a field that is not a date',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').notBefore = [];
    },
    problems: () => [],
  },
  {
    name: 'a date limit by a field the form lacks',
    edit: (def) => {
      fieldIn(def, 'adverse_event', 'end_date').notBefore = [{ event: 'consent' }, { field: 'start_date' }];
    },
    problems: (def) => [
      problem([...endAt(def), 'notBefore', 1, 'field'], 'DEF_DATE_LIMIT_FIELD', {
        ...endNamed,
        other: 'start_date',
      }),
    ],
  },
  {
    name: 'a date limit by a field that is not a date',
    edit: (def) => {
      fieldIn(def, 'adverse_event', 'end_date').notAfter = [{ field: 'description' }];
    },
    problems: (def) => [
      problem([...endAt(def), 'notAfter', 0, 'field'], 'DEF_DATE_LIMIT_FIELD', {
        ...endNamed,
        other: 'description',
      }),
    ],
  },
  {
    name: 'a date limit by the field itself',
    edit: (def) => {
      fieldIn(def, 'adverse_event', 'end_date').notBefore = [{ field: 'end_date' }];
    },
    problems: (def) => [
      problem([...endAt(def), 'notBefore', 0, 'field'], 'DEF_DATE_LIMIT_FIELD', {
        ...endNamed,
        other: 'end_date',
      }),
    ],
  },
  {
    name: 'a date-time field limited by a date-time field',
    edit: (def) => {
      fieldIn(def, 'adverse_event', 'onset_date').type = 'datetime';
      fieldIn(def, 'adverse_event', 'end_date').type = 'datetime';
    },
    problems: () => [],
  },
  {
    name: 'a visit date limited by a form field',
    edit: (def) => {
      def.visitDates?.notBefore?.push({ field: 'consent_date' });
      def.visitDates?.notAfter?.unshift({ field: 'end_date' });
    },
    problems: () => [
      problem(['visitDates', 'notBefore', 2, 'field'], 'DEF_VISIT_DATE_LIMIT_FIELD'),
      problem(['visitDates', 'notAfter', 0, 'field'], 'DEF_VISIT_DATE_LIMIT_FIELD'),
    ],
  },
  {
    name: 'no visit dates (a definition stored before they were data)',
    edit: (def) => {
      delete def.visitDates;
    },
    problems: () => [],
  },
  {
    name: 'visit dates with one side only',
    edit: (def) => {
      def.visitDates = { notAfter: [{ event: 'today' }, { field: 'date' }] };
    },
    problems: () => [problem(['visitDates', 'notAfter', 1, 'field'], 'DEF_VISIT_DATE_LIMIT_FIELD')],
  },
  {
    name: 'the earliest plausible date after the latest',
    edit: (def) => {
      def.plausibleDates = { earliest: '2100-12-31', latest: '2100-12-30' };
    },
    problems: () => [
      problem(['plausibleDates', 'earliest'], 'DEF_EARLIEST_AFTER_LATEST', {
        earliest: '2100-12-31',
        latest: '2100-12-30',
      }),
    ],
  },
  {
    name: 'the earliest plausible date equal to the latest',
    edit: (def) => {
      def.plausibleDates = { earliest: '2000-01-01', latest: '2000-01-01' };
    },
    problems: () => [],
  },
  {
    name: 'no plausible dates',
    edit: (def) => {
      delete def.plausibleDates;
    },
    problems: () => [],
  },
];

describe('fieldRuleProblems: field rules point at fields that exist and fit (field-rule-checks.ts)', () => {
  it('finds nothing wrong with the trial’s own field rules', () => {
    expect(fieldRuleProblems(editedTrial())).toEqual([]);
  });

  it.each(cases)('$name', ({ edit, problems }) => {
    const def = editedTrial(edit);
    expect(fieldRuleProblems(def)).toEqual(problems(def));
  });

  it('checks every form, not only the first with a rule', () => {
    const def = editedTrial((d) => {
      formIn(d, 'deviation').fields.push(
        field('noted_at', text('Noted', 'Not edildi'), 'integer', { notAfter: [{ event: 'today' }] }),
      );
    });
    expect(fieldRuleProblems(def).map((p) => [p.code, p.params.form, p.params.field])).toEqual([
      ['DEF_DATE_LIMIT_NOT_DATE', 'deviation', 'noted_at'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { type DefinitionChange, diffDefinitions } from '../src/study/definition-diff';
import type { StudyDefinition } from '../src/study/definition-schema';
import { field, option, text } from '../src/study/field-builders';
import { editedTrial, fieldIn, formIn } from './fixtures/edited-trial';

interface Case {
  name: string;
  edit: (def: StudyDefinition) => void;
  changes: DefinitionChange[];
}

const visit = (change: DefinitionChange['change'], params: Record<string, string>) => ({ change, params });
const onField = (
  change: DefinitionChange['change'],
  form: string,
  name: string,
  choice?: string,
): DefinitionChange => ({
  change,
  params: choice === undefined ? { form, field: name } : { form, field: name, choice },
});
const setting = (name: string) => ({ change: 'setting_changed' as const, params: { setting: name } });

/** Each case amends the trial's definition in one way; the diff names exactly that change (R-DEF-5). */
const cases: Case[] = [
  {
    name: 'a visit moved by a day',
    edit: (def) => {
      Object.assign(def.visits[2] ?? {}, { dayOffset: 8 });
    },
    changes: [visit('visit_schedule_changed', { visit: 'W1' })],
  },
  {
    name: 'a visit window widened after the target day',
    edit: (def) => {
      Object.assign(def.visits[3] ?? {}, { windowAfter: 10 });
    },
    changes: [visit('visit_schedule_changed', { visit: 'M1' })],
  },
  {
    name: 'a visit window widened before the target day',
    edit: (def) => {
      Object.assign(def.visits[3] ?? {}, { windowBefore: 10 });
    },
    changes: [visit('visit_schedule_changed', { visit: 'M1' })],
  },
  {
    name: 'a visit of another kind',
    edit: (def) => {
      Object.assign(def.visits[4] ?? {}, { kind: 'baseline' });
    },
    changes: [visit('visit_schedule_changed', { visit: 'M3' })],
  },
  {
    name: 'a form added to a visit',
    edit: (def) => {
      def.visits[1]?.forms.push('demographics');
    },
    changes: [visit('visit_form_added', { visit: 'BL', form: 'demographics' })],
  },
  {
    name: 'a visit’s Turkish label',
    edit: (def) => {
      Object.assign(def.visits[0] ?? {}, { label: text('Screening', 'Ön değerlendirme') });
    },
    changes: [visit('visit_label_changed', { visit: 'SCR' })],
  },
  {
    name: 'a form added, and one removed',
    edit: (def) => {
      def.forms.push({ ...structuredClone(formIn(def, 'deviation')), code: 'note' });
      def.forms = def.forms.filter((f) => f.code !== 'end_of_study');
    },
    changes: [
      { change: 'form_added', params: { form: 'note' } },
      { change: 'form_removed', params: { form: 'end_of_study' } },
    ],
  },
  {
    name: 'a form’s label',
    edit: (def) => {
      formIn(def, 'deviation').label = text('Deviation', 'Sapma');
    },
    changes: [{ change: 'form_label_changed', params: { form: 'deviation' } }],
  },
  {
    name: 'a field added',
    edit: (def) => {
      formIn(def, 'vas').fields.push(field('vas_hand', text('Hand', 'El'), 'text'));
    },
    changes: [onField('field_added', 'vas', 'vas_hand')],
  },
  {
    name: 'a field’s label',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').label = text('Pain', 'Ağrı');
    },
    changes: [onField('field_label_changed', 'vas', 'vas_mm')],
  },
  {
    name: 'a field’s type',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').type = 'decimal';
    },
    changes: [onField('field_type_changed', 'vas', 'vas_mm')],
  },
  {
    name: 'a field’s lowest value',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').min = 1;
    },
    changes: [onField('field_range_changed', 'vas', 'vas_mm')],
  },
  {
    name: 'a field’s highest value',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').max = 99;
    },
    changes: [onField('field_range_changed', 'vas', 'vas_mm')],
  },
  {
    name: 'a field no longer required',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').required = false;
    },
    changes: [onField('field_required_changed', 'vas', 'vas_mm')],
  },
  {
    name: 'a field’s unit',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').unit = 'cm';
    },
    changes: [onField('field_settings_changed', 'vas', 'vas_mm')],
  },
  {
    name: 'a field made derived',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_mm').derived = true;
    },
    changes: [onField('field_settings_changed', 'vas', 'vas_mm')],
  },
  {
    name: 'a field’s proposed value',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_method').default = { value: 'electronic' };
    },
    changes: [onField('field_settings_changed', 'vas', 'vas_method')],
  },
  {
    name: 'a choice removed',
    edit: (def) => {
      const method = fieldIn(def, 'vas', 'vas_method');
      method.allowedValues = method.allowedValues?.filter((c) => c.code !== 'electronic');
    },
    changes: [onField('choice_removed', 'vas', 'vas_method', 'electronic')],
  },
  {
    name: 'a choice’s label, and a choice added where there were none',
    edit: (def) => {
      fieldIn(def, 'vas', 'vas_method').allowedValues = [
        option('paper', 'On paper', 'Kağıtta'),
        option('electronic', 'Electronic', 'Elektronik'),
      ];
      fieldIn(def, 'vas', 'vas_mm').allowedValues = [option('0', 'None', 'Yok')];
    },
    changes: [
      onField('choice_added', 'vas', 'vas_mm', '0'),
      onField('choice_label_changed', 'vas', 'vas_method', 'paper'),
    ],
  },
  {
    name: 'a criterion added and one removed',
    edit: (def) => {
      const [first, ...rest] = def.eligibility.criteria;
      if (first) def.eligibility.criteria = [...rest, { ...first, id: 'I5' }];
    },
    changes: [
      { change: 'criterion_added', params: { criterion: 'I5' } },
      { change: 'criterion_removed', params: { criterion: 'I1' } },
    ],
  },
  ...(['kind', 'textEn', 'textTr', 'expected', 'derivedFrom'] as const).map((key) => ({
    name: `a criterion’s ${key}`,
    edit: (def: StudyDefinition) => {
      const c = def.eligibility.criteria[1];
      if (!c) return;
      if (key === 'kind') c.kind = 'exclusion';
      if (key === 'expected') c.expected = 'no';
      if (key === 'derivedFrom') c.derivedFrom = c.derivedFrom === 'age' ? 'bmi' : 'age';
      if (key === 'textEn' || key === 'textTr') c[key] = `${c[key]} (amended)`;
    },
    changes: [{ change: 'criterion_text_changed' as const, params: { criterion: 'I2' } }],
  })),
  {
    name: 'the eligibility limits',
    edit: (def) => {
      def.eligibility.limits.ageMax = 70;
    },
    changes: [setting('eligibility.limits')],
  },
  {
    name: 'a consent version withdrawn and another added',
    edit: (def) => {
      def.consentVersions = [{ version: '2.0', effectiveFrom: '2026-01-01' }];
    },
    changes: [
      { change: 'consent_version_added', params: { version: '2.0' } },
      { change: 'consent_version_removed', params: { version: '1.0' } },
    ],
  },
  ...(
    [
      ['id', (d) => Object.assign(d, { id: 'other' })],
      ['name', (d) => Object.assign(d, { name: 'Another trial' })],
      ['nctId', (d) => Object.assign(d, { nctId: 'NCT00000002' })],
      ['arms', (d) => Object.assign(d.arms[0] ?? {}, { plannedSessions: 6 })],
      ['stratification', (d) => d.stratification.strata.push({ key: 'S03', label: text('Third', 'Üçüncü') })],
      ['randomization', (d) => Object.assign(d.randomization, { slotsPerStratum: 90 })],
      ['mcid', (d) => Object.assign(d.mcid.vas, { absoluteMm: 20 })],
      ['blinding', (d) => d.blinding.revealingForms.pop()],
      ['instruments', (d) => Object.assign(d.instruments, { vasPromptVersion: 'v2' })],
      ['roles', (d) => d.roles.afterScreenFailure.pop()],
    ] as [string, (def: StudyDefinition) => void][]
  ).map(([name, edit]) => ({ name: `the setting ${name}`, edit, changes: [setting(name)] })),
];

describe('diffDefinitions: one change per amendment (definition-diff.ts)', () => {
  it.each(cases)('$name', ({ edit, changes }) => {
    expect(diffDefinitions(editedTrial(), editedTrial(edit))).toEqual(changes);
  });

  it('compares a visit’s label, kind and forms with its old self, not with the visit in its old place', () => {
    const next = editedTrial((d) => {
      d.visits.reverse();
    });
    expect(diffDefinitions(editedTrial(), next)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { type DefinitionChange, diffDefinitions } from '../src/study/definition-diff';
import type { StudyDefinition } from '../src/study/definition-schema';
import { definitionPlaces } from '../src/study/definition-settings';
import { lbpTrial } from '../src/study/lbp-trial';
import { editedTrial, fieldIn, formIn } from './fixtures/edited-trial';

// An amendment's recorded difference names every change (R-DEF-5; docs/study-definition.md
// "Amendments"): the field rules, form settings, date settings and consent dates an amendment
// can change alone, and every place of the definition schema, walked so a property added to the
// schema later without a comparison fails here.

const onField = (change: DefinitionChange['change'], form: string, field: string): DefinitionChange => ({
  change,
  params: { form, field },
});

interface Case {
  name: string;
  edit: (def: StudyDefinition) => void;
  changes: DefinitionChange[];
}

const cases: Case[] = [
  {
    name: 'a field becoming required on a condition',
    edit: (def) => {
      fieldIn(def, 'adverse_event', 'end_date').requiredWhen = { field: 'serious', in: ['yes'] };
    },
    changes: [onField('field_condition_changed', 'adverse_event', 'end_date')],
  },
  {
    name: 'a conditional requirement on another answer',
    edit: (def) => {
      fieldIn(def, 'adverse_event', 'serious_criteria').requiredWhen = { field: 'serious', in: ['no'] };
    },
    changes: [onField('field_condition_changed', 'adverse_event', 'serious_criteria')],
  },
  {
    name: 'a conditional requirement dropped',
    edit: (def) => {
      delete fieldIn(def, 'adverse_event', 'serious_criteria').requiredWhen;
    },
    changes: [onField('field_condition_changed', 'adverse_event', 'serious_criteria')],
  },
  {
    name: 'a date limit added before',
    edit: (def) => {
      fieldIn(def, 'adverse_event', 'onset_date').notBefore = [{ event: 'randomization' }];
    },
    changes: [onField('field_date_limits_changed', 'adverse_event', 'onset_date')],
  },
  {
    name: 'a date limit moved after',
    edit: (def) => {
      fieldIn(def, 'adverse_event', 'end_date').notAfter = [{ date: '2030-12-31' }];
    },
    changes: [onField('field_date_limits_changed', 'adverse_event', 'end_date')],
  },
  {
    name: 'a date limit limited to visits of one kind',
    edit: (def) => {
      fieldIn(def, 'adverse_event', 'onset_date').notBefore = [{ event: 'consent', at: ['follow_up'] }];
    },
    changes: [onField('field_date_limits_changed', 'adverse_event', 'onset_date')],
  },
  {
    name: 'a form no longer repeating',
    edit: (def) => {
      formIn(def, 'deviation').repeating = false;
    },
    changes: [{ change: 'form_settings_changed', params: { form: 'deviation' } }],
  },
  {
    name: 'a form’s instrument removed',
    edit: (def) => {
      delete formIn(def, 'vas').instrument;
    },
    changes: [{ change: 'form_settings_changed', params: { form: 'vas' } }],
  },
  {
    name: 'the plausible dates narrowed',
    edit: (def) => {
      def.plausibleDates = { earliest: '2000-01-01', latest: '2100-12-31' };
    },
    changes: [{ change: 'setting_changed', params: { setting: 'plausibleDates' } }],
  },
  {
    name: 'a visit-date rule added',
    edit: (def) => {
      def.visitDates = { ...def.visitDates, notAfter: [{ event: 'today' }, { date: '2030-12-31' }] };
    },
    changes: [{ change: 'setting_changed', params: { setting: 'visitDates' } }],
  },
  {
    name: 'the visit-date rules left to the default',
    edit: (def) => {
      delete def.visitDates;
    },
    changes: [{ change: 'setting_changed', params: { setting: 'visitDates' } }],
  },
  {
    name: 'a consent version in force from another day',
    edit: (def) => {
      const [first] = def.consentVersions;
      if (first) first.effectiveFrom = '2025-06-01';
    },
    changes: [{ change: 'consent_version_changed', params: { version: '1.0' } }],
  },
];

describe('diffDefinitions names a change to a field rule, a form setting or a date setting', () => {
  it.each(cases)('$name', ({ edit, changes }) => {
    expect(diffDefinitions(lbpTrial, editedTrial(edit))).toEqual(changes);
    // The other way round names the same change: an amendment can undo it.
    expect(diffDefinitions(editedTrial(edit), lbpTrial)).toEqual(changes);
  });
});

type Json = unknown;
type Place = readonly (string | number)[];
type Holder = Json[] | Record<string, Json>;
interface Spot {
  holder: Holder;
  key: string | number;
}

const isRecord = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const valueAt = ({ holder, key }: Spot): Json =>
  Array.isArray(holder) ? holder[Number(key)] : holder[String(key)];

/** Every value at `place` in `value` (a 0 stands for any item of a list), with where it is. */
function valuesAt(value: Json, place: Place): Spot[] {
  const [head, ...rest] = place;
  if (head === undefined) return [];
  const spots: Spot[] = [];
  if (head === 0 && Array.isArray(value)) {
    for (const i of value.keys()) spots.push({ holder: value, key: i });
  }
  if (typeof head === 'string' && isRecord(value) && head in value) spots.push({ holder: value, key: head });
  return rest.length === 0 ? spots : spots.flatMap((spot) => valuesAt(valueAt(spot), rest));
}

/** A different value of the same kind: a longer text, a larger number, the other flag, one item fewer. */
function altered(value: Json): Json {
  if (typeof value === 'string') return `${value}_x`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (value === null) return 1;
  if (Array.isArray(value)) return value.slice(0, -1);
  if (isRecord(value)) {
    const [first] = Object.keys(value);
    return first === undefined ? { x: 1 } : { ...value, [first]: altered(value[first]) };
  }
  return 'x';
}

/** `base` with the first value at `place` altered, or null when it holds none to alter. */
function alteredAt(base: StudyDefinition, place: Place): StudyDefinition | null {
  const def = structuredClone(base);
  const found = valuesAt(def, place).find((spot) => {
    const value = valueAt(spot);
    return !(Array.isArray(value) && value.length === 0);
  });
  if (!found) return null;
  const { holder, key } = found;
  if (Array.isArray(holder)) holder.splice(Number(key), 1);
  else holder[String(key)] = altered(holder[String(key)]);
  return def;
}

/**
 * The trial's definition with what it leaves out filled in (optional settings it does not use,
 * lists it leaves empty), so the places below them are changed too.
 */
const filledIn = editedTrial((def) => {
  const [criterion] = def.eligibility.criteria;
  if (criterion) criterion.derivedFrom = 'bmi';
  def.eligibility.limits.painDurationMonthsMin = 3;
  fieldIn(def, 'adverse_event', 'description').default = { value: 'none' };
  fieldIn(def, 'adverse_event', 'onset_date').default = { from: 'today' };
  def.blinding.revealingFields.push({ form: 'adverse_event', field: 'description' });
  const bounds = (field: string) => [{ date: '2025-01-01' }, { field, at: ['follow_up' as const] }];
  fieldIn(def, 'adverse_event', 'end_date').notBefore = bounds('onset_date');
  fieldIn(def, 'adverse_event', 'end_date').notAfter = bounds('onset_date');
  def.visitDates = { notBefore: bounds('date'), notAfter: bounds('date') };
});

describe('every place of the definition schema, changed alone, is a change of the amendment', () => {
  const places = definitionPlaces.filter((place) => place.length > 0);

  it('walks the field rules, form settings and date settings among the places', () => {
    const names = places.map((p) => p.join('.'));
    for (const place of [
      'forms.0.fields.0.requiredWhen.in.0',
      'forms.0.fields.0.notAfter.0.at.0',
      'forms.0.repeating',
      'forms.0.instrument',
      'plausibleDates.earliest',
      'visitDates.notBefore.0.event',
      'consentVersions.0.effectiveFrom',
    ])
      expect(names).toContain(place);
  });

  it('finds a change for every place, present in the trial’s definition or set by hand', () => {
    const silent: string[] = [];
    const untested: string[] = [];
    for (const place of places) {
      const base = [lbpTrial, filledIn].find((def) => alteredAt(def, place) !== null);
      const after = base && alteredAt(base, place);
      if (!base || !after) untested.push(place.join('.'));
      else if (diffDefinitions(base, after).length === 0) silent.push(place.join('.'));
    }
    expect(silent).toEqual([]);
    expect(untested).toEqual([]);
  });
});

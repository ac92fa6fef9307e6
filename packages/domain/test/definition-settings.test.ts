import { describe, expect, it } from 'vitest';
import { studyDefinitionObjectSchema } from '../src/study/definition-schema';
import { definitionPlaces, definitionSettingKeys } from '../src/study/definition-settings';

const joined = () => definitionPlaces.map((place) => place.join('.'));

describe('definitionPlaces and definitionSettingKeys: every place a definition has, from its schema', () => {
  it('walks objects, lists (their first element), optional values and unions down to the leaves', () => {
    expect(joined()).toEqual(
      expect.arrayContaining([
        'id',
        'visits',
        'visits.0',
        'visits.0.windowBefore',
        'visits.0.forms.0',
        'roles.consent.dateField',
        'roles.unscheduledVisit.label.tr',
        'forms.0.fields.0.allowedValues.0.label.en',
        'forms.0.fields.0.requiredWhen.in.0',
        'forms.0.fields.0.notBefore.0.field',
        'forms.0.fields.0.notBefore.0.event',
        'forms.0.fields.0.notBefore.0.date',
        'forms.0.fields.0.notAfter.0.at.0',
        'forms.0.fields.0.default.from',
        'forms.0.fields.0.default.value',
        'arms.0.plannedSessions',
        'plausibleDates.earliest',
        'visitDates.notAfter.0.event',
      ]),
    );
  });

  it('names a place once even where two union options share it, and keeps the path’s numbers', () => {
    const places = joined();
    expect(places.filter((p) => p === 'forms.0.fields.0.notBefore.0.at')).toHaveLength(1);
    expect(places.filter((p) => p === 'visitDates.notBefore.0.at.0')).toHaveLength(1);
    expect(new Set(places).size).toBe(places.length);
    expect(definitionPlaces).toContainEqual(['visits', 0, 'windowAfter']);
    expect(definitionPlaces).not.toContainEqual(['visits', '0', 'windowAfter']);
  });

  it('lists no place under a leaf (a string, number or enum has none), and none outside the sections', () => {
    const places = joined();
    expect(places.filter((p) => p.startsWith('nctId.') || p.startsWith('visits.0.dayOffset.'))).toEqual([]);
    const sections = Object.keys(studyDefinitionObjectSchema.shape);
    expect(
      definitionPlaces.filter(([section]) => typeof section !== 'string' || !sections.includes(section)),
    ).toEqual([]);
    expect(definitionPlaces.filter((place) => place.length === 1)).toEqual(sections.map((s) => [s]));
  });

  it('keeps the setting keys below the top level, without list positions', () => {
    for (const key of [
      'windowBefore',
      'dateField',
      'earliest',
      'event',
      'from',
      'slotsPerStratum',
      'forms',
      'id',
    ])
      expect(definitionSettingKeys.has(key)).toBe(true);
    // Top-level sections only (an id also names a criterion, `forms` a visit's forms).
    for (const key of ['nctId', 'arms', 'enrollment', 'randomization', 'blinding', 'visits', 'mcid'])
      expect(definitionSettingKeys.has(key)).toBe(false);
    expect([...definitionSettingKeys].every((key) => typeof key === 'string' && key !== '0')).toBe(true);
  });
});

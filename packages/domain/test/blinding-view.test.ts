import { describe, expect, it } from 'vitest';
import {
  armRevealingTerms,
  type BlindView,
  blindRules,
  fieldOfFormVisible,
  formShownInFull,
  formsOpenToDiscussion,
  formsWithQueriesFor,
  redactAuditChanges,
  redactRecordData,
  visibleFieldNames,
  visibleFormDefinition,
} from '../src/access/blinding';
import { lbpTrial } from '../src/study/lbp-trial';

// A view written out by hand (R-BLIND-2), so each rule of the blinding helpers is seen on its own:
// vas hidden whole, end_of_study reduced to two fields, a revealing field of odi, and revealing
// values of one adverse-event field.
const view: BlindView = {
  hiddenForms: new Set(['vas']),
  onlyFields: new Map([['end_of_study', new Set(['status', 'date'])]]),
  revealingFields: new Map([['odi', new Set(['q9'])]]),
  revealingValues: new Map([['adverse_event.expected_event', new Set(['haematoma'])]]),
};
const allForms = lbpTrial.forms.map((f) => f.code);
const formOf = (code: string) => {
  const form = lbpTrial.forms.find((f) => f.code === code);
  if (!form) throw new Error(`the trial has a ${code} form`);
  return form;
};

describe('blinding helpers, one rule at a time (R-BLIND-2)', () => {
  it('drops a field when any of its stored values reveals the arm', () => {
    const data = (expected_event: unknown) =>
      redactRecordData(view, 'adverse_event', { expected_event, serious: 'no' });
    expect(data(['other', 'haematoma'])).toEqual({ serious: 'no' });
    expect(data('haematoma')).toEqual({ serious: 'no' });
    expect(data(['other'])).toEqual({ expected_event: ['other'], serious: 'no' });
    expect(data(7)).toEqual({ expected_event: 7, serious: 'no' });
  });

  it('opens to discussion only forms shown whole, and queries only on outcome forms among them', () => {
    expect(formsOpenToDiscussion(view, lbpTrial)).toEqual(
      allForms.filter((c) => c !== 'vas' && c !== 'end_of_study'),
    );
    expect(formsWithQueriesFor(view, lbpTrial)).toEqual(['odi']);
  });

  it('shows a form in full only without hidden fields or revealing values', () => {
    expect(formShownInFull(view, 'adverse_event')).toBe(false);
    expect(formShownInFull(view, 'demographics')).toBe(true);
    expect(formShownInFull(null, 'vas')).toBe(true);
    const twoForms: BlindView = {
      ...view,
      revealingValues: new Map([
        ['adverse_event.expected_event', new Set(['haematoma'])],
        ['demographics.sex', new Set(['x'])],
      ]),
    };
    expect(formShownInFull(twoForms, 'adverse_event')).toBe(false);
    expect(formShownInFull(twoForms, 'odi')).toBe(false);
    expect(formShownInFull(twoForms, 'consent')).toBe(true);
  });

  it('tells whether a field of a form may be seen', () => {
    expect(fieldOfFormVisible(null, 'vas', 'vas_mm')).toBe(true);
    expect(fieldOfFormVisible(view, 'vas', 'vas_mm')).toBe(false);
    expect(fieldOfFormVisible(view, 'odi', 'q9')).toBe(false);
    expect(fieldOfFormVisible(view, 'odi', 'q1')).toBe(true);
    expect(fieldOfFormVisible(view, 'end_of_study', 'status')).toBe(true);
    expect(fieldOfFormVisible(view, 'end_of_study', 'reason')).toBe(false);
  });

  it('keeps audit changes whole for an unblinded viewer and names only visible fields', () => {
    const changes = { 'data.q9': [1, 2] as [unknown, unknown] };
    expect(redactAuditChanges(null, 'odi', changes)).toBe(changes);
    expect(redactAuditChanges(view, 'odi', changes)).toEqual({});
    expect(visibleFieldNames(null, 'odi', ['q1', 'q9'])).toEqual(['q1', 'q9']);
    expect(visibleFieldNames(view, 'odi', ['q1', 'q9'])).toEqual(['q1']);
    expect(visibleFieldNames(view, 'vas', ['vas_mm'])).toEqual([]);
  });

  it('shows no definition of a form none of whose fields may be seen', () => {
    const none: BlindView = { ...view, onlyFields: new Map([['odi', new Set(['no_such_field'])]]) };
    expect(visibleFormDefinition(none, formOf('odi'))).toBeNull();
    expect(visibleFormDefinition(view, formOf('odi'))?.fields.map((f) => f.name)).not.toContain('q9');
  });

  it('reduces only revealing forms to their safe fields, and joins revealing values of one field', () => {
    const rules = blindRules({
      ...lbpTrial,
      blinding: {
        ...lbpTrial.blinding,
        safeFields: [...lbpTrial.blinding.safeFields, { form: 'odi', field: 'q1' }],
        revealingValues: [
          ...lbpTrial.blinding.revealingValues,
          { form: 'adverse_event', field: 'expected_event', values: ['other_value'] },
        ],
      },
    });
    expect([...rules.onlyFields.keys()]).toEqual(['end_of_study']);
    expect(rules.revealingValues.get('adverse_event.expected_event')).toEqual(
      new Set([...(lbpTrial.blinding.revealingValues[0]?.values ?? []), 'other_value']),
    );
  });

  it('counts the labels of revealing choice values among the words that tell the arm', () => {
    const terms = armRevealingTerms(lbpTrial);
    const field = formOf('adverse_event').fields.find((f) => f.name === 'expected_event');
    const haematoma = field?.allowedValues?.find((v) => v.code === 'haematoma');
    expect(haematoma).toBeDefined();
    expect(terms).toEqual(expect.arrayContaining(['haematoma', haematoma?.label.en, haematoma?.label.tr]));
    for (const arm of lbpTrial.arms) {
      expect(terms).toEqual(
        expect.arrayContaining([arm.code, arm.label.en, arm.label.tr, arm.interventionForm]),
      );
    }
  });
});

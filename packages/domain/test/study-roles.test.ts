import { describe, expect, it } from 'vitest';
import {
  attributeSource,
  attributesFrom,
  baselineVisitOf,
  endStatusFrom,
  extraVisitForms,
  fieldOf,
  formsOfVisit,
  instrumentForm,
  isArmForm,
  isOutcomeForm,
  screeningVisitOf,
  visitLabelOf,
  visitRank,
  visitRoleOf,
} from '../src/study/roles';
import { editedTrial, formIn } from './fixtures/edited-trial';

const armForms = ['intervention_tlf_mob', 'intervention_us_d5w'];

describe('roles.ts: the roles of forms and visits, answered from the definition', () => {
  it('finds the screening and baseline visits by kind, wherever they are listed', () => {
    const def = editedTrial((d) => {
      d.visits.reverse();
    });
    expect(screeningVisitOf(def).code).toBe('SCR');
    expect(baselineVisitOf(def).code).toBe('BL');
  });

  it('throws, naming the kind, when a definition has no such visit', () => {
    const def = editedTrial((d) => {
      d.visits = d.visits.filter((v) => v.kind === 'follow_up');
    });
    expect(() => screeningVisitOf(def)).toThrow('the study definition has no screening visit');
    expect(() => baselineVisitOf(def)).toThrow('the study definition has no baseline visit');
  });

  it('finds the form scored as an instrument, or none', () => {
    const def = editedTrial((d) => {
      delete formIn(d, 'demographics').instrument;
    });
    expect(instrumentForm(def, 'oswestry_disability_index')?.code).toBe('odi');
    expect(instrumentForm(def, 'visual_analogue_scale')?.code).toBe('vas');
    expect(instrumentForm(def, 'body_mass_index')).toBeUndefined();
  });

  it('gives the forms of visits outside the schedule: treatment takes the arms’ forms', () => {
    const def = editedTrial();
    expect(extraVisitForms(def, 'TX')).toEqual(armForms);
    expect(extraVisitForms(def, 'UNS')).toEqual(['adverse_event', 'deviation', 'vas', 'odi', 'end_of_study']);
    expect(extraVisitForms(def, 'BL')).toBeUndefined();
    expect(extraVisitForms(def, 'XX')).toBeUndefined();
  });

  it('returns the unscheduled forms as a copy the caller may change', () => {
    const def = editedTrial();
    extraVisitForms(def, 'UNS')?.push('demographics');
    expect(def.roles.unscheduledVisit.forms).not.toContain('demographics');
  });

  it('gives the forms of any visit code, scheduled first', () => {
    const def = editedTrial((d) => {
      d.roles.unscheduledVisit.code = 'M1';
    });
    expect(formsOfVisit(def, 'BL')).toEqual(['vas', 'odi']);
    expect(formsOfVisit(def, 'M1')).toEqual(['vas', 'odi', 'adverse_event']);
    expect(formsOfVisit(def, 'TX')).toEqual(armForms);
    expect(formsOfVisit(def, 'XX')).toBeUndefined();
  });

  it.each([
    ['SCR', 'screening', 'Screening', 0],
    ['BL', 'baseline', 'Baseline', 1],
    ['W1', 'follow_up', 'Week 1', 2],
    ['M3', 'follow_up', 'Month 3', 4],
    ['TX', 'treatment', 'Treatment', 5],
    ['UNS', 'unscheduled', 'Unscheduled', 6],
    ['XX', undefined, undefined, 7],
  ])('places visit %s: role %s, label %s, rank %i', (code, role, label, rank) => {
    const def = editedTrial();
    expect(visitRoleOf(def, code)).toBe(role);
    expect(visitLabelOf(def, code)?.en).toBe(label);
    expect(visitRank(def, code)).toBe(rank);
  });

  it('ranks and words a scheduled visit by the schedule even when a role reuses its code', () => {
    const def = editedTrial((d) => {
      d.roles.treatmentVisit.code = 'W1';
      d.roles.unscheduledVisit.code = 'M1';
    });
    expect([visitRoleOf(def, 'W1'), visitRoleOf(def, 'M1')]).toEqual(['follow_up', 'follow_up']);
    expect([visitLabelOf(def, 'W1')?.en, visitLabelOf(def, 'M1')?.en]).toEqual(['Week 1', 'Month 1']);
    expect([visitRank(def, 'W1'), visitRank(def, 'M1')]).toEqual([2, 3]);
  });

  it('tells outcome forms and arm forms', () => {
    const def = editedTrial();
    expect(['vas', 'odi', 'adverse_event', ...armForms].map((f) => isOutcomeForm(def, f))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(['vas', 'adverse_event', ...armForms].map((f) => isArmForm(def, f))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('reads one own field of stored data, and nothing from what is not an object', () => {
    expect(fieldOf({ sex: 'female', n: 0 }, 'sex')).toBe('female');
    expect(fieldOf({ sex: 'female', n: 0 }, 'n')).toBe(0);
    expect(fieldOf({ sex: null }, 'sex')).toBeNull();
    expect(fieldOf({ sex: 'female' }, 'status')).toBeUndefined();
    expect(fieldOf(Object.create({ sex: 'female' }), 'sex')).toBeUndefined();
    expect(fieldOf({}, 'toString')).toBeUndefined();
    expect(fieldOf(null, 'sex')).toBeUndefined();
    expect(fieldOf(undefined, 'sex')).toBeUndefined();
    expect(fieldOf('sex', 'length')).toBeUndefined();
  });

  it('sets the participant attributes a demographics record holds, only with values they accept', () => {
    const def = editedTrial();
    expect(attributesFrom(def, 'demographics', { sex: 'male', birth_year: 1980 })).toEqual({
      sex: 'male',
      birthYear: 1980,
    });
    expect(attributesFrom(def, 'demographics', { sex: 'female' })).toEqual({ sex: 'female' });
    expect(attributesFrom(def, 'demographics', { sex: 'other', birth_year: '1980' })).toEqual({});
    expect(attributesFrom(def, 'demographics', { sex: 1980, birth_year: 'male' })).toEqual({});
    expect(attributesFrom(def, 'vas', { sex: 'male', birth_year: 1980 })).toEqual({});
  });

  it('reads each attribute from its own form', () => {
    const def = editedTrial((d) => {
      d.roles.participantAttributes = [
        { attribute: 'sex', form: 'demographics', field: 'sex' },
        { attribute: 'birthYear', form: 'consent', field: 'birth_year' },
      ];
    });
    const data = { sex: 'female', birth_year: 1990 };
    expect(attributesFrom(def, 'demographics', data)).toEqual({ sex: 'female' });
    expect(attributesFrom(def, 'consent', data)).toEqual({ birthYear: 1990 });
  });

  it('names where an attribute is recorded, if the study records it', () => {
    const def = editedTrial((d) => {
      d.roles.participantAttributes = d.roles.participantAttributes.filter((a) => a.attribute === 'sex');
    });
    expect(attributeSource(def, 'sex')).toEqual({ attribute: 'sex', form: 'demographics', field: 'sex' });
    expect(attributeSource(def, 'birthYear')).toBeUndefined();
  });

  it('ends participation from the end-of-study status: completed or withdrawn, nothing else', () => {
    const def = editedTrial();
    expect(endStatusFrom(def, 'end_of_study', { status: 'completed' })).toBe('completed');
    expect(endStatusFrom(def, 'end_of_study', { status: 'withdrawn' })).toBe('withdrawn');
    expect(endStatusFrom(def, 'end_of_study', { status: 'lost' })).toBeUndefined();
    expect(endStatusFrom(def, 'end_of_study', {})).toBeUndefined();
    expect(endStatusFrom(def, 'deviation', { status: 'withdrawn' })).toBeUndefined();
  });
});

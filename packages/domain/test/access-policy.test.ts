import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blindViewFor,
  canEnterForm,
  formShownInFull,
  redactAuditChanges,
  redactRecordData,
} from '../src/access/blinding';
import type { Capability } from '../src/access/capabilities';
import { capabilities, isCapability } from '../src/access/capabilities';
import { capabilityTableMarkdown } from '../src/access/capability-table';
import { can, canAny, isBlinded } from '../src/access/policy';
import { roles } from '../src/contracts/auth';
import { lbpTrial, lbpTrialInput } from '../src/study/lbp-trial';
import { loadStudyDefinition } from '../src/study/load-definition';

describe('access policy (R-BLIND-1)', () => {
  it('denies an unknown role, a missing subject and an unknown capability', () => {
    for (const c of capabilities) {
      expect(can({ role: 'sponsor' }, c)).toBe(false);
      expect(can({ role: '' }, c)).toBe(false);
      expect(can(null, c)).toBe(false);
    }
    expect(can({ role: 'admin' }, 'delete_everything' as Capability)).toBe(false);
    expect(isBlinded({ role: 'sponsor' })).toBe(true);
  });

  it('blinds the assessor and nobody else while the allocation is concealed', () => {
    expect(roles.filter((role) => isBlinded({ role }))).toEqual(['assessor']);
    expect(can({ role: 'assessor' }, 'see_allocation')).toBe(false);
    expect(can({ role: 'assessor' }, 'see_outcome_comparison')).toBe(false);
    expect(can({ role: 'assessor', allocationReleased: false }, 'see_arm_revealing_data')).toBe(false);
  });

  it('lets blinded roles see the allocation once the study released it, and grants nothing else', () => {
    const released = { role: 'assessor', allocationReleased: true };
    expect(can(released, 'see_allocation')).toBe(true);
    expect(can(released, 'see_arm_revealing_data')).toBe(true);
    expect(isBlinded(released)).toBe(false);
    const gained = capabilities.filter((c) => can(released, c) && !can({ role: 'assessor' }, c));
    expect(gained.sort()).toEqual(['see_allocation', 'see_arm_revealing_data', 'see_outcome_comparison']);
    expect(can({ role: 'sponsor', allocationReleased: true }, 'see_allocation')).toBe(false);
  });

  it('knows its capabilities by name, and no other name', () => {
    expect(capabilities.every(isCapability)).toBe(true);
    for (const name of ['', 'delete_everything', 'Use_account', 'use_account '])
      expect(isCapability(name), name).toBe(false);
  });

  it('grants a route reached for several reasons when any one of them holds', () => {
    expect(canAny({ role: 'monitor' }, ['sign_records', 'verify_source'])).toBe(true);
    expect(canAny({ role: 'coordinator' }, ['sign_records', 'verify_source'])).toBe(false);
    expect(canAny({ role: 'assessor' }, ['see_allocation'])).toBe(false);
    expect(canAny({ role: 'assessor', allocationReleased: true }, ['manage_users', 'see_allocation'])).toBe(
      true,
    );
    expect(canAny({ role: 'admin' }, [])).toBe(false);
    expect(canAny(null, ['use_account'])).toBe(false);
  });

  it('lets the assessor enter the outcome forms only, and monitors no form', () => {
    const entered = (role: string) =>
      lbpTrial.forms.map((f) => f.code).filter((f) => canEnterForm({ role }, lbpTrial, f));
    expect(entered('assessor')).toEqual(['vas', 'odi']);
    expect(entered('monitor')).toEqual([]);
    expect(entered('coordinator')).toHaveLength(lbpTrial.forms.length);
    expect(canEnterForm({ role: 'coordinator' }, lbpTrial, 'no_such_form')).toBe(false);
  });

  it('docs/capabilities.md is the table the policy generates (node scripts/capabilities-doc.mjs)', () => {
    const file = readFileSync(join(import.meta.dirname, '../../../docs/capabilities.md'), 'utf8');
    expect(file).toBe(capabilityTableMarkdown());
  });
});

describe('blinding by the study definition (R-BLIND-2)', () => {
  // Built inside each test, so a mutant of the blinding rules is active when it is built
  // (docs/testing.md "Speed").
  const assessorView = () => blindViewFor({ role: 'assessor' }, lbpTrial);

  it('has no view for an unblinded viewer', () => {
    expect(blindViewFor({ role: 'investigator' }, lbpTrial)).toBeNull();
    expect(redactRecordData(null, 'adverse_event', { description: 'x' })).toEqual({ description: 'x' });
  });

  it('hides the intervention, safety and deviation forms whole', () => {
    const view = assessorView();
    for (const form of ['intervention_tlf_mob', 'intervention_us_d5w', 'adverse_event', 'deviation']) {
      expect(redactRecordData(view, form, { date: '2026-01-01' })).toBeNull();
    }
    expect(redactRecordData(view, 'vas', { vas_mm: 40 })).toEqual({ vas_mm: 40 });
  });

  it('keeps only the safe fields of end of study, never its free text', () => {
    const view = assessorView();
    const data = {
      status: 'withdrawn',
      date: '2026-02-01',
      reason: 'adverse_event',
      reason_other: 'after the injection',
    };
    expect(redactRecordData(view, 'end_of_study', data)).toEqual({ status: 'withdrawn', date: '2026-02-01' });
    const changes = {
      'data.reason_other': [null, 'after the injection'] as [unknown, unknown],
      status: ['draft', 'complete'] as [unknown, unknown],
    };
    expect(redactAuditChanges(view, 'end_of_study', changes)).toEqual({ status: ['draft', 'complete'] });
  });

  it('drops a field of a visible form that holds a revealing value, and a revealing field', () => {
    const def = loadStudyDefinition({
      ...lbpTrialInput,
      blinding: {
        ...lbpTrialInput.blinding,
        revealingFields: [{ form: 'demographics', field: 'occupation' }],
        revealingValues: [{ form: 'demographics', field: 'sex', values: ['female'] }],
      },
    });
    const v = blindViewFor({ role: 'assessor' }, def);
    expect(
      redactRecordData(v, 'demographics', { sex: 'female', occupation: 'nurse', height_cm: 170 }),
    ).toEqual({
      height_cm: 170,
    });
    expect(redactRecordData(v, 'demographics', { sex: 'male' })).toEqual({ sex: 'male' });
    // Free text about a demographics record could name what is withheld from it.
    expect(formShownInFull(v, 'demographics')).toBe(false);
    expect(formShownInFull(v, 'vas')).toBe(true);
  });

  it('tells which forms a blinded viewer sees whole, so reasons written about them may be shown', () => {
    const view = assessorView();
    expect(formShownInFull(null, 'adverse_event')).toBe(true);
    expect(formShownInFull(view, 'vas')).toBe(true);
    expect(formShownInFull(view, 'odi')).toBe(true);
    for (const form of ['adverse_event', 'deviation', 'end_of_study', 'intervention_us_d5w']) {
      expect(formShownInFull(view, form), form).toBe(false);
    }
    const onlyRevealingField = blindViewFor(
      { role: 'assessor' },
      loadStudyDefinition({
        ...lbpTrialInput,
        blinding: { ...lbpTrialInput.blinding, revealingFields: [{ form: 'odi', field: 'odi_version' }] },
      }),
    );
    expect(formShownInFull(onlyRevealingField, 'odi')).toBe(false);
    expect(formShownInFull(onlyRevealingField, 'vas')).toBe(true);
  });

  it('refuses a definition whose blinding names what does not exist or marks free text safe', () => {
    const bad = {
      ...lbpTrialInput,
      roles: { ...lbpTrialInput.roles, outcomeForms: ['vas', 'adverse_event'] },
      blinding: {
        ...lbpTrialInput.blinding,
        safeFields: [{ form: 'end_of_study', field: 'reason_other' }],
        revealingValues: [{ form: 'deviation', field: 'category', values: ['no_such_value'] }],
      },
    };
    expect(() => loadStudyDefinition(bad)).toThrow(
      /show the arm to the blinded assessor[\s\S]*free text[\s\S]*not a choice of field/,
    );
  });
});

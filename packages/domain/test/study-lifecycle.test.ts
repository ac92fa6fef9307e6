import { describe, expect, it } from 'vitest';
import { missingForms } from '../src/closeout/missing-forms';
import {
  availableLifecycleActions,
  lifecycleRequirements,
  nextStudyState,
} from '../src/closeout/study-lifecycle';
import { lbpTrial } from '../src/study/lbp-trial';

describe('study lifecycle rule', () => {
  it('goes open → entry closed → locked and back only by the named steps', () => {
    expect(nextStudyState('open', 'close_entry')).toBe('entry_closed');
    expect(nextStudyState('open', 'lock')).toBeNull();
    expect(nextStudyState('entry_closed', 'lock')).toBe('locked');
    expect(nextStudyState('entry_closed', 'reopen_entry')).toBe('open');
    expect(nextStudyState('locked', 'unlock')).toBe('entry_closed');
    expect(nextStudyState('locked', 'reopen_entry')).toBeNull();
    expect(availableLifecycleActions('locked')).toEqual(['unlock', 'release_allocation']);
    expect(availableLifecycleActions('entry_closed')).toEqual(['reopen_entry', 'lock']);
  });

  it('releases the allocation only while locked, once, with a reason and the password', () => {
    expect(availableLifecycleActions('entry_closed', false)).not.toContain('release_allocation');
    expect(availableLifecycleActions('open', false)).not.toContain('release_allocation');
    expect(availableLifecycleActions('locked', true)).toEqual(['unlock']);
    expect(nextStudyState('locked', 'release_allocation')).toBe('locked');
    expect(lifecycleRequirements('release_allocation', 0)).toEqual({ reason: 'required', password: true });
  });

  it('asks for a password to unlock, and a reason to lock only while checks are open', () => {
    expect(lifecycleRequirements('unlock', 0)).toEqual({ reason: 'required', password: true });
    expect(lifecycleRequirements('lock', 0).reason).toBe('optional');
    expect(lifecycleRequirements('lock', 3).reason).toBe('required');
  });
});

describe('missing forms before lock', () => {
  it('expects baseline and done visits’ forms, not repeating ones, and counts drafts', () => {
    const missing = missingForms(lbpTrial, {
      studyId: 'S01-0001',
      doneVisits: ['W1'],
      records: [
        { visitCode: 'BL', formCode: 'vas', status: 'signed' },
        { visitCode: 'BL', formCode: 'odi', status: 'complete' },
        { visitCode: 'W1', formCode: 'vas', status: 'draft' },
      ],
    });
    expect(missing).toEqual([
      { studyId: 'S01-0001', visitCode: 'W1', formCode: 'odi', problem: 'missing' },
      { studyId: 'S01-0001', visitCode: 'W1', formCode: 'vas', problem: 'draft' },
    ]);
  });
});

describe('lifecycle requirements and expected forms, each case', () => {
  it('asks nothing but the click to close entry, and a reason to reopen it', () => {
    expect(lifecycleRequirements('close_entry', 5)).toEqual({ reason: 'optional', password: false });
    expect(lifecycleRequirements('reopen_entry', 0)).toEqual({ reason: 'required', password: false });
    expect(lifecycleRequirements('lock', 0)).toEqual({ reason: 'optional', password: false });
    expect(lifecycleRequirements('lock', 1)).toEqual({ reason: 'required', password: false });
  });

  it('expects every baseline form, no screening form, and no form of a visit not done', () => {
    expect(missingForms(lbpTrial, { studyId: 'S01-0002', doneVisits: [], records: [] })).toEqual([
      { studyId: 'S01-0002', visitCode: 'BL', formCode: 'vas', problem: 'missing' },
      { studyId: 'S01-0002', visitCode: 'BL', formCode: 'odi', problem: 'missing' },
    ]);
    const m3 = missingForms(lbpTrial, {
      studyId: 'S01-0002',
      doneVisits: ['M3'],
      records: [
        { visitCode: 'BL', formCode: 'vas', status: 'complete' },
        { visitCode: 'BL', formCode: 'odi', status: 'complete' },
      ],
    });
    expect(m3.map((m) => `${m.visitCode}/${m.formCode}`)).toEqual(['M3/vas', 'M3/odi', 'M3/end_of_study']);
    // A screening visit marked done adds nothing: only baseline and follow-up forms are expected.
    expect(missingForms(lbpTrial, { studyId: 'S01-0002', doneVisits: ['SCR'], records: [] })).toHaveLength(2);
  });
});

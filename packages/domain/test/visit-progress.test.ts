import { describe, expect, it } from 'vitest';
import { blindRules } from '../src/access/blinding';
import type { GridCell } from '../src/contracts/record-grid';
import { cellNeedsAction, gridCellState, gridColumns } from '../src/record-grid';
import { lbpTrial } from '../src/study/lbp-trial';
import {
  formInVisitOrder,
  formsBlockingSignature,
  isRecordComplete,
  nextFormOfVisit,
  recordsToSign,
  requiredFormsOfVisit,
  visitFollowedUp,
  visitStatusFromData,
  windowDeviation,
} from '../src/visit-progress';

const window = { windowStart: '2026-03-05', windowEnd: '2026-03-10' };

describe('visit progress from the data', () => {
  it('a visit with a complete outcome form is followed up and done, though nobody marked it', () => {
    const records = [{ formCode: 'vas', status: 'signed' }];
    const followedUp = visitFollowedUp(lbpTrial, { markedDone: false, records });
    expect(followedUp).toBe(true);
    expect(visitStatusFromData(window, '2026-03-01', { markedDone: false, missed: false, followedUp })).toBe(
      'done',
    );
    expect(
      visitFollowedUp(lbpTrial, { markedDone: false, records: [{ formCode: 'vas', status: 'draft' }] }),
    ).toBe(false);
    expect(
      visitFollowedUp(lbpTrial, {
        markedDone: false,
        records: [{ formCode: 'adverse_event', status: 'complete' }],
      }),
    ).toBe(false);
    expect(
      visitStatusFromData(window, '2026-03-01', { markedDone: false, missed: false, followedUp: false }),
    ).toBe('upcoming');
  });

  it('places a date against the window, both ends inside', () => {
    expect(windowDeviation(window, '2026-03-04')).toBe('early');
    expect(windowDeviation(window, '2026-03-05')).toBeNull();
    expect(windowDeviation(window, '2026-03-10')).toBeNull();
    expect(windowDeviation(window, '2026-03-11')).toBe('late');
  });

  it('blocks signing while a required form is not complete; repeating forms are not required', () => {
    expect(formsBlockingSignature(lbpTrial, 'W1', [{ formCode: 'vas', status: 'complete' }])).toEqual([
      'odi',
    ]);
    expect(
      formsBlockingSignature(lbpTrial, 'W1', [
        { formCode: 'vas', status: 'complete' },
        { formCode: 'odi', status: 'draft' },
      ]),
    ).toEqual(['odi']);
    expect(
      formsBlockingSignature(lbpTrial, 'W1', [
        { formCode: 'vas', status: 'complete' },
        { formCode: 'odi', status: 'signed' },
      ]),
    ).toEqual([]);
    // After a screen failure consent is no longer collected, so it does not block the screening visit.
    const scr = [
      { formCode: 'eligibility', status: 'complete' },
      { formCode: 'demographics', status: 'complete' },
    ];
    expect(formsBlockingSignature(lbpTrial, 'SCR', scr)).toContain('consent');
    expect(formsBlockingSignature(lbpTrial, 'SCR', scr, true)).not.toContain('consent');
    expect(recordsToSign([...scr, { formCode: 'consent', status: 'signed' }])).toEqual(scr);
  });

  it('goes through a visit’s forms in order, only those the user enters', () => {
    expect(nextFormOfVisit(lbpTrial, 'W1', 'vas', () => true)).toBe('odi');
    expect(nextFormOfVisit(lbpTrial, 'W1', 'odi', () => true)).toBeNull();
    expect(nextFormOfVisit(lbpTrial, 'SCR', 'consent', () => true)).toBe('demographics');
    expect(nextFormOfVisit(lbpTrial, 'M3', 'odi', (c) => c !== 'end_of_study')).toBeNull();
    expect(nextFormOfVisit(lbpTrial, 'M3', 'odi', () => true)).toBe('end_of_study');
  });
});

describe('visit progress: each rule on its own', () => {
  it('counts complete, signed and locked records as entered in full', () => {
    const statuses = ['not_started', 'draft', 'complete', 'signed', 'locked', 'Complete', ''];
    expect(statuses.filter(isRecordComplete)).toEqual(['complete', 'signed', 'locked']);
  });

  it('follows a visit up when it is marked done, or when an outcome form of it is complete', () => {
    expect(visitFollowedUp(lbpTrial, { markedDone: true, records: [] })).toBe(true);
    expect(visitFollowedUp(lbpTrial, { markedDone: false, records: [] })).toBe(false);
    for (const status of ['complete', 'signed', 'locked']) {
      expect(visitFollowedUp(lbpTrial, { markedDone: false, records: [{ formCode: 'odi', status }] })).toBe(
        true,
      );
    }
    const notOutcome = [
      { formCode: 'demographics', status: 'complete' },
      { formCode: 'odi', status: 'draft' },
    ];
    expect(visitFollowedUp(lbpTrial, { markedDone: false, records: notOutcome })).toBe(false);
  });

  it('lets a mark or the data say done, and a missed mark say missed', () => {
    const today = '2026-03-20';
    const at = (markedDone: boolean, missed: boolean, followedUp: boolean) =>
      visitStatusFromData(window, today, { markedDone, missed, followedUp });
    expect(at(false, false, false)).toBe('overdue');
    expect(at(true, false, false)).toBe('done');
    expect(at(false, false, true)).toBe('done');
    expect(at(false, true, false)).toBe('missed');
    expect(at(false, true, true)).toBe('done');
  });

  it('requires a scheduled visit’s forms entered once per visit, and nothing of an unknown visit', () => {
    expect(requiredFormsOfVisit(lbpTrial, 'SCR')).toEqual(['eligibility', 'consent', 'demographics']);
    expect(requiredFormsOfVisit(lbpTrial, 'M3')).toEqual(['vas', 'odi', 'end_of_study']);
    expect(requiredFormsOfVisit(lbpTrial, 'TX')).toEqual([]);
    expect(requiredFormsOfVisit(lbpTrial, 'no_such_visit')).toEqual([]);
  });

  it('blocks a signature on drafts of any form, once each, and on no complete record', () => {
    const records = [
      { formCode: 'vas', status: 'locked' },
      { formCode: 'odi', status: 'draft' },
      { formCode: 'adverse_event', status: 'draft' },
      { formCode: 'adverse_event', status: 'complete' },
    ];
    expect(formsBlockingSignature(lbpTrial, 'W1', records)).toEqual(['odi', 'adverse_event']);
    expect(formsBlockingSignature(lbpTrial, 'W1', [])).toEqual(['vas', 'odi']);
    // A draft is not a complete record: it blocks in the visit's order, not after what is missing.
    expect(formsBlockingSignature(lbpTrial, 'W1', [{ formCode: 'vas', status: 'draft' }])).toEqual([
      'vas',
      'odi',
    ]);
    expect(formsBlockingSignature(lbpTrial, 'UNS', [{ formCode: 'vas', status: 'draft' }])).toEqual(['vas']);
    expect(formsBlockingSignature(lbpTrial, 'UNS', [{ formCode: 'vas', status: 'complete' }])).toEqual([]);
  });

  it('after a screen failure, still requires the eligibility form and the forms collected after it', () => {
    expect(formsBlockingSignature(lbpTrial, 'SCR', [], true)).toEqual(['eligibility', 'demographics']);
    expect(formsBlockingSignature(lbpTrial, 'SCR', [])).toEqual(['eligibility', 'consent', 'demographics']);
    expect(formsBlockingSignature(lbpTrial, 'W1', [], true)).toEqual([]);
  });

  it('signs complete records only', () => {
    const records = ['draft', 'complete', 'signed', 'locked', 'complete'].map((status, i) => ({
      formCode: `f${i}`,
      status,
    }));
    expect(recordsToSign(records).map((r) => r.formCode)).toEqual(['f1', 'f4']);
  });

  it('has no next form after the eligibility step, a repeating form, an unknown form or visit', () => {
    expect(nextFormOfVisit(lbpTrial, 'SCR', 'eligibility', () => true)).toBeNull();
    expect(nextFormOfVisit(lbpTrial, 'SCR', 'demographics', () => true)).toBeNull();
    expect(nextFormOfVisit(lbpTrial, 'W1', 'adverse_event', () => true)).toBeNull();
    expect(nextFormOfVisit(lbpTrial, 'W1', 'no_such_form', () => true)).toBeNull();
    expect(nextFormOfVisit(lbpTrial, 'TX', 'intervention_tlf_mob', () => true)).toBeNull();
    // A form this user does not enter is skipped, not stopped at.
    expect(nextFormOfVisit(lbpTrial, 'M3', 'vas', (c) => c !== 'odi')).toBe('end_of_study');
    expect(nextFormOfVisit(lbpTrial, 'SCR', 'consent', (c) => c !== 'consent')).toBeNull();
  });

  it('puts in visit order only the forms entered once at a scheduled visit, eligibility aside', () => {
    expect(formInVisitOrder(lbpTrial, 'W1', 'vas')).toBe(true);
    expect(formInVisitOrder(lbpTrial, 'SCR', 'consent')).toBe(true);
    expect(formInVisitOrder(lbpTrial, 'SCR', 'eligibility')).toBe(false);
    expect(formInVisitOrder(lbpTrial, 'W1', 'adverse_event')).toBe(false);
    expect(formInVisitOrder(lbpTrial, 'W1', 'demographics')).toBe(false);
    expect(formInVisitOrder(lbpTrial, 'UNS', 'vas')).toBe(false);
  });
});

describe('record grid', () => {
  const cell = (over: Partial<GridCell>): GridCell => ({
    visitCode: 'W1',
    formCode: 'vas',
    status: 'not_started',
    recordId: null,
    openQueries: 0,
    sdvDone: false,
    outOfWindow: false,
    due: true,
    ...over,
  });

  it('has no column of a form hidden from a blinded viewer', () => {
    // A definition that hides a scheduled form (ODI) from blinded viewers.
    const def = {
      ...lbpTrial,
      blinding: { ...lbpTrial.blinding, revealingForms: [...lbpTrial.blinding.revealingForms, 'odi'] },
    };
    const view = blindRules(def);
    expect(gridColumns(def, null).some((c) => c.formCode === 'odi')).toBe(true);
    const blinded = gridColumns(def, view);
    expect(blinded.some((c) => view.hiddenForms.has(c.formCode))).toBe(false);
    expect(blinded.some((c) => c.formCode === 'vas')).toBe(true);
    expect(gridColumns(def, null).some((c) => c.formCode === 'eligibility')).toBe(false);
  });

  it('says what needs whose action, by capability', () => {
    const coordinator = { role: 'coordinator' };
    const investigator = { role: 'investigator' };
    const monitor = { role: 'monitor' };
    expect(cellNeedsAction(coordinator, lbpTrial, cell({}))).toBe(true);
    expect(cellNeedsAction(coordinator, lbpTrial, cell({ due: false }))).toBe(false);
    expect(cellNeedsAction(coordinator, lbpTrial, cell({ status: 'complete' }))).toBe(false);
    expect(cellNeedsAction(investigator, lbpTrial, cell({ status: 'complete', due: false }))).toBe(true);
    expect(cellNeedsAction(monitor, lbpTrial, cell({ status: 'signed' }))).toBe(true);
    expect(cellNeedsAction(monitor, lbpTrial, cell({ status: 'signed', sdvDone: true }))).toBe(false);
    expect(cellNeedsAction(monitor, lbpTrial, cell({}))).toBe(false);
    expect(cellNeedsAction(coordinator, lbpTrial, cell({ status: 'complete', openQueries: 1 }))).toBe(true);
  });

  it('shows a query first, then out of window, then SDV, then the record status', () => {
    expect(gridCellState(cell({ status: 'complete', openQueries: 2, outOfWindow: true }))).toBe('open_query');
    expect(gridCellState(cell({ status: 'draft', outOfWindow: true }))).toBe('out_of_window');
    expect(gridCellState(cell({ status: 'signed', outOfWindow: true, sdvDone: true }))).toBe('sdv_done');
    expect(gridCellState(cell({ status: 'complete' }))).toBe('complete');
  });

  it('lists every scheduled visit’s forms in schedule order, eligibility and repeating forms aside', () => {
    const columns = gridColumns(lbpTrial, null).map((c) => `${c.visitCode}/${c.formCode}`);
    expect(columns).toEqual([
      'SCR/consent',
      'SCR/demographics',
      'BL/vas',
      'BL/odi',
      'W1/vas',
      'W1/odi',
      'M1/vas',
      'M1/odi',
      'M3/vas',
      'M3/odi',
      'M3/end_of_study',
    ]);
  });

  it('owes a form only to whoever enters it, and only while it is due and not complete', () => {
    const assessor = { role: 'assessor' };
    const coordinator = { role: 'coordinator' };
    expect(cellNeedsAction(assessor, lbpTrial, cell({ formCode: 'vas' }))).toBe(true);
    expect(cellNeedsAction(assessor, lbpTrial, cell({ formCode: 'vas', status: 'draft' }))).toBe(true);
    expect(cellNeedsAction(assessor, lbpTrial, cell({ visitCode: 'SCR', formCode: 'consent' }))).toBe(false);
    expect(cellNeedsAction(assessor, lbpTrial, cell({ formCode: 'vas', status: 'complete' }))).toBe(false);
    expect(cellNeedsAction(coordinator, lbpTrial, cell({ status: 'draft', due: false }))).toBe(false);
    expect(cellNeedsAction(coordinator, lbpTrial, cell({ status: 'signed' }))).toBe(false);
    expect(cellNeedsAction(null, lbpTrial, cell({}))).toBe(false);
    // A role that enters no form is owed nothing, even where the form names no role.
    expect(cellNeedsAction({ role: 'admin' }, lbpTrial, cell({}))).toBe(false);
  });

  it('asks the investigator to sign complete records only, and the monitor to verify entered ones', () => {
    const investigator = { role: 'investigator' };
    const monitor = { role: 'monitor' };
    for (const status of ['draft', 'signed', 'locked'] as const) {
      expect(cellNeedsAction(investigator, lbpTrial, cell({ status, due: false })), status).toBe(false);
    }
    expect(cellNeedsAction(monitor, lbpTrial, cell({ status: 'draft' }))).toBe(false);
    for (const status of ['complete', 'signed', 'locked'] as const) {
      expect(cellNeedsAction(monitor, lbpTrial, cell({ status })), status).toBe(true);
      expect(cellNeedsAction(monitor, lbpTrial, cell({ status, sdvDone: true })), status).toBe(false);
    }
    expect(
      cellNeedsAction(monitor, lbpTrial, cell({ status: 'locked', openQueries: 1, sdvDone: true })),
    ).toBe(false);
    expect(cellNeedsAction(investigator, lbpTrial, cell({ status: 'locked', openQueries: 1 }))).toBe(true);
  });

  it('shows out of window only until the record is signed or locked', () => {
    expect(gridCellState(cell({ status: 'complete', outOfWindow: true }))).toBe('out_of_window');
    expect(gridCellState(cell({ status: 'not_started', outOfWindow: true }))).toBe('out_of_window');
    expect(gridCellState(cell({ status: 'signed', outOfWindow: true }))).toBe('signed');
    expect(gridCellState(cell({ status: 'locked', outOfWindow: true }))).toBe('locked');
    expect(gridCellState(cell({ status: 'locked', openQueries: 1 }))).toBe('open_query');
    expect(gridCellState(cell({ status: 'complete', sdvDone: true }))).toBe('sdv_done');
    expect(gridCellState(cell({ status: 'draft' }))).toBe('draft');
  });

  it('shows a blinded viewer the columns of the forms it may see, end of study in part', () => {
    const blinded = gridColumns(lbpTrial, blindRules(lbpTrial)).map((c) => `${c.visitCode}/${c.formCode}`);
    expect(blinded).toContain('M3/end_of_study');
    expect(blinded).toEqual(gridColumns(lbpTrial, null).map((c) => `${c.visitCode}/${c.formCode}`));
  });
});

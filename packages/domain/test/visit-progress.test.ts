import { describe, expect, it } from 'vitest';
import { blindRules } from '../src/access/blinding';
import type { GridCell } from '../src/contracts/record-grid';
import { cellNeedsAction, gridCellState, gridColumns } from '../src/record-grid';
import { lbpTrial } from '../src/study/lbp-trial';
import {
  formsBlockingSignature,
  nextFormOfVisit,
  recordsToSign,
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
});

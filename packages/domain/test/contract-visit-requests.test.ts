import { describe, expect, it } from 'vitest';
import { lifecycleActions } from '../src/closeout/study-lifecycle';
import {
  recordParamsSchema,
  scorePointBlindedSchema,
  signVisitRequestSchema,
  updateVisitRequestSchema,
  visitParamsSchema,
  worklistQuerySchema,
} from '../src/contracts/lifecycle';
import {
  closeScreeningRequestSchema,
  createParticipantRequestSchema,
  eligibilityRequestSchema,
  formParamsSchema,
  participantListQuerySchema,
  participantSummaryBlindedSchema,
  saveFormRequestSchema,
} from '../src/contracts/participants';
import { gridCellSchema, recordGridQuerySchema } from '../src/contracts/record-grid';
import { lifecycleActionParamsSchema, lifecycleActionRequestSchema } from '../src/contracts/study-lifecycle';
import {
  emergencyUnblindingEntrySchema,
  emergencyUnblindingRequestSchema,
} from '../src/contracts/unblinding';
import { accepted, expectRefusal, expectRefusedAt, refusals, uuid1 } from './fixtures/contract-check';

// The site's requests (contracts/participants.ts, lifecycle.ts, record-grid.ts), the study's
// close-out steps and emergency unblinding: each rule accepts a good value and refuses a bad one
// at its path with the sentence the API sends.

const reason3 = 'Give a reason (at least 3 characters)';

describe('participant requests', () => {
  it('create a participant at a site on a screening day in range', () => {
    expect(accepted(createParticipantRequestSchema, { siteId: uuid1, screenedAt: '2025-06-01' })).toEqual({
      siteId: uuid1,
      screenedAt: '2025-06-01',
    });
    expectRefusal(
      createParticipantRequestSchema,
      { siteId: 'S01', screenedAt: '2025-06-01' },
      'siteId',
      'Choose a site',
    );
    // A malformed date is named first for its form (the range check runs too and follows it).
    expect(refusals(createParticipantRequestSchema, { siteId: uuid1, screenedAt: '01.06.2025' })[0]).toEqual({
      path: 'screenedAt',
      message: 'Use a date like 2026-01-31',
    });
    expectRefusal(
      createParticipantRequestSchema,
      { siteId: uuid1, screenedAt: '1899-12-31' },
      'screenedAt',
      'Use a date between 1900-01-01 and 2100-12-31',
    );
    expectRefusedAt(
      createParticipantRequestSchema,
      { siteId: uuid1, screenedAt: '2025-06-01', sex: 'f' },
      '',
    );
  });

  it('close a screening with a reason, and list by site and status', () => {
    expect(accepted(closeScreeningRequestSchema, { reason: '  moved away ' })).toEqual({
      reason: 'moved away',
    });
    expectRefusal(closeScreeningRequestSchema, { reason: ' no ' }, 'reason', reason3);
    expectRefusedAt(closeScreeningRequestSchema, { reason: 'r'.repeat(1001) }, 'reason');
    expect(accepted(participantListQuerySchema, { siteId: uuid1, status: 'screening_closed' })).toEqual({
      siteId: uuid1,
      status: 'screening_closed',
    });
    expectRefusedAt(participantListQuerySchema, { status: 'lost' }, 'status');
    expectRefusedAt(participantListQuerySchema, { siteId: 'S01' }, 'siteId');
  });

  it('name a form by participant, visit code and form code', () => {
    expect(accepted(formParamsSchema, { id: uuid1, visitCode: 'W1', formCode: 'odi_2' })).toEqual({
      id: uuid1,
      visitCode: 'W1',
      formCode: 'odi_2',
    });
    expectRefusal(
      formParamsSchema,
      { id: 'p', visitCode: 'W1', formCode: 'vas' },
      'id',
      'Not a valid participant id',
    );
    expectRefusal(
      formParamsSchema,
      { id: uuid1, visitCode: 'w1', formCode: 'vas' },
      'visitCode',
      'Not a visit code',
    );
    for (const formCode of ['Vas', '1vas', 'vas-2']) {
      expectRefusal(
        formParamsSchema,
        { id: uuid1, visitCode: 'W1', formCode },
        'formCode',
        'Not a form code',
      );
    }
  });

  it('save a form as draft or complete, with a version, a repeat number and reasons', () => {
    const save = { data: { vas_mm: 40 }, status: 'complete' };
    expect(
      accepted(saveFormRequestSchema, {
        ...save,
        expectedVersion: 0,
        seq: 999,
        outOfWindowReason: ' late ',
        reason: ' typo fixed ',
      }),
    ).toEqual({ ...save, expectedVersion: 0, seq: 999, outOfWindowReason: 'late', reason: 'typo fixed' });
    expect(accepted(saveFormRequestSchema, { data: {}, status: 'draft', seq: 1 })).toEqual({
      data: {},
      status: 'draft',
      seq: 1,
    });
    expectRefusedAt(saveFormRequestSchema, { ...save, status: 'signed' }, 'status');
    expectRefusedAt(saveFormRequestSchema, { ...save, expectedVersion: -1 }, 'expectedVersion');
    expectRefusedAt(saveFormRequestSchema, { ...save, expectedVersion: 1.5 }, 'expectedVersion');
    expectRefusedAt(saveFormRequestSchema, { ...save, seq: 0 }, 'seq');
    expectRefusedAt(saveFormRequestSchema, { ...save, seq: 1000 }, 'seq');
    expectRefusedAt(saveFormRequestSchema, { ...save, outOfWindowReason: ' ab ' }, 'outOfWindowReason');
    expectRefusal(
      saveFormRequestSchema,
      { ...save, reason: ' ab ' },
      'reason',
      'Give a reason for this change (at least 3 characters)',
    );
    expectRefusedAt(saveFormRequestSchema, { ...save, reason: 'r'.repeat(1001) }, 'reason');
    expectRefusedAt(saveFormRequestSchema, { ...save, version: 2 }, '');
  });

  it('answer eligibility criteria yes or no', () => {
    expect(
      accepted(eligibilityRequestSchema, { answers: { I1: 'yes', E1: 'no' }, expectedVersion: 0 }),
    ).toEqual({
      answers: { I1: 'yes', E1: 'no' },
      expectedVersion: 0,
    });
    expectRefusal(eligibilityRequestSchema, { answers: { I1: 'maybe' } }, 'answers.I1', 'Answer yes or no');
    expectRefusedAt(eligibilityRequestSchema, { answers: {}, expectedVersion: -1 }, 'expectedVersion');
    expectRefusedAt(eligibilityRequestSchema, { answers: {}, reason: 'ab' }, 'reason');
  });

  it('a blinded participant summary drops the allocation it is given (R-BLIND-2)', () => {
    const summary = {
      id: uuid1,
      studyId: 'S01-0001',
      siteId: uuid1,
      siteCode: 'S01',
      status: 'randomized',
      sex: 'female',
      birthYear: 1980,
      screenedAt: '2025-06-01',
      eligible: true,
      failedCriteria: null,
      consentDate: '2025-06-01',
      screeningClosedReason: null,
      randomized: true,
      nextVisit: null,
    };
    const allocation = { arm: 'TLF', stratum: 'S01', seq: 1, randomizedAt: '2025-06-02T08:00:00Z' };
    expect(accepted(participantSummaryBlindedSchema, { ...summary, allocation })).toEqual(summary);
  });
});

describe('visit requests', () => {
  it('name a visit by participant and visit code', () => {
    expect(accepted(visitParamsSchema, { id: uuid1, visitCode: 'M3_X' })).toEqual({
      id: uuid1,
      visitCode: 'M3_X',
    });
    expectRefusal(visitParamsSchema, { id: 'p', visitCode: 'BL' }, 'id', 'Not a valid participant id');
    for (const visitCode of ['bl', '1W', 'W 1']) {
      expectRefusal(visitParamsSchema, { id: uuid1, visitCode }, 'visitCode', 'Not a visit code');
    }
    expectRefusal(recordParamsSchema, { recordId: 'r' }, 'recordId', 'Not a valid record id');
    expect(accepted(worklistQuerySchema, {})).toEqual({});
    expectRefusedAt(worklistQuerySchema, { siteId: 'S01' }, 'siteId');
  });

  it('mark a visit done on a date, with an out-of-window reason and a version', () => {
    expect(
      accepted(updateVisitRequestSchema, {
        status: 'done',
        visitDate: '2025-06-01',
        outOfWindowReason: '  holiday ',
        expectedVersion: 1,
      }),
    ).toEqual({ status: 'done', visitDate: '2025-06-01', outOfWindowReason: 'holiday', expectedVersion: 1 });
    expect(refusals(updateVisitRequestSchema, { status: 'done', visitDate: '2025-13-01' })[0]).toEqual({
      path: 'visitDate',
      message: 'Use a date like 2026-01-31',
    });
    expectRefusal(
      updateVisitRequestSchema,
      { status: 'done', visitDate: '2101-01-01' },
      'visitDate',
      'Use a date between 1900-01-01 and 2100-12-31',
    );
    expectRefusal(
      updateVisitRequestSchema,
      { status: 'done', visitDate: '2025-06-01', outOfWindowReason: ' ab ' },
      'outOfWindowReason',
      'Say why the visit was outside its window',
    );
    expectRefusedAt(
      updateVisitRequestSchema,
      { status: 'done', visitDate: '2025-06-01', outOfWindowReason: 'r'.repeat(1001) },
      'outOfWindowReason',
    );
    expectRefusedAt(
      updateVisitRequestSchema,
      { status: 'done', visitDate: '2025-06-01', expectedVersion: 0 },
      'expectedVersion',
    );
    expectRefusedAt(
      updateVisitRequestSchema,
      { status: 'done', visitDate: '2025-06-01', missedReason: 'sick' },
      '',
    );
  });

  it('mark a visit missed with a reason, and nothing else', () => {
    expect(
      accepted(updateVisitRequestSchema, { status: 'missed', missedReason: ' sick ', expectedVersion: 3 }),
    ).toEqual({
      status: 'missed',
      missedReason: 'sick',
      expectedVersion: 3,
    });
    expectRefusal(
      updateVisitRequestSchema,
      { status: 'missed', missedReason: ' ab ' },
      'missedReason',
      'Say why the visit was missed',
    );
    expectRefusedAt(
      updateVisitRequestSchema,
      { status: 'missed', missedReason: 'r'.repeat(1001) },
      'missedReason',
    );
    expectRefusedAt(
      updateVisitRequestSchema,
      { status: 'missed', missedReason: 'sick', expectedVersion: 0 },
      'expectedVersion',
    );
    expectRefusedAt(
      updateVisitRequestSchema,
      { status: 'missed', missedReason: 'sick', visitDate: '2025-06-01' },
      '',
    );
    expectRefusedAt(updateVisitRequestSchema, { status: 'upcoming' }, 'status');
  });

  it('sign with the password', () => {
    expect(accepted(signVisitRequestSchema, { password: 'p' })).toEqual({ password: 'p' });
    expectRefusal(signVisitRequestSchema, { password: '' }, 'password', 'Enter your password to sign');
    expectRefusedAt(signVisitRequestSchema, { password: 'p'.repeat(201) }, 'password');
  });

  it('a blinded score point carries the follow-up value only, never the change from baseline', () => {
    const point = { visitCode: 'W1', vasMm: 30, odiPctX10: 240 };
    expect(
      accepted(scorePointBlindedSchema, { ...point, vasDelta: -20, vasResponder: true, odiDeltaX10: -100 }),
    ).toEqual(point);
  });
});

describe('record grid', () => {
  it('filters by site and counts queries from zero', () => {
    expect(accepted(recordGridQuerySchema, { siteId: uuid1 })).toEqual({ siteId: uuid1 });
    expectRefusedAt(recordGridQuerySchema, { siteId: 'S01' }, 'siteId');
    const cell = {
      visitCode: 'BL',
      formCode: 'vas',
      status: 'not_started',
      recordId: null,
      openQueries: 0,
      sdvDone: false,
      outOfWindow: false,
      due: true,
    };
    expect(accepted(gridCellSchema, cell)).toEqual(cell);
    expectRefusedAt(gridCellSchema, { ...cell, openQueries: -1 }, 'openQueries');
    expectRefusedAt(gridCellSchema, { ...cell, status: 'missing' }, 'status');
  });
});

describe('study close-out and emergency unblinding requests', () => {
  it('take a known step with an optional reason and password', () => {
    for (const action of lifecycleActions) {
      expect(accepted(lifecycleActionParamsSchema, { action })).toEqual({ action });
    }
    expectRefusedAt(lifecycleActionParamsSchema, { action: 'delete' }, 'action');
    expect(accepted(lifecycleActionRequestSchema, {})).toEqual({});
    expect(accepted(lifecycleActionRequestSchema, { reason: ' final ', password: 'p' })).toEqual({
      reason: 'final',
      password: 'p',
    });
    expectRefusal(lifecycleActionRequestSchema, { reason: 'ab' }, 'reason', reason3);
    expectRefusedAt(lifecycleActionRequestSchema, { reason: 'r'.repeat(1001) }, 'reason');
    expectRefusal(lifecycleActionRequestSchema, { password: '' }, 'password', 'Enter your password');
    expectRefusedAt(lifecycleActionRequestSchema, { password: 'p'.repeat(201) }, 'password');
    expectRefusedAt(lifecycleActionRequestSchema, { force: true }, '');
  });

  it('unblind one participant with a reason and the password; the list entry has no arm', () => {
    expect(accepted(emergencyUnblindingRequestSchema, { reason: ' allergy ', password: 'p' })).toEqual({
      reason: 'allergy',
      password: 'p',
    });
    expectRefusal(emergencyUnblindingRequestSchema, { reason: ' a ', password: 'p' }, 'reason', reason3);
    expectRefusal(
      emergencyUnblindingRequestSchema,
      { reason: 'allergy', password: '' },
      'password',
      'Enter your password',
    );
    expectRefusedAt(
      emergencyUnblindingRequestSchema,
      { reason: 'allergy', password: 'p'.repeat(201) },
      'password',
    );
    const entry = {
      id: uuid1,
      participantId: uuid1,
      studyId: 'S01-0001',
      siteCode: 'S01',
      unblindedAt: '2025-06-01T08:00:00Z',
      unblindedBy: 'Dr A',
      reason: 'allergy',
    };
    expect(accepted(emergencyUnblindingEntrySchema, { ...entry, arm: 'TLF' })).toEqual(entry);
  });
});

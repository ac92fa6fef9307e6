import { describe, expect, it } from 'vitest';
import { participantStatuses } from '../src/contracts/participants';
import {
  canCloseScreening,
  canTransition,
  deriveParticipantStatus,
  isCompleteRecordStatus,
  isParticipantStatus,
  type ParticipantFacts,
  type ParticipantStatus,
} from '../src/participants/lifecycle';

const facts = (over: Partial<ParticipantFacts>): ParticipantFacts => ({
  eligible: null,
  consentDate: null,
  randomized: false,
  endOfStudy: null,
  ...over,
});
const statusOf = (over: Partial<ParticipantFacts>) => deriveParticipantStatus(facts(over));

describe('participant lifecycle (R-LIFE-1)', () => {
  it('derives the status from eligibility, consent, allocation and end of study', () => {
    expect(statusOf({})).toEqual({ ok: true, status: 'screening' });
    expect(statusOf({ consentDate: '2026-01-02' })).toEqual({ ok: true, status: 'screening' });
    expect(statusOf({ eligible: true })).toEqual({ ok: true, status: 'screening' });
    expect(statusOf({ eligible: false, consentDate: '2026-01-02' })).toEqual({
      ok: true,
      status: 'screen_failed',
    });
    expect(statusOf({ eligible: true, consentDate: '2026-01-02' })).toEqual({ ok: true, status: 'enrolled' });
    expect(statusOf({ eligible: true, consentDate: '2026-01-02', randomized: true })).toEqual({
      ok: true,
      status: 'randomized',
    });
    expect(statusOf({ randomized: true, endOfStudy: 'completed' })).toEqual({
      ok: true,
      status: 'completed',
    });
    expect(statusOf({ eligible: true, consentDate: '2026-01-02', endOfStudy: 'withdrawn' })).toEqual({
      ok: true,
      status: 'withdrawn',
    });
    expect(statusOf({ eligible: true, consentDate: '2026-01-02', endOfStudy: 'completed' })).toEqual({
      ok: false,
      reason: 'COMPLETED_BEFORE_RANDOMIZATION',
    });
  });

  it('allows only the lifecycle transitions', () => {
    expect(canTransition('enrolled', 'randomized')).toBe(true);
    expect(canTransition('randomized', 'withdrawn')).toBe(true);
    expect(canTransition('withdrawn', 'completed')).toBe(true);
    expect(canTransition('screening', 'randomized')).toBe(false);
    expect(canTransition('withdrawn', 'randomized')).toBe(false);
    expect(canTransition('randomized', 'enrolled')).toBe(false);
    expect(canTransition('completed', 'screening')).toBe(false);
    expect(canTransition('screen_failed', 'randomized')).toBe(false);
  });

  it('allows exactly the pairs of the lifecycle diagram, and staying put', () => {
    // The diagram in src/participants/lifecycle.ts, written out pair by pair.
    const allowed: Record<ParticipantStatus, ParticipantStatus[]> = {
      screening: ['screen_failed', 'enrolled', 'withdrawn', 'screening_closed'],
      screen_failed: ['screening', 'enrolled'],
      enrolled: ['screen_failed', 'randomized', 'withdrawn'],
      randomized: ['completed', 'withdrawn'],
      completed: ['withdrawn'],
      withdrawn: ['completed'],
      screening_closed: [],
    };
    for (const from of participantStatuses) {
      for (const to of participantStatuses) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(from === to || allowed[from].includes(to));
      }
    }
  });

  it('closes only a screening that reached no decision', () => {
    expect(participantStatuses.filter((s) => canCloseScreening(s))).toEqual(['screening']);
  });

  it('derives a closed screening, which a randomization or a withdrawal outranks', () => {
    expect(statusOf({ screeningClosed: true })).toEqual({ ok: true, status: 'screening_closed' });
    expect(statusOf({ screeningClosed: true, eligible: false })).toEqual({
      ok: true,
      status: 'screening_closed',
    });
    expect(statusOf({ screeningClosed: false, eligible: false })).toEqual({
      ok: true,
      status: 'screen_failed',
    });
    expect(statusOf({ randomized: true, screeningClosed: true })).toEqual({ ok: true, status: 'randomized' });
    expect(statusOf({ endOfStudy: 'withdrawn' })).toEqual({ ok: true, status: 'withdrawn' });
    expect(statusOf({ randomized: true, endOfStudy: 'withdrawn' })).toEqual({
      ok: true,
      status: 'withdrawn',
    });
    expect(statusOf({ eligible: false, endOfStudy: 'withdrawn' })).toEqual({ ok: true, status: 'withdrawn' });
  });

  it('knows its statuses, and counts complete, signed and locked records', () => {
    for (const s of participantStatuses) expect(isParticipantStatus(s), s).toBe(true);
    for (const s of ['', 'Screening', 'active', 'randomised']) expect(isParticipantStatus(s), s).toBe(false);
    const counted = ['not_started', 'draft', 'complete', 'signed', 'locked', ''].filter(
      isCompleteRecordStatus,
    );
    expect(counted).toEqual(['complete', 'signed', 'locked']);
  });
});

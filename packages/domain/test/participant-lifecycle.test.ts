import { describe, expect, it } from 'vitest';
import { canTransition, deriveParticipantStatus, type ParticipantFacts } from '../src/participants/lifecycle';

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
});

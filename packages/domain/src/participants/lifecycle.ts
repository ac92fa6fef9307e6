import { participantStatuses } from '../contracts/participants';

/**
 * The participant lifecycle (docs/requirements.md R-LIFE, R-ELIG-4; protocol §4.3, §5.2):
 *
 *   screening ──▶ screen_failed            (eligibility answered "not eligible")
 *       │  ▲            │
 *       │  └────────────┘                   (eligibility corrected before randomization)
 *       ├──▶ screening_closed               (an abandoned screening closed with a reason; final)
 *       ▼
 *   enrolled ──randomize──▶ randomized ──▶ completed | withdrawn
 *       │
 *       └──▶ withdrawn                      (consent withdrawn before randomization)
 *
 * The status is never written freely: it is derived from the participant's complete records
 * (eligibility, consent, end of study) and the allocation, and every change must be one of the
 * transitions below. migrations/0019_participant_lifecycle.sql (as amended by
 * migrations/0023_screening_closed.sql) holds the same table for the database trigger, and a test
 * compares the two pair by pair.
 */
export type ParticipantStatus = (typeof participantStatuses)[number];

export const participantTransitions: Readonly<Record<ParticipantStatus, readonly ParticipantStatus[]>> = {
  screening: ['screen_failed', 'enrolled', 'withdrawn', 'screening_closed'],
  // A corrected eligibility form (with a reason) may turn a screen failure eligible again.
  screen_failed: ['screening', 'enrolled'],
  // Eligibility corrected to "not eligible" before randomization.
  enrolled: ['screen_failed', 'randomized', 'withdrawn'],
  randomized: ['completed', 'withdrawn'],
  // A corrected end-of-study form switches between the two ends; the allocation stays.
  completed: ['withdrawn'],
  withdrawn: ['completed'],
  // Closed with a reason; CONSORT reports it apart from screen failures.
  screening_closed: [],
};

export function isParticipantStatus(value: string): value is ParticipantStatus {
  return (participantStatuses as readonly string[]).includes(value);
}

/** Only a screening that has not reached a decision can be closed as abandoned. */
export function canCloseScreening(status: ParticipantStatus): boolean {
  return participantTransitions[status].includes('screening_closed');
}

/** True when the lifecycle allows going from one status to another (same status: no change). */
export function canTransition(from: ParticipantStatus, to: ParticipantStatus): boolean {
  return from === to || participantTransitions[from].includes(to);
}

/** What the participant's status is derived from: complete records only (design invariant 3). */
export interface ParticipantFacts {
  /** The eligibility decision, null while not assessed. */
  eligible: boolean | null;
  /** From a complete consent form; null while consent is missing or only drafted. */
  consentDate: string | null;
  randomized: boolean;
  /** The status of a complete end-of-study form, if any. */
  endOfStudy: 'completed' | 'withdrawn' | null;
  /** An abandoned screening was closed with a reason (never for a randomized participant). */
  screeningClosed?: boolean;
}

export type DerivedStatus =
  | { ok: true; status: ParticipantStatus }
  /** COMPLETED_BEFORE_RANDOMIZATION: only a randomized participant completes the study. */
  | { ok: false; reason: 'COMPLETED_BEFORE_RANDOMIZATION' };

/** The one status the facts give. A withdrawal stands whatever else is later recorded. */
export function deriveParticipantStatus(facts: ParticipantFacts): DerivedStatus {
  if (facts.randomized) return { ok: true, status: facts.endOfStudy ?? 'randomized' };
  if (facts.screeningClosed) return { ok: true, status: 'screening_closed' };
  if (facts.endOfStudy === 'completed') return { ok: false, reason: 'COMPLETED_BEFORE_RANDOMIZATION' };
  if (facts.endOfStudy === 'withdrawn') return { ok: true, status: 'withdrawn' };
  if (facts.eligible === false) return { ok: true, status: 'screen_failed' };
  if (facts.eligible === true && facts.consentDate !== null) return { ok: true, status: 'enrolled' };
  return { ok: true, status: 'screening' };
}

/** A record counts for the participant once it is complete (signed and locked records are too). */
export function isCompleteRecordStatus(status: string): boolean {
  return status === 'complete' || status === 'signed' || status === 'locked';
}

import { schema, type Tx } from '@mini-edc/db';
import {
  canTransition,
  DomainError,
  deriveParticipantStatus,
  isCompleteRecordStatus,
  isParticipantStatus,
  type ParticipantStatus,
} from '@mini-edc/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';

type Participant = typeof schema.participants.$inferSelect;

/** The forms whose complete data the participant row carries (docs/requirements.md R-LIFE-3). */
export const participantSourceForms = ['consent', 'demographics', 'end_of_study'] as const;

const text = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * Re-derives what the participant row holds from the complete records only: consent date, sex,
 * birth year and the status (packages/domain/src/participants/lifecycle.ts). A draft has no effect,
 * and a corrected record re-derives, so the row never keeps what its records no longer say.
 * Refuses (and so rolls back the save) a change the lifecycle does not allow.
 */
export async function rederiveParticipant(
  tx: Tx,
  participant: Participant,
  decision: { eligible: boolean | null; failedCriteria: string[] | null } = participant,
): Promise<void> {
  const rows = await tx
    .select({
      formCode: schema.formRecords.formCode,
      status: schema.formRecords.status,
      data: schema.formRecords.data,
    })
    .from(schema.formRecords)
    .where(
      and(
        eq(schema.formRecords.participantId, participant.id),
        inArray(schema.formRecords.formCode, [...participantSourceForms]),
      ),
    )
    .orderBy(desc(schema.formRecords.updatedAt));
  const latest = (formCode: string): Record<string, unknown> | null => {
    const row = rows.find((r) => r.formCode === formCode && isCompleteRecordStatus(r.status));
    return row && typeof row.data === 'object' && row.data !== null ? { ...row.data } : null;
  };
  const consent = latest('consent');
  const demographics = latest('demographics');
  const endOfStudy = text(latest('end_of_study')?.status);
  const consentDate = text(consent?.consent_date);
  const derived = deriveParticipantStatus({
    eligible: decision.eligible,
    consentDate,
    randomized: participant.randomizedAt !== null,
    endOfStudy: endOfStudy === 'completed' || endOfStudy === 'withdrawn' ? endOfStudy : null,
  });
  if (!derived.ok) {
    throw new DomainError('NOT_RANDOMIZED', 'Only a randomized participant completes the study.', [
      {
        path: 'body.data.status',
        message: 'Only a randomized participant completes the study',
        code: derived.reason,
      },
    ]);
  }
  assertTransition(participant, derived.status);
  const sex = text(demographics?.sex);
  const birthYear = demographics?.birth_year;
  const next = {
    consentDate,
    sex: sex === 'male' || sex === 'female' ? sex : null,
    birthYear: typeof birthYear === 'number' ? birthYear : null,
    status: derived.status,
    eligible: decision.eligible,
    failedCriteria: decision.failedCriteria,
  };
  const unchanged =
    next.consentDate === participant.consentDate &&
    next.sex === participant.sex &&
    next.birthYear === participant.birthYear &&
    next.status === participant.status &&
    next.eligible === participant.eligible &&
    JSON.stringify(next.failedCriteria) === JSON.stringify(participant.failedCriteria);
  if (unchanged) return;
  await tx
    .update(schema.participants)
    .set({ ...next, version: participant.version + 1 })
    .where(eq(schema.participants.id, participant.id));
}

/** The service's own check of a status change; migrations/0017 refuses the same in the database. */
export function assertTransition(participant: Participant, to: ParticipantStatus): void {
  const from = participant.status;
  if (!isParticipantStatus(from) || !canTransition(from, to)) {
    throw new DomainError(
      'CONFLICT',
      `${participant.studyId} cannot go from ${from} to ${to} in the participant lifecycle.`,
    );
  }
}

import { schema, type Tx } from '@mini-edc/db';
import {
  attributesFrom,
  canTransition,
  DomainError,
  deriveParticipantStatus,
  endStatusFrom,
  fieldError,
  fieldOf,
  isCompleteRecordStatus,
  isParticipantStatus,
  type ParticipantStatus,
  type StudyDefinition,
} from '@mini-edc/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';

type Participant = typeof schema.participants.$inferSelect;

/** The forms whose complete data the participant row carries (docs/requirements.md R-LIFE-3). */
export function participantSourceForms(study: StudyDefinition): string[] {
  const { consent, participantAttributes, endOfParticipation } = study.roles;
  return [...new Set([consent.form, endOfParticipation.form, ...participantAttributes.map((a) => a.form)])];
}

/**
 * Re-derives what the participant row holds from the complete records only: consent date, sex,
 * birth year and the status (packages/domain/src/participants/lifecycle.ts). A draft has no effect,
 * and a corrected record re-derives, so the row never keeps what its records no longer say.
 * Refuses (and so rolls back the save) a change the lifecycle does not allow.
 */
export async function rederiveParticipant(
  tx: Tx,
  {
    study,
    participant,
    decision = participant,
  }: {
    study: StudyDefinition;
    participant: Participant;
    /** The eligibility decision, when this save makes it; else the participant's own. */
    decision?: { eligible: boolean | null; failedCriteria: string[] | null };
  },
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
        inArray(schema.formRecords.formCode, participantSourceForms(study)),
      ),
    )
    .orderBy(desc(schema.formRecords.updatedAt));
  // The newest complete record of a form (a form may be entered at more than one visit).
  const latest = (formCode: string) =>
    rows.find((r) => r.formCode === formCode && isCompleteRecordStatus(r.status))?.data;
  const { consent, participantAttributes, endOfParticipation } = study.roles;
  const consentValue = fieldOf(latest(consent.form), consent.dateField);
  const consentDate = typeof consentValue === 'string' ? consentValue : null;
  let attributes: ReturnType<typeof attributesFrom> = {};
  for (const form of new Set(participantAttributes.map((a) => a.form))) {
    attributes = { ...attributes, ...attributesFrom(study, form, latest(form)) };
  }
  const endOfStudy = endStatusFrom(study, endOfParticipation.form, latest(endOfParticipation.form)) ?? null;
  const derived = deriveParticipantStatus({
    eligible: decision.eligible,
    consentDate,
    randomized: participant.randomizedAt !== null,
    endOfStudy,
    screeningClosed: participant.screeningClosedAt !== null,
  });
  if (!derived.ok) {
    throw new DomainError('NOT_RANDOMIZED', 'ONLY_RANDOMIZED_COMPLETE', {}, [
      fieldError(`body.data.${endOfParticipation.statusField}`, derived.reason),
    ]);
  }
  assertTransition(participant, derived.status);
  const next = {
    consentDate,
    sex: attributes.sex ?? null,
    birthYear: attributes.birthYear ?? null,
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

/** The service's own check of a status change; migrations/0019 refuses the same in the database. */
export function assertTransition(participant: Participant, to: ParticipantStatus): void {
  const from = participant.status;
  if (!isParticipantStatus(from) || !canTransition(from, to)) {
    throw new DomainError('CONFLICT', 'STATUS_CHANGE_INVALID');
  }
}

import { schema, withAudit } from '@mini-edc/db';
import { canCloseScreening, DomainError, isParticipantStatus } from '@mini-edc/domain';
import { eq } from 'drizzle-orm';
import type { Acting } from './acting';
import { getParticipant, lockParticipant, type ServiceEnv } from './participants';

/**
 * Closes an abandoned screening with a reason (docs/requirements.md R-ELIG-4): the participant
 * goes from screening to screening_closed, which nothing leaves, and CONSORT reports it apart from
 * screen failures. The row change and its reason are audited by the table's trigger in the same
 * transaction; migrations/0023_screening_closed.sql refuses the same transition from any other
 * status in the database.
 */
export async function closeScreening(
  env: ServiceEnv,
  { user, ctx, participantId: id, reason }: Acting & { participantId: string; reason: string },
) {
  await withAudit(env.db, { ...ctx, reason }, async (tx) => {
    const participant = await lockParticipant(tx, user, id);
    const status = participant.status;
    if (!isParticipantStatus(status) || !canCloseScreening(status) || participant.randomizedAt) {
      throw DomainError.coded('CONFLICT', 'SCREENING_NOT_OPEN');
    }
    // The status the lifecycle derives from a closed screening (deriveParticipantStatus).
    await tx
      .update(schema.participants)
      .set({
        screeningClosedAt: new Date(),
        screeningClosedReason: reason,
        status: 'screening_closed',
        version: participant.version + 1,
      })
      .where(eq(schema.participants.id, id));
  });
  return getParticipant(env, user, id);
}

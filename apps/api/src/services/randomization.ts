import { appendAuditEvent, field, schema, selectRows, type Tx, withAudit } from '@mini-edc/db';
import {
  baselineVisitOf,
  DomainError,
  fieldError,
  type MessageParams,
  missingVisits,
  type RandomizeResponse,
  type ReadinessCondition,
  randomizationReadiness,
  type ServerMessageCode,
} from '@mini-edc/domain';
import { eq, sql } from 'drizzle-orm';
import type { Acting } from './acting';
import { todayIn } from './clock';
import { assertTransition } from './participant-status';
import { lockParticipant, type ServiceEnv } from './participants';
import { LIST_CHANGE_LOCK, listsInUse } from './randomization-lists';
import { selectVisits, toVisit } from './visit-rows';

export { generateList } from './randomization-lists';

// One lock for every allocation and every list change: the enrollment cap spans all strata, and
// at trial scale (75 participants) serialising randomizations costs nothing.
export const RANDOMIZATION_LOCK = LIST_CHANGE_LOCK;

/**
 * Randomizes once (design invariant 4): eligible, consented, complete baseline VAS and ODI; takes
 * the lowest free slot of the participant's stratum under a lock, creates the visit schedule, and
 * returns the same allocation to any repeated call.
 */
export async function randomize(
  env: ServiceEnv,
  { user, ctx, participantId }: Acting & { participantId: string },
): Promise<RandomizeResponse> {
  const today = todayIn(env.timeZone);
  return withAudit(env.db, ctx, async (tx) => {
    const participant = await lockParticipant(tx, user, participantId);
    const [existing] = await tx
      .select()
      .from(schema.randomizationSlots)
      .where(eq(schema.randomizationSlots.participantId, participantId));
    if (existing) return allocationResponse(env, tx, existing, participantId, today, false);

    const baseline = await tx
      .select({
        visitCode: schema.formRecords.visitCode,
        formCode: schema.formRecords.formCode,
        status: schema.formRecords.status,
        data: schema.formRecords.data,
        updatedAt: schema.formRecords.updatedAt,
      })
      .from(schema.formRecords)
      .where(
        sql`${schema.formRecords.participantId} = ${participantId} and ${schema.formRecords.visitCode} = ${baselineVisitOf(env.study).code}`,
      );
    // One rule for the API and the web checklist (R-RAND-2); the first unmet condition refuses.
    const unmet = randomizationReadiness(env.study, {
      status: participant.status,
      eligible: participant.eligible,
      consentDate: participant.consentDate,
      records: baseline.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
      today,
      timeZone: env.timeZone,
    }).filter((c) => !c.met);
    const [first] = unmet;
    if (first) {
      const rest = unmet.filter((c) => c !== first && c.code === first.code);
      throw readinessRefusal(participant.studyId, [first, ...rest]);
    }
    assertTransition(participant, 'randomized');

    await tx.execute(sql`select pg_advisory_xact_lock(${RANDOMIZATION_LOCK})`);
    const [{ n } = { n: 0 }] = await selectRows(
      tx,
      { n: field.int },
      sql`select count(*)::int as n from randomization_slots where participant_id is not null`,
    );
    if (n >= env.study.enrollment.cap) {
      throw new DomainError('ENROLLMENT_CAP_REACHED', 'ENROLLMENT_CAP_REACHED', {
        cap: env.study.enrollment.cap,
      });
    }
    const [list] = await tx
      .select()
      .from(schema.randomizationLists)
      .where(eq(schema.randomizationLists.active, true));
    if (!list) throw new DomainError('NO_ACTIVE_LIST', 'NO_ACTIVE_LIST');
    const [site] = await tx
      .select({ code: schema.sites.code })
      .from(schema.sites)
      .where(eq(schema.sites.id, participant.siteId));
    const stratum = site?.code ?? '';
    // The list in use and the segments corrections appended to it, in seq order (R-RAND-5).
    const [slot] = await selectRows(
      tx,
      { id: schema.randomizationSlots.id },
      sql`select id from randomization_slots
          where list_id in ${listsInUse} and stratum_key = ${stratum} and participant_id is null
          order by seq limit 1`,
    );
    if (!slot) {
      const [known] = await selectRows(
        tx,
        { n: field.int },
        sql`select count(*)::int as n from randomization_slots
            where list_id in ${listsInUse} and stratum_key = ${stratum}`,
      );
      // A site added after the list has no stratum until an admin extends the list for it.
      if (!known?.n) {
        throw new DomainError('STRATUM_NOT_IN_LIST', 'STRATUM_NOT_IN_LIST', { stratum }, [
          fieldError('participant', 'STRATUM_NOT_IN_LIST', { stratum }),
        ]);
      }
      throw new DomainError('RANDOMIZATION_LIST_EXHAUSTED', 'LIST_EXHAUSTED', { stratum });
    }
    const now = new Date();
    const [assigned] = await tx
      .update(schema.randomizationSlots)
      .set({ participantId, assignedAt: now, assignedBy: user.id })
      .where(eq(schema.randomizationSlots.id, slot.id))
      .returning();
    if (!assigned) throw new Error('slot update returned nothing');
    await tx
      .update(schema.participants)
      .set({ status: 'randomized', randomizedAt: now, version: participant.version + 1 })
      .where(eq(schema.participants.id, participantId));
    // The same computation schedules visits an amendment adds later (services/amendment-visits.ts).
    const schedule = missingVisits(env.study.visits, { randomization: today });
    if (schedule.length > 0) {
      await tx.insert(schema.visits).values(
        schedule.map((v) => ({
          participantId,
          siteId: participant.siteId,
          visitCode: v.code,
          targetDate: v.targetDate,
          windowStart: v.windowStart,
          windowEnd: v.windowEnd,
        })),
      );
    }
    // The audit event names the slot, not the arm: the log stays safe for blinded readers.
    await appendAuditEvent(tx, {
      action: 'RANDOMIZED',
      tableName: 'randomization_slots',
      recordId: String(assigned.id),
      participantId,
      siteId: participant.siteId,
      details: { list_id: assigned.listId, stratum, seq: assigned.seq },
    });
    return allocationResponse(env, tx, assigned, participantId, today, true);
  });
}

/** The refusal for the first unmet condition, naming every unmet condition of the same kind. */
function readinessRefusal(studyId: string, same: [ReadinessCondition, ...ReadinessCondition[]]): DomainError {
  const [c] = same;
  const messages: Record<ReadinessCondition['code'], [ServerMessageCode, MessageParams]> = {
    NOT_ELIGIBLE: ['READY_NOT_ELIGIBLE', { studyId }],
    CONSENT_REQUIRED: ['READY_CONSENT_REQUIRED', {}],
    NOT_ENROLLED: ['READY_NOT_ENROLLED', { studyId }],
    BASELINE_INCOMPLETE: ['READY_BASELINE_INCOMPLETE', {}],
    BASELINE_OUT_OF_WINDOW: [
      'READY_BASELINE_OUT_OF_WINDOW',
      { from: c.params.from ?? '', to: c.params.to ?? '' },
    ],
  };
  const [messageCode, params] = messages[c.code];
  return new DomainError(
    c.code,
    messageCode,
    params,
    same.map((x) => fieldError('participant', x.code, x.params)),
  );
}

async function allocationResponse(
  env: ServiceEnv,
  tx: Tx,
  slot: typeof schema.randomizationSlots.$inferSelect,
  participantId: string,
  today: string,
  created: boolean,
): Promise<RandomizeResponse> {
  const visits = await selectVisits(tx, sql`v.participant_id = ${participantId}::uuid`);
  const arm = env.study.arms.find((a) => a.code === slot.arm);
  return {
    allocation: {
      arm: slot.arm,
      stratum: slot.stratumKey,
      seq: slot.seq,
      randomizedAt: (slot.assignedAt ?? new Date()).toISOString(),
    },
    armLabel: arm?.label.en ?? slot.arm,
    visits: visits.map((v) => toVisit(v, today)),
    created,
  };
}

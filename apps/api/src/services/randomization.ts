import { createHash, randomBytes } from 'node:crypto';
import {
  type AuditContext,
  appendAuditEvent,
  queryRows,
  schema,
  selectRows,
  type Tx,
  withAudit,
} from '@mini-edc/db';
import {
  baselineVisitOf,
  computeListCommitment,
  DomainError,
  generateRandomizationList,
  type MessageParams,
  missingVisits,
  type RandomizationList,
  type RandomizeResponse,
  type ReadinessCondition,
  randomizationParamsFromDefinition,
  randomizationReadiness,
  type ServerMessageCode,
  serverMessageText,
  toHex,
  validateRandomizationImport,
} from '@mini-edc/domain';
import { eq, sql } from 'drizzle-orm';
import { todayIn } from './clock';
import { parseListCsv } from './list-csv';
import { assertTransition } from './participant-status';
import { toVisit, visitColumns, visitRow } from './participant-views';
import { lockParticipant, type ServiceEnv } from './participants';
import type { AuthUser } from './sessions';

// One lock for every allocation: the enrollment cap spans all strata, and at trial scale
// (75 participants) serialising randomizations costs nothing.
export const RANDOMIZATION_LOCK = 74_652_002;

async function siteStrata(env: ServiceEnv): Promise<string[]> {
  const rows = await env.db.select({ code: schema.sites.code }).from(schema.sites).orderBy(schema.sites.code);
  return rows.map((r) => r.code);
}

export async function listRandomizationLists(env: ServiceEnv): Promise<RandomizationList[]> {
  const lists = await env.db
    .select()
    .from(schema.randomizationLists)
    .orderBy(schema.randomizationLists.createdAt);
  const counts = await queryRows<{ list_id: string; stratum_key: string; total: number; assigned: number }>(
    env.db,
    sql`select list_id, stratum_key, count(*)::int as total, count(participant_id)::int as assigned
        from randomization_slots group by list_id, stratum_key order by stratum_key`,
  );
  return lists.map((l) => ({
    id: l.id,
    name: l.name,
    method: l.method as RandomizationList['method'],
    commitment: l.commitment,
    active: l.active,
    createdAt: l.createdAt.toISOString(),
    params: l.params as Record<string, unknown>,
    strata: counts
      .filter((c) => c.list_id === l.id)
      .map((c) => ({ stratum: c.stratum_key, total: c.total, assigned: c.assigned })),
  }));
}

type Slot = {
  stratumKey: string;
  seq: number;
  blockNo: number | null;
  blockSize: number | null;
  posInBlock: number | null;
  arm: string;
};

async function storeList(
  env: ServiceEnv,
  ctx: AuditContext,
  header: { name: string; method: 'generated' | 'imported'; params: object; commitment: string },
  slots: Slot[],
) {
  const id = await withAudit(env.db, ctx, async (tx) => {
    // A new list replaces the active one for future allocations; past allocations stay as they are.
    await tx
      .update(schema.randomizationLists)
      .set({ active: false })
      .where(eq(schema.randomizationLists.active, true));
    const [list] = await tx
      .insert(schema.randomizationLists)
      .values({ ...header, active: true })
      .returning();
    if (!list) throw new Error('list insert returned nothing');
    for (let i = 0; i < slots.length; i += 500) {
      await tx
        .insert(schema.randomizationSlots)
        .values(slots.slice(i, i + 500).map((s) => ({ ...s, listId: list.id })));
    }
    return list.id;
  });
  const [list] = (await listRandomizationLists(env)).filter((l) => l.id === id);
  if (!list) throw new Error('list vanished');
  return list;
}

/**
 * Generates a stratified permuted-block list from 32 cryptographically random bytes (protocol
 * §4.2). Only the commitment is stored; the seed is returned once for the statistician.
 */
export async function generateList(env: ServiceEnv, ctx: AuditContext, name: string) {
  const strata = await siteStrata(env);
  const params = { ...randomizationParamsFromDefinition(env.study), strata };
  const seed = new Uint8Array(randomBytes(32));
  const rows = generateRandomizationList(seed, params);
  const list = await storeList(
    env,
    ctx,
    { name, method: 'generated', params, commitment: computeListCommitment(seed, params) },
    rows.map((r) => ({ ...r })),
  );
  return { list, seedHex: toHex(seed) };
}

/** Imports a statistician's list (the usual practice); its SHA-256 is the commitment (§4.2). */
export async function importList(env: ServiceEnv, ctx: AuditContext, name: string, csv: string) {
  const strata = await siteStrata(env);
  const params = randomizationParamsFromDefinition(env.study);
  const result = validateRandomizationImport(parseListCsv(csv), {
    arms: params.arms,
    ratio: params.ratio,
    strata,
  });
  if (!result.ok) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'LIST_PROBLEMS',
      { count: result.errors.length },
      result.errors
        .slice(0, 50)
        .map((e) => ({ path: `body.csv.row${e.row}.${e.field}`, message: e.message })),
    );
  }
  const commitment = createHash('sha256').update(csv).digest('hex');
  return storeList(
    env,
    ctx,
    { name, method: 'imported', params: { ...params, strata, source: 'csv' }, commitment },
    result.rows.map((r) => ({
      stratumKey: r.stratumKey,
      seq: r.seq,
      blockNo: r.blockNo ?? null,
      blockSize: r.blockSize ?? null,
      posInBlock: null,
      arm: r.arm,
    })),
  );
}

/** Assigned rows only: what comes next is never shown (protocol §4.3 concealment). */
export async function assignedSlots(env: ServiceEnv, listId: string) {
  return queryRows<{ stratum: string; seq: number; arm: string; studyId: string; assignedAt: string }>(
    env.db,
    sql`select rs.stratum_key as stratum, rs.seq, rs.arm, p.study_id as "studyId",
               to_char(rs.assigned_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "assignedAt"
        from randomization_slots rs join participants p on p.id = rs.participant_id
        where rs.list_id = ${listId}::uuid order by rs.stratum_key, rs.seq`,
  );
}

/**
 * Randomizes once (design invariant 4): eligible, consented, complete baseline VAS and ODI; takes
 * the lowest free slot of the participant's stratum under a lock, creates the visit schedule, and
 * returns the same allocation to any repeated call.
 */
export async function randomize(
  env: ServiceEnv,
  user: AuthUser,
  ctx: AuditContext,
  participantId: string,
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
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      tx,
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
    const [slot] = await queryRows<{ id: number }>(
      tx,
      sql`select id from randomization_slots
          where list_id = ${list.id}::uuid and stratum_key = ${stratum} and participant_id is null
          order by seq limit 1`,
    );
    if (!slot) {
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
      details: { list_id: list.id, stratum, seq: assigned.seq },
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
  const message = serverMessageText(messageCode, params);
  return new DomainError(
    c.code,
    messageCode,
    params,
    same.map((x) => ({ path: 'participant', message, code: x.key, params: x.params })),
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
  const visits = await selectRows(
    tx,
    visitRow,
    sql`select ${visitColumns} from visits v where v.participant_id = ${participantId}::uuid order by v.target_date`,
  );
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

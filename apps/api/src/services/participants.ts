import {
  auditContextValues,
  type Db,
  forWriteExtras,
  parseRow,
  participantColumns,
  participantForWrite,
  recordColumns,
  runPrepared,
  schema,
  selectRows,
  setAuditReason,
  type Tx,
  withAudit,
} from '@mini-edc/db';
import {
  blindViewFor,
  DomainError,
  type EligibilityRequest,
  evaluateEligibility,
  fieldError,
  type ParticipantDetail,
  type ParticipantSummary,
  redactRecordData,
  type StudyDefinition,
  screeningVisitOf,
  visitAsSeenBy,
} from '@mini-edc/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Acting } from './acting';
import { todayIn } from './clock';
import { rederiveParticipant } from './participant-status';
import { participantSummaries, participantSummaryById, recordsOf } from './participant-views';
import { checkRecordChange, voidOnChange } from './record-rules';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';
import { currentDefinitionVersion } from './study-definitions';

export interface ServiceEnv {
  db: Db;
  study: StudyDefinition;
  timeZone: string;
}

export const notFound = () => new DomainError('NOT_FOUND', 'PARTICIPANT_NOT_FOUND');

export async function listParticipants(
  env: ServiceEnv,
  user: AuthUser,
  filter: { siteId?: string | undefined; status?: string | undefined },
): Promise<ParticipantSummary[]> {
  const conditions = [inUserSites(sql`p.site_id`, user)];
  if (filter.siteId) conditions.push(sql`p.site_id = ${filter.siteId}::uuid`);
  if (filter.status) conditions.push(sql`p.status = ${filter.status}`);
  const view = blindViewFor(user, env.study);
  const summaries = await participantSummaries(env.db, {
    where: sql.join(conditions, sql` and `),
    today: todayIn(env.timeZone),
    study: env.study,
  });
  return summaries.map((s) => withNextVisitAsSeenBy(view, s));
}

/** The summary's next visit without free text a blinded viewer may not read (visitAsSeenBy). */
function withNextVisitAsSeenBy(
  view: ReturnType<typeof blindViewFor>,
  summary: ParticipantSummary,
): ParticipantSummary {
  return summary.nextVisit ? { ...summary, nextVisit: visitAsSeenBy(view, summary.nextVisit) } : summary;
}

export async function getParticipant(
  env: ServiceEnv,
  user: AuthUser,
  id: string,
): Promise<ParticipantDetail> {
  const today = todayIn(env.timeZone);
  const {
    summaries: [summary],
    visits,
  } = await participantSummaryById(env.db, { id, siteIds: user.siteIds, today, study: env.study });
  if (!summary) throw notFound();
  // A blinded viewer gets no record of a revealing form and no revealing field (R-BLIND-2).
  const view = blindViewFor(user, env.study);
  const records = (await recordsOf(env.db, id, view ? [...view.hiddenForms] : [])).flatMap((r) => {
    const data = redactRecordData(view, r.formCode, r.data);
    return data === null ? [] : [{ ...r, data }];
  });
  return {
    ...withNextVisitAsSeenBy(view, summary),
    visits: (visits.get(id) ?? []).map((v) => visitAsSeenBy(view, v)),
    records,
  };
}

/**
 * Screening starts by registering the participant at one of the caller's sites with the next
 * number of that site (S01-0007): the counter row is locked, so numbers never repeat or skip.
 */
export async function createParticipant(
  env: ServiceEnv,
  { user, ctx, input }: Acting & { input: { siteId: string; screenedAt: string } },
) {
  if (!user.siteIds.includes(input.siteId)) {
    throw new DomainError('NOT_FOUND', 'SITE_NOT_FOUND', {}, [fieldError('body.siteId', 'NOT_YOUR_SITE')]);
  }
  if (input.screenedAt > todayIn(env.timeZone)) {
    throw new DomainError('VALIDATION_FAILED', 'SCREENING_DATE_FUTURE', {}, [
      fieldError('body.screenedAt', 'DATE_IN_FUTURE'),
    ]);
  }
  const id = await withAudit(env.db, { ...ctx, actorSiteId: input.siteId }, async (tx) => {
    await tx.execute(
      sql`insert into site_counters (site_id, last_seq) values (${input.siteId}::uuid, 0) on conflict do nothing`,
    );
    const [counter] = await selectRows(
      tx,
      { last_seq: schema.siteCounters.lastSeq, code: schema.sites.code },
      sql`update site_counters c set last_seq = last_seq + 1 from sites s
          where c.site_id = ${input.siteId}::uuid and s.id = c.site_id returning c.last_seq, s.code`,
    );
    if (!counter) throw new Error('site counter missing');
    const [row] = await tx
      .insert(schema.participants)
      .values({
        studyId: `${counter.code}-${String(counter.last_seq).padStart(4, '0')}`,
        siteId: input.siteId,
        siteSeq: counter.last_seq,
        screenedAt: input.screenedAt,
      })
      .returning({ id: schema.participants.id });
    if (!row) throw new Error('participant insert returned nothing');
    return row.id;
  });
  return getParticipant(env, user, id);
}

/** Locks and returns the participant row inside a transaction, within the caller's sites. */
export async function lockParticipant(tx: Tx, user: AuthUser, id: string) {
  const [row] = await tx
    .select()
    .from(schema.participants)
    .where(and(eq(schema.participants.id, id), inUserSites(schema.participants.siteId, user)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

/** Runs the first statement of a save (participantForWrite) for the record `record` addresses. */
export async function lockParticipantForWrite(
  tx: Tx,
  {
    user,
    ctx,
    record,
  }: Acting & { record: { participantId: string; visitCode: string; formCode: string; seq: number } },
) {
  // The statement and its row shapes: packages/db/src/save-statements.ts.
  const [row] = await runPrepared(tx, participantForWrite, {
    ...auditContextValues(ctx),
    participantId: record.participantId,
    siteIds: user.siteIds,
    visitCode: record.visitCode,
    formCode: record.formCode,
    seq: record.seq,
  });
  if (!row) throw notFound();
  const { definition_version: definitionVersion, record_id } = parseRow(forWriteExtras, row);
  return {
    participant: parseRow(participantColumns, row),
    definitionVersion,
    record: record_id === null ? undefined : parseRow(recordColumns, row, 'record.'),
  };
}

/**
 * Records the eligibility answers as the SCR/eligibility form and decides with the domain's rule
 * (protocol §1.4). A screen failure keeps its failing criteria for the CONSORT diagram.
 */
export async function submitEligibility(
  env: ServiceEnv,
  { user, ctx, participantId: id, input }: Acting & { participantId: string; input: EligibilityRequest },
) {
  const result = await withAudit(env.db, ctx, async (tx) => {
    const participant = await lockParticipant(tx, user, id);
    if (participant.randomizedAt) {
      throw new DomainError('CONFLICT', 'ELIGIBILITY_AFTER_RANDOMIZATION');
    }
    if (participant.status === 'screening_closed') throw DomainError.coded('CONFLICT', 'SCREENING_CLOSED');
    // Sex proposes the answer of a criterion derived from it (protocol §1.4); only a complete
    // record sets it (R-LIFE-3).
    const sex = participant.sex === 'male' || participant.sex === 'female' ? participant.sex : undefined;
    const outcome = evaluateEligibility(env.study.eligibility.criteria, input.answers, sex ? { sex } : {});
    if (!outcome.ok) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'ELIGIBILITY_ANSWERS_INVALID',
        {},
        outcome.problems.map((p) => fieldError(`body.answers.${p.criterionId}`, p.code)),
      );
    }
    const data = {
      screened_at: participant.screenedAt,
      ...Object.fromEntries(Object.entries(input.answers).map(([k, v]) => [k.toLowerCase(), v])),
      eligible: outcome.eligible,
      failed_criteria: outcome.failedCriteria,
    };
    const definitionVersion = await currentDefinitionVersion(tx);
    const [existing] = await tx
      .select()
      .from(schema.formRecords)
      .where(
        and(
          eq(schema.formRecords.participantId, id),
          eq(schema.formRecords.formCode, env.study.roles.eligibilityForm),
        ),
      )
      .for('update');
    // The same record rules as every form (R-REC-1): locked refuses, a change to the complete
    // record needs a reason, and voids its signature and source verification.
    checkRecordChange(existing, input);
    if (existing) {
      await setAuditReason(tx, input.reason ?? null);
      await tx
        .update(schema.formRecords)
        .set({
          data,
          status: 'complete',
          version: existing.version + 1,
          definitionVersion,
          updatedAt: new Date(),
        })
        .where(eq(schema.formRecords.id, existing.id));
      await voidOnChange(tx, existing.id, input.reason);
    } else {
      await tx.insert(schema.formRecords).values({
        participantId: id,
        siteId: participant.siteId,
        visitCode: screeningVisitOf(env.study).code,
        formCode: env.study.roles.eligibilityForm,
        definitionVersion,
        status: 'complete',
        data,
      });
    }
    await rederiveParticipant(tx, {
      study: env.study,
      participant,
      decision: { eligible: outcome.eligible, failedCriteria: outcome.failedCriteria },
    });
    return outcome;
  });
  return {
    eligible: result.eligible,
    failedCriteria: result.failedCriteria,
    participant: await getParticipant(env, user, id),
  };
}

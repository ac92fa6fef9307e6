import {
  type Executor,
  preparedStatement,
  type RowOf,
  schema,
  selectList,
  selectPrepared,
  selectRows,
} from '@mini-edc/db';
import type {
  Allocation,
  FormRecord,
  ParticipantSummary,
  StudyDefinition,
  VisitRecord,
} from '@mini-edc/domain';
import { type SQL, sql } from 'drizzle-orm';
import { allocationRow, participantRow, type RecordRow, recordRow } from './row-shapes';
import { toVisit, visitsOfParticipants } from './visit-rows';

const { sites } = schema;

/** A participant with their site and allocation, as every participant list reads it. */
const summaryRow = { ...participantRow, site_code: sites.code, ...allocationRow };

/**
 * Participants with their allocation and visits, filtered by `where` (which always carries the
 * caller's site scope). The arm is read here only; callers blind it for assessors by schema.
 */
export async function participantSummaries(db: Executor, of: SummariesOf): Promise<ParticipantSummary[]> {
  return (await participantSummariesWithVisits(db, of)).summaries;
}

/** Which participants (`where` always carries the caller's site scope), as of which day. */
interface SummariesOf {
  where: SQL;
  today: string;
  study?: StudyDefinition;
}

/** The summaries and the visits they were computed from, for callers that show both. */
async function participantSummariesWithVisits(
  db: Executor,
  { where, today, study }: SummariesOf,
): Promise<{ summaries: ParticipantSummary[]; visits: Map<string, VisitRecord[]> }> {
  const rows = await selectRows(
    db,
    summaryRow,
    sql`select ${selectList('p', participantRow)}, s.code as site_code,
               rs.arm, rs.stratum_key, rs.seq as slot_seq
        from participants p
        join sites s on s.id = p.site_id
        left join randomization_slots rs on rs.participant_id = p.id
        where ${where}
        order by p.study_id`,
  );
  return summariesOf(db, rows, today, study);
}

/**
 * GET participant's read of one participant (docs/benchmarks.md "The audited write path"):
 * prepared, with the caller's sites as one array parameter (R-ACCESS-1: another site's
 * participant, or any for a user of no site, is not found).
 */
const participantById = preparedStatement(
  'participant_by_id',
  ['id', 'siteIds'],
  (p) =>
    sql`select ${selectList('p', participantRow)}, s.code as site_code,
             rs.arm, rs.stratum_key, rs.seq as slot_seq
      from participants p
      join sites s on s.id = p.site_id
      left join randomization_slots rs on rs.participant_id = p.id
      where p.id = ${p.id}::uuid and p.site_id = any(${p.siteIds}::uuid[])`,
);

/** One participant of the caller's sites with their visits (no summary when not found). */
export async function participantSummaryById(
  db: Executor,
  { id, siteIds, today, study }: { id: string; siteIds: string[]; today: string; study: StudyDefinition },
): Promise<{ summaries: ParticipantSummary[]; visits: Map<string, VisitRecord[]> }> {
  const rows = await selectPrepared(db, summaryRow, participantById, { id, siteIds });
  return summariesOf(db, rows, today, study);
}

async function summariesOf(
  db: Executor,
  rows: RowOf<typeof summaryRow>[],
  today: string,
  study: StudyDefinition | undefined,
): Promise<{ summaries: ParticipantSummary[]; visits: Map<string, VisitRecord[]> }> {
  if (rows.length === 0) return { summaries: [], visits: new Map() };
  const visits = await visitsOf(
    db,
    rows.map((r) => r.id),
    today,
    study,
  );
  const summaries = rows.map((r): ParticipantSummary => {
    const own = visits.get(r.id) ?? [];
    const next =
      own.find((v) => v.status === 'overdue' || v.status === 'due' || v.status === 'upcoming') ?? null;
    const allocation: Allocation | null =
      r.arm && r.randomized_at
        ? {
            arm: r.arm,
            stratum: r.stratum_key ?? '',
            seq: r.slot_seq ?? 0,
            randomizedAt: r.randomized_at.toISOString(),
          }
        : null;
    return {
      id: r.id,
      studyId: r.study_id,
      siteId: r.site_id,
      siteCode: r.site_code,
      status: r.status,
      sex: r.sex,
      birthYear: r.birth_year,
      screenedAt: r.screened_at,
      eligible: r.eligible,
      failedCriteria: r.failed_criteria,
      consentDate: r.consent_date,
      screeningClosedReason: r.screening_closed_reason,
      randomized: r.randomized_at !== null,
      nextVisit: next,
      allocation,
    };
  });
  return { summaries, visits };
}

async function visitsOf(db: Executor, participantIds: string[], today: string, study?: StudyDefinition) {
  const byParticipant = new Map<string, VisitRecord[]>();
  if (participantIds.length === 0) return byParticipant;
  for (const row of await visitsOfParticipants(db, participantIds)) {
    const list = byParticipant.get(row.participant_id) ?? [];
    list.push(toVisit(row, today, study));
    byParticipant.set(row.participant_id, list);
  }
  return byParticipant;
}

/** A form record as the drizzle query builder returns it. */
export function formRecordOf(r: typeof schema.formRecords.$inferSelect): FormRecord {
  return {
    id: r.id,
    visitCode: r.visitCode,
    formCode: r.formCode,
    seq: r.seq,
    status: r.status,
    version: r.version,
    data: r.data,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toFormRecord(r: RecordRow): FormRecord {
  return {
    id: r.id,
    visitCode: r.visit_code,
    formCode: r.form_code,
    seq: r.seq,
    status: r.status,
    version: r.version,
    data: r.data,
    updatedAt: r.updated_at.toISOString(),
  };
}

/**
 * A participant's records in entry order, but those of the forms in excludeForms (a blinded
 * viewer's hidden forms, R-BLIND-2): prepared, the forms as one array parameter.
 */
const recordsOfParticipant = preparedStatement(
  'records_of_participant',
  ['participantId', 'excludeForms'],
  (p) =>
    sql`select ${selectList('r', recordRow)} from form_records r
      where r.participant_id = ${p.participantId}::uuid and r.form_code <> all(${p.excludeForms}::text[])
      order by r.created_at, r.form_code, r.seq`,
);

export async function recordsOf(db: Executor, participantId: string, excludeForms: string[] = []) {
  const rows = await selectPrepared(db, recordRow, recordsOfParticipant, { participantId, excludeForms });
  return rows.map(toFormRecord);
}

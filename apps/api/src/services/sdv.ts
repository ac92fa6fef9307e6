import { type Executor, field, type RowOf, schema, selectList, selectRows, withAudit } from '@mini-edc/db';
import {
  DomainError,
  type SdvMark,
  type SdvRequest,
  type SdvResponse,
  type SdvUndoRequest,
  type StudyDefinition,
} from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import type { Acting } from './acting';
import type { ServiceEnv } from './participants';
import { type RecordRow, recordRow } from './row-shapes';
import { inUserSites, visibleForms } from './scope';
import type { AuthUser } from './sessions';

/**
 * Source data verification: a monitor marks a record, or every completed record
 * of a visit, as verified against the source at the record's current version. A later change to
 * the record clears the mark with a reason (done by the form save), so a mark never vouches for
 * data the monitor did not see. Marks are rows, audited by their trigger.
 */

const { formRecords, participants, sdvMarks, users } = schema;

/** A source verification mark with its verifier's name. */
const markRow = {
  id: sdvMarks.id,
  record_id: sdvMarks.recordId,
  record_version: sdvMarks.recordVersion,
  verified_by: sdvMarks.verifiedBy,
  verifier_name: field.nullable(users.displayName),
  verified_at: sdvMarks.verifiedAt,
  cleared_at: sdvMarks.clearedAt,
  cleared_reason: sdvMarks.clearedReason,
};
export type MarkRow = RowOf<typeof markRow>;

export function toSdvMark(row: MarkRow): SdvMark {
  return {
    id: row.id,
    recordId: row.record_id,
    recordVersion: row.record_version,
    verifiedBy: { id: row.verified_by, name: row.verifier_name },
    verifiedAt: row.verified_at.toISOString(),
    clearedAt: row.cleared_at?.toISOString() ?? null,
    clearedReason: row.cleared_reason,
  };
}

/**
 * The mark that describes each record now: the one in force if any, else the latest cleared one.
 * `where` is SQL on m (sdv_marks).
 */
export async function currentMarks(db: Executor, where: ReturnType<typeof sql>): Promise<MarkRow[]> {
  return selectRows(
    db,
    markRow,
    sql`select distinct on (m.record_id) ${selectList('m', markRow)}, u.display_name as verifier_name
        from sdv_marks m left join users u on u.id = m.verified_by
        where ${where}
        order by m.record_id, (m.cleared_at is null) desc, m.verified_at desc, m.cleared_at desc`,
  );
}

async function recordsToVerify(
  tx: Executor,
  study: StudyDefinition,
  user: AuthUser,
  input: SdvRequest,
): Promise<RecordRow[]> {
  // A record a blinded viewer may not see answers like one that does not exist (R-BLIND-2).
  const scope = sql`${inUserSites(sql`fr.site_id`, user)} and ${visibleForms(study, user, sql`fr.form_code`)}`;
  const columns = selectList('fr', recordRow);
  if ('recordId' in input) {
    const rows = await selectRows(
      tx,
      recordRow,
      sql`select ${columns} from form_records fr
          where fr.id = ${input.recordId}::uuid and ${scope} for update`,
    );
    const [record] = rows;
    if (!record) throw DomainError.coded('NOT_FOUND', 'RECORD_NOT_FOUND');
    if (record.status === 'draft') throw DomainError.coded('CONFLICT', 'SDV_DRAFT');
    return rows;
  }
  const [participant] = await selectRows(
    tx,
    { id: participants.id },
    sql`select p.id from participants p
        where p.id = ${input.participantId}::uuid and ${inUserSites(sql`p.site_id`, user)}`,
  );
  if (!participant) throw DomainError.coded('NOT_FOUND', 'PARTICIPANT_NOT_FOUND');
  const rows = await selectRows(
    tx,
    recordRow,
    sql`select ${columns} from form_records fr
        where fr.participant_id = ${input.participantId}::uuid and fr.visit_code = ${input.visitCode}
          and fr.status <> 'draft' and ${scope}
        order by fr.form_code, fr.seq for update`,
  );
  if (rows.length === 0) {
    throw DomainError.coded('CONFLICT', 'SDV_NOTHING_AT_VISIT', { visit: input.visitCode });
  }
  return rows;
}

export async function markSdv(
  env: ServiceEnv,
  { user, ctx, input }: Acting & { input: SdvRequest },
): Promise<SdvResponse> {
  return withAudit(env.db, ctx, async (tx) => {
    const records = await recordsToVerify(tx, env.study, user, input);
    const ids = sql.join(
      records.map((r) => sql`${r.id}::uuid`),
      sql`, `,
    );
    const inForce = await selectRows(
      tx,
      { record_id: sdvMarks.recordId, record_version: sdvMarks.recordVersion },
      sql`select record_id, record_version from sdv_marks
          where record_id in (${ids}) and cleared_at is null`,
    );
    // Verifying again what is already verified at this version adds nothing (idempotent).
    const fresh = records.filter(
      (r) => !inForce.some((m) => m.record_id === r.id && m.record_version === r.version),
    );
    if (fresh.length > 0) {
      await tx.insert(schema.sdvMarks).values(
        fresh.map((r) => ({
          recordId: r.id,
          recordVersion: r.version,
          participantId: r.participant_id,
          siteId: r.site_id,
          verifiedBy: user.id,
        })),
      );
    }
    const marks = await currentMarks(tx, sql`m.record_id in (${ids})`);
    return { marks: marks.map(toSdvMark), created: fresh.length };
  });
}

/**
 * Undoes the mark in force on a record (a wrong record ticked, a source not actually seen): the
 * mark is cleared with the monitor's reason, kept, and audited by its trigger with that reason.
 */
export async function undoSdv(
  env: ServiceEnv,
  { user, ctx, input }: Acting & { input: SdvUndoRequest },
): Promise<SdvResponse> {
  return withAudit(env.db, { ...ctx, reason: input.reason }, async (tx) => {
    const scope = sql`${inUserSites(sql`fr.site_id`, user)} and ${visibleForms(env.study, user, sql`fr.form_code`)}`;
    const [record] = await selectRows(
      tx,
      { id: formRecords.id },
      sql`select fr.id from form_records fr where fr.id = ${input.recordId}::uuid and ${scope} for update`,
    );
    if (!record) throw DomainError.coded('NOT_FOUND', 'RECORD_NOT_FOUND');
    const cleared = await selectRows(
      tx,
      { id: sdvMarks.id },
      sql`update sdv_marks set cleared_at = now(), cleared_reason = ${`undone: ${input.reason}`}
          where record_id = ${record.id}::uuid and cleared_at is null returning id`,
    );
    if (cleared.length === 0) throw DomainError.coded('CONFLICT', 'SDV_NOT_VERIFIED');
    const marks = await currentMarks(tx, sql`m.record_id = ${record.id}::uuid`);
    return { marks: marks.map(toSdvMark), created: 0 };
  });
}

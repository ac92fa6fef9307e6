import { field, schema, selectList, selectRows } from '@mini-edc/db';
import { DomainError, type ParticipantReview, type RecordReview } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import type { ServiceEnv } from './participants';
import { participantRow, recordRow } from './row-shapes';
import { inUserSites, visibleForms } from './scope';
import { currentMarks, toSdvMark } from './sdv';
import type { AuthUser } from './sessions';

/**
 * The monitor's view of a participant: per record, its SDV mark (in force, or
 * cleared with the reason), unresolved queries and signature state. A blinded viewer's list has no
 * record of a hidden form at all (R-BLIND-2), so neither those records nor their queries are
 * counted.
 */

const { signatures: signatureTable, sites } = schema;

/** The signature shown for a record. */
const signatureRow = {
  record_id: signatureTable.recordId,
  signer_name: signatureTable.signerName,
  meaning: signatureTable.meaning,
  record_version: signatureTable.recordVersion,
  signed_at: signatureTable.signedAt,
  voided_at: signatureTable.voidedAt,
  void_reason: signatureTable.voidReason,
};

const noSignature: RecordReview['signature'] = {
  state: 'none',
  signerName: null,
  meaning: null,
  recordVersion: null,
  signedAt: null,
  voidedAt: null,
  voidReason: null,
};

export async function participantReview(
  env: ServiceEnv,
  user: AuthUser,
  participantId: string,
): Promise<ParticipantReview> {
  const [participant] = await selectRows(
    env.db,
    { study_id: participantRow.study_id, site_code: sites.code },
    sql`select p.study_id, s.code as site_code from participants p join sites s on s.id = p.site_id
        where p.id = ${participantId}::uuid and ${inUserSites(sql`p.site_id`, user)}`,
  );
  if (!participant) throw new DomainError('NOT_FOUND', 'PARTICIPANT_NOT_FOUND');
  const id = sql`${participantId}::uuid`;
  const records = await selectRows(
    env.db,
    recordRow,
    sql`select ${selectList('r', recordRow)} from form_records r
        where r.participant_id = ${id} and ${visibleForms(env.study, user, sql`r.form_code`)}
        order by r.created_at, r.form_code, r.seq`,
  );
  const marks = await currentMarks(env.db, sql`m.participant_id = ${id}`);
  const queries = await selectRows(
    env.db,
    { record_id: schema.dataQueries.recordId, n: field.int },
    sql`select record_id, count(*)::int as n from data_queries
        where participant_id = ${id} and status in ('open', 'answered') group by record_id`,
  );
  // The signature in force if there is one, else the latest voided one (kept in history).
  const signatures = await selectRows(
    env.db,
    signatureRow,
    sql`select distinct on (g.record_id) ${selectList('g', signatureRow)}
        from signatures g where g.participant_id = ${id}
        order by g.record_id, (g.voided_at is null) desc, g.signed_at desc`,
  );
  return {
    participantId,
    studyId: participant.study_id,
    siteCode: participant.site_code,
    records: records.map((r) => {
      const mark = marks.find((m) => m.record_id === r.id);
      const signature = signatures.find((s) => s.record_id === r.id);
      return {
        recordId: r.id,
        visitCode: r.visit_code,
        formCode: r.form_code,
        seq: r.seq,
        status: r.status,
        version: r.version,
        updatedAt: r.updated_at.toISOString(),
        sdv: mark
          ? { state: mark.cleared_at === null ? 'verified' : 'cleared', mark: toSdvMark(mark) }
          : { state: 'none', mark: null },
        openQueries: queries.find((q) => q.record_id === r.id)?.n ?? 0,
        signature: signature
          ? {
              state: signature.voided_at === null ? 'signed' : 'voided',
              signerName: signature.signer_name,
              meaning: signature.meaning,
              recordVersion: signature.record_version,
              signedAt: signature.signed_at.toISOString(),
              voidedAt: signature.voided_at?.toISOString() ?? null,
              voidReason: signature.void_reason,
            }
          : noSignature,
      };
    }),
  };
}

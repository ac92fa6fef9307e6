import { type Executor, field, schema, selectRows } from '@mini-edc/db';
import {
  type AuditRowForReplay,
  type CasebookModel,
  casebookFromReplay,
  type StudyDefinition,
} from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { auditChanges } from './row-fields';

const { auditLog, participants, randomizationSlots, sites } = schema;

export interface CasebookParticipant {
  id: string;
  studyId: string;
  siteId: string;
  siteCode: string;
  siteName: string;
}

/** Participants of one site in study id order, a page at a time (keyset), registered by `asOf`. */
export async function siteParticipantsPage(
  db: Executor,
  { siteId, asOf, after, limit }: { siteId: string; asOf: Date; after: string | null; limit: number },
): Promise<CasebookParticipant[]> {
  return selectRows(
    db,
    {
      id: participants.id,
      studyId: participants.studyId,
      siteId: participants.siteId,
      siteCode: sites.code,
      siteName: sites.name,
    },
    sql`select p.id, p.study_id as "studyId", p.site_id as "siteId", s.code as "siteCode", s.name as "siteName"
        from participants p join sites s on s.id = p.site_id
        where p.site_id = ${siteId}::uuid and p.created_at <= ${asOf.toISOString()}::timestamptz
          and (${after}::text is null or p.study_id > ${after}::text)
        order by p.study_id limit ${limit}`,
  );
}

/**
 * One participant's casebook model as of `asOf`: the participant's audit trail up to then (one
 * indexed query), replayed into rows, plus the allocation if it was made by then (slot arms are
 * redacted from the audit trail, and a slot never changes once assigned).
 */
export async function loadCasebook(
  db: Executor,
  { study, participant, asOf }: { study: StudyDefinition; participant: CasebookParticipant; asOf: Date },
): Promise<CasebookModel> {
  const audit = await selectRows(
    db,
    {
      id: field.int,
      // Millisecond text in UTC, as the replay compares it.
      occurred_at: field.text,
      actor_label: auditLog.actorLabel,
      actor_role: auditLog.actorRole,
      action: auditLog.action,
      table_name: auditLog.tableName,
      record_id: auditLog.recordId,
      changes: auditChanges,
      reason: auditLog.reason,
    },
    sql`select id::text, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
               actor_label, actor_role, action, table_name, record_id, changes, reason
        from audit_log
        where participant_id = ${participant.id}::uuid and occurred_at <= ${asOf.toISOString()}::timestamptz
        order by id`,
  );
  const [slot] = await selectRows(
    db,
    { arm: randomizationSlots.arm, stratum_key: randomizationSlots.stratumKey, seq: randomizationSlots.seq },
    sql`select arm, stratum_key, seq from randomization_slots
        where participant_id = ${participant.id}::uuid and assigned_at <= ${asOf.toISOString()}::timestamptz`,
  );
  const auditTrail: AuditRowForReplay[] = audit.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    actorLabel: r.actor_label,
    actorRole: r.actor_role,
    action: r.action,
    tableName: r.table_name,
    recordId: r.record_id,
    changes: r.changes,
    reason: r.reason,
  }));
  return casebookFromReplay(study, {
    participantId: participant.id,
    site: { code: participant.siteCode, name: participant.siteName },
    asOf: asOf.toISOString(),
    allocation: slot ? { arm: slot.arm, stratum: slot.stratum_key, seq: slot.seq } : null,
    auditTrail,
  });
}

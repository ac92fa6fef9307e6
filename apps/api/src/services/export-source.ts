import { type Db, field, type RowOf, schema, selectList, selectRows } from '@mini-edc/db';
import {
  type DefinitionVersionOf,
  type ExportAuditEntry,
  type ExportParticipant,
  type ExportRecord,
  exportedForms,
  exportParticipant,
  loadStudyDefinition,
  type OdmLocation,
  type OdmUser,
  type StudyDefinition,
} from '@mini-edc/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fieldChanges, parsedBy, textList } from './row-fields';
import { recordRow } from './row-shapes';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';
import { currentDefinitionVersion } from './study-definitions';

/**
 * Reads what an export shows, in batches, so memory stays flat however large the trial
 *: participants by keyset on study_id, then the records and the form audit rows
 * of that batch only. Site scope is in every WHERE clause (design invariant 5); a blinded export
 * never selects the arm or the records of a form the blinding rules hide, so they cannot leak by
 * mistake further on, and what it does read is shaped by the same rules (exportParticipant, R-BLIND-2)
 * before it is counted for the manifest.
 */
export interface ExportScope {
  user: Pick<AuthUser, 'siteIds'>;
  siteId: string | null;
  blinded: boolean;
  /** Audit rows after the captured head are not part of this export (manifest.auditHead). */
  maxAuditId: number;
  study: StudyDefinition;
}

export interface BatchCounts {
  participants: number;
  records: number;
  auditEntries: number;
}

const UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const utc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', ${sql.raw(UTC)})`;
// One array parameter instead of hundreds: ids are uuids, so the literal needs no quoting.
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

function participantScope(scope: ExportScope, column: SQL): SQL {
  const parts = [inUserSites(column, scope.user)];
  if (scope.siteId) parts.push(sql`${column} = ${scope.siteId}::uuid`);
  return sql.join(parts, sql` and `);
}

/** Blinded: only records of the forms the blinding rules leave (an allow-list: unknown forms too are out). */
function visibleForms(scope: ExportScope): SQL {
  if (!scope.blinded) return sql`true`;
  const shown = exportedForms(scope.study, { blinded: true }).map((f) => f.code);
  if (shown.length === 0) return sql`false`;
  return sql`r.form_code in (${sql.join(
    shown.map((f) => sql`${f}`),
    sql`, `,
  )})`;
}

/**
 * Blinded: an audit row that changed data fields names its actor only if one of them is a field
 * the export shows, as exportParticipant keeps only such rows; so nobody appears in AdminData
 * for having changed hidden fields alone. (By name only: a change to or from a revealing value of
 * a shown field still names its actor, who is then named without any record.)
 */
function changedShownField(scope: ExportScope): SQL {
  if (!scope.blinded) return sql`true`;
  const shown = Object.fromEntries(
    exportedForms(scope.study, { blinded: true }).map((f) => [f.code, f.fields.map((d) => d.name)]),
  );
  return sql`(not exists (select 1 from jsonb_object_keys(a.changes) k where k like 'data.%')
              or exists (select 1 from form_records fr, jsonb_object_keys(a.changes) k
                         where fr.id::text = a.record_id and k like 'data.%'
                           and coalesce(${JSON.stringify(shown)}::jsonb -> fr.form_code, '[]'::jsonb)
                               @> to_jsonb(substr(k, 6))))`;
}

const { auditLog, participants, randomizationSlots, sites, studyDefinitions, users } = schema;

/** Instants as UTC text with microseconds (utc above), as the files carry them. */
const exportParticipantRow = {
  id: participants.id,
  study_id: participants.studyId,
  site_code: sites.code,
  sex: participants.sex,
  birth_year: participants.birthYear,
  status: participants.status,
  screened_at: participants.screenedAt,
  eligible: participants.eligible,
  consent_date: participants.consentDate,
  randomized_at: field.nullable(field.text),
  // Selected as null for a blinded export (R-BLIND-2).
  arm: field.nullable(randomizationSlots.arm),
  stratum_key: field.nullable(randomizationSlots.stratumKey),
};

const exportAuditRow = {
  id: field.int,
  record_id: field.text,
  occurred_at: field.text,
  actor_id: auditLog.actorId,
  actor_label: auditLog.actorLabel,
  actor_role: auditLog.actorRole,
  site_code: field.nullable(sites.code),
  // Row changes of form records: the trigger's three actions only.
  action: parsedBy(z.enum(['INSERT', 'UPDATE', 'DELETE'])),
  reason: auditLog.reason,
  fields: textList,
  // Read for a blinded export only.
  changes: field.nullable(fieldChanges),
};

async function readBatch(db: Db, scope: ExportScope, after: string, size: number) {
  return selectRows(
    db,
    exportParticipantRow,
    sql`select p.id, p.study_id, s.code as site_code, p.sex, p.birth_year, p.status,
               p.screened_at::text as screened_at, p.eligible, p.consent_date::text as consent_date,
               ${utc(sql`p.randomized_at`)} as randomized_at,
               ${scope.blinded ? sql`null::text` : sql`rs.arm`} as arm, rs.stratum_key
        from participants p
        join sites s on s.id = p.site_id
        left join randomization_slots rs on rs.participant_id = p.id
        where ${participantScope(scope, sql`p.site_id`)} and p.study_id > ${after}
        order by p.study_id
        limit ${size}`,
  );
}

async function readRecords(db: Db, scope: ExportScope, ids: string[]) {
  return selectRows(
    db,
    recordRow,
    sql`select ${selectList('r', recordRow)}
        from form_records r
        where r.participant_id = any(${uuidArray(ids)}) and ${inUserSites(sql`r.site_id`, scope.user)}
          and ${visibleForms(scope)}
        order by r.participant_id, r.visit_code, r.form_code, r.seq`,
  );
}

async function readAudit(db: Db, scope: ExportScope, ids: string[], recordIds: string[]) {
  if (recordIds.length === 0) return [];
  // Field names come from the trigger's "data.<field>" keys (migrations/0003_clinical_guards.sql).
  return selectRows(
    db,
    exportAuditRow,
    sql`select a.id::text as id, a.record_id, ${utc(sql`a.occurred_at`)} as occurred_at, a.actor_id,
               a.actor_label, a.actor_role, s.code as site_code, a.action, a.reason,
               array(select substr(k, 6) from jsonb_object_keys(a.changes) k
                     where k like 'data.%' order by 1) as fields,
               ${scope.blinded ? sql`a.changes` : sql`null::jsonb`} as changes
        from audit_log a
        left join sites s on s.id = a.site_id
        where a.participant_id = any(${uuidArray(ids)}) and a.table_name = 'form_records'
          and a.record_id = any(${`{${recordIds.join(',')}}`}::text[]) and a.id <= ${scope.maxAuditId}
        order by a.id`,
  );
}

function toAuditEntry(a: RowOf<typeof exportAuditRow>): ExportAuditEntry {
  return {
    auditId: a.id,
    occurredAt: a.occurred_at,
    actorId: a.actor_id,
    actorLabel: a.actor_label,
    actorRole: a.actor_role,
    siteCode: a.site_code,
    action: a.action,
    reason: a.reason,
    fields: a.fields ?? [],
    ...(a.changes === null ? {} : { changes: a.changes }),
  };
}

/** Participants in study-id order, `size` at a time, each with its records and their audit. */
export async function* participantBatches(
  db: Db,
  scope: ExportScope,
  counts: BatchCounts,
  size = 200,
): AsyncGenerator<ExportParticipant[]> {
  let after = '';
  for (;;) {
    const rows = await readBatch(db, scope, after, size);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const records = await readRecords(db, scope, ids);
    const audit = await readAudit(
      db,
      scope,
      ids,
      records.map((r) => r.id),
    );
    const auditByRecord = new Map<string, ExportAuditEntry[]>();
    for (const a of audit) {
      const list = auditByRecord.get(a.record_id) ?? [];
      list.push(toAuditEntry(a));
      auditByRecord.set(a.record_id, list);
    }
    const recordsByParticipant = new Map<string, ExportRecord[]>();
    for (const r of records) {
      const list = recordsByParticipant.get(r.participant_id) ?? [];
      list.push({
        recordId: r.id,
        visitCode: r.visit_code,
        formCode: r.form_code,
        seq: r.seq,
        status: r.status,
        version: r.version,
        definitionVersion: r.definition_version,
        data: r.data,
        audit: auditByRecord.get(r.id) ?? [],
      });
      recordsByParticipant.set(r.participant_id, list);
    }
    const opts = { blinded: scope.blinded };
    const batch = rows.map((p) =>
      exportParticipant(
        scope.study,
        {
          participantId: p.id,
          studyId: p.study_id,
          siteCode: p.site_code,
          sex: p.sex,
          birthYear: p.birth_year,
          status: p.status,
          screenedAt: p.screened_at,
          eligible: p.eligible,
          consentDate: p.consent_date,
          randomizedAt: p.randomized_at,
          arm: scope.blinded ? null : p.arm,
          stratum: p.stratum_key,
          records: recordsByParticipant.get(p.id) ?? [],
        },
        opts,
      ),
    );
    // The manifest counts what the file shows, so hidden records and audit rows are not counted.
    counts.participants += batch.length;
    for (const p of batch) {
      counts.records += p.records.length;
      for (const r of p.records) counts.auditEntries += r.audit.length;
    }
    yield batch;
    after = rows[rows.length - 1]?.study_id ?? after;
    if (rows.length < size) return;
  }
}

/** The sites the export covers: the caller's, narrowed by the siteId filter. */
export async function scopedSites(db: Db, scope: ExportScope): Promise<OdmLocation[]> {
  const rows = await selectRows(
    db,
    { code: sites.code, name: sites.name },
    sql`select s.code, s.name from sites s where ${participantScope(scope, sql`s.id`)} order by s.code`,
  );
  return rows.map((r) => ({ siteCode: r.code, name: r.name }));
}

/**
 * Everyone the exported audit rows name, for ODM's AdminData, which comes before the clinical
 * data and so must be known first. Names and roles come from the users table; actors that are
 * not users (the explicit 'system' actor) keep the label and role the audit row recorded.
 */
export async function auditUsers(db: Db, scope: ExportScope): Promise<OdmUser[]> {
  const rows = await selectRows(
    db,
    {
      actor_id: auditLog.actorId,
      label: field.nullable(users.displayName),
      role: field.nullable(users.role),
    },
    sql`with actors as (
          select a.actor_id, (array_agg(a.actor_label order by a.id desc))[1] as label,
                 (array_agg(a.actor_role order by a.id desc))[1] as role
          from audit_log a
          where a.table_name = 'form_records' and a.id <= ${scope.maxAuditId}
            and a.record_id in (
              select r.id::text from form_records r join participants p on p.id = r.participant_id
              where ${participantScope(scope, sql`p.site_id`)} and ${visibleForms(scope)})
            and ${changedShownField(scope)}
          group by a.actor_id
        )
        select a.actor_id, coalesce(u.display_name, a.label) as label, coalesce(u.role, a.role) as role
        from actors a left join users u on u.id::text = a.actor_id
        order by a.actor_id`,
  );
  return rows.map((r) => ({ userId: r.actor_id, displayName: r.label, role: r.role }));
}

/**
 * The definition versions an ODM export describes (R-DEF-6): every version a record in scope was
 * entered under, and the current one (the export's own definition) last.
 */
export async function exportDefinitionVersions(db: Db, scope: ExportScope): Promise<DefinitionVersionOf[]> {
  const current = await currentDefinitionVersion(db);
  const rows = await selectRows(
    db,
    { version: studyDefinitions.version, definition: studyDefinitions.definition },
    sql`select d.version, d.definition from study_definitions d
        where d.version < ${current} and exists (
          select 1 from form_records r
          where r.definition_version = d.version and ${participantScope(scope, sql`r.site_id`)}
            and ${visibleForms(scope)})
        order by d.version`,
  );
  return [
    ...rows.map((r) => ({ version: r.version, def: loadStudyDefinition(r.definition) })),
    { version: current, def: scope.study },
  ];
}

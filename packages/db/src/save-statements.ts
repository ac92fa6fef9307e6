import { getTableColumns, sql } from 'drizzle-orm';
import { auditContextPlaceholders } from './audit';
import { preparedStatement } from './prepared';
import { field, selectList } from './rows';
import { formRecords, participants } from './schema/index';

/**
 * The statements of a form save, prepared (prepared.ts; docs/benchmarks.md "The audited write
 * path"): the first, which sets the audit context, locks the participant and reads the record,
 * and the record's write, an INSERT or a versioned UPDATE. Each is one text for every form and
 * every save, built once when the module loads: the data is one jsonb parameter sent as its JSON
 * text and the user's sites one array parameter, so neither the text nor a parameter's type varies
 * with the form, the data or the number of sites. The API sends them (apps/api/src/services/
 * participants.ts and record-write.ts), and so does the bench's database ceiling
 * (bench/src/ceiling.ts), under the same names, so that the two are compared on the same SQL.
 */

export const participantColumns = getTableColumns(participants);
export const recordColumns = getTableColumns(formRecords);

/** Beside participant_for_write's two rows: the definition version, and whether the left join found a record. */
export const forWriteExtras = {
  definition_version: field.int,
  record_id: field.nullable(formRecords.id),
};

/**
 * The first statement of a save: sets the audit context, locks the participant row (site scope in
 * the WHERE), reads the current definition version and the record the save addresses, in one round
 * trip instead of four. The record is read, not locked: when the statement waited for the
 * participant's lock, the record is as of the statement's start, so the write that follows is
 * guarded (saveForm in apps/api/src/services/forms.ts). An empty list of sites matches nothing.
 */
export const participantForWrite = preparedStatement(
  'participant_for_write',
  ['participantId', 'siteIds', 'visitCode', 'formCode', 'seq'],
  (p) =>
    sql`select ${auditContextPlaceholders()} as context_settings, r.id as record_id,
               (select coalesce(max(version), 1) from study_definitions) as definition_version,
               ${selectList('p', participantColumns)}, ${selectList('r', recordColumns, 'record.')}
        from participants p
        left join form_records r on r.participant_id = p.id and r.visit_code = ${p.visitCode}
          and r.form_code = ${p.formCode} and r.seq = ${p.seq}
        where p.id = ${p.participantId}::uuid and p.site_id = any(${p.siteIds}::uuid[])
        for update of p`,
);

/**
 * A new record, or nothing if another transaction created it first (ON CONFLICT DO NOTHING on the
 * record's natural key): the caller then decides the save again on the record read under its lock.
 */
export const recordInsert = preparedStatement(
  'record_insert',
  ['participantId', 'siteId', 'visitCode', 'formCode', 'seq', 'status', 'data', 'definitionVersion'],
  (p) =>
    sql`insert into form_records as r
          (participant_id, site_id, visit_code, form_code, seq, status, data, definition_version)
        values (${p.participantId}::uuid, ${p.siteId}::uuid, ${p.visitCode}::text, ${p.formCode}::text,
                ${p.seq}::int, ${p.status}::text, ${p.data}::jsonb, ${p.definitionVersion}::int)
        on conflict (participant_id, visit_code, form_code, seq) do nothing
        returning ${selectList('r', recordColumns)}`,
);

/**
 * The versioned UPDATE of the record the checks saw: it touches the record only while its version
 * AND status are the ones read (signing and locking change the status without a new version).
 * The record's open signatures are voided and its SDV marks cleared, with the reason, by
 * data-modifying CTEs of the same statement (R-REC-1) that take the record's id from the UPDATE's
 * own RETURNING: when the guard finds the record changed they write nothing either, which matters
 * because the COMMIT may travel with this statement (round-trips.ts, lastStatement). PostgreSQL
 * runs the record's UPDATE first (the query reads it), then the two unreferenced CTEs in order;
 * each table's trigger writes its audit rows.
 */
export const recordUpdate = preparedStatement(
  'record_update',
  ['id', 'version', 'priorStatus', 'status', 'data', 'definitionVersion', 'at', 'changeReason'],
  (p) =>
    sql`with updated as (
          update form_records as r
          set data = ${p.data}::jsonb, status = ${p.status}::text, version = r.version + 1,
              definition_version = ${p.definitionVersion}::int, updated_at = ${p.at}::timestamptz
          where r.id = ${p.id}::uuid and r.version = ${p.version}::int and r.status = ${p.priorStatus}::text
          returning ${selectList('r', recordColumns)}
        ), voided_signatures as (
          update signatures set voided_at = ${p.at}::timestamptz, void_reason = ${p.changeReason}::text
          where record_id in (select id from updated) and voided_at is null
        ), cleared_sdv as (
          update sdv_marks set cleared_at = ${p.at}::timestamptz, cleared_reason = ${p.changeReason}::text
          where record_id in (select id from updated) and cleared_at is null
        )
        select * from updated`,
);

/** The reason a correction's voided signatures and cleared SDV marks record (R-REC-1). */
export const changeReasonOf = (reason: string | undefined) => `record changed: ${reason ?? ''}`;

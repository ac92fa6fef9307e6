import { type Executor, field, type RowOf, schema, selectRows, verifyAuditChain } from '@mini-edc/db';
import {
  missingForms,
  type PreLockCheck,
  type PreLockChecks,
  type PreLockItem,
  type StudyDefinition,
  type StudyState,
} from '@mini-edc/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { parsedBy, textList } from './row-fields';

const EXAMPLES = 20;

/**
 * The pre-lock checks (docs/architecture.md "Study lifecycle"): what is still open before the
 * database is locked. Each check counts its items and names up to 20 a person can act on. Locking
 * with any item open needs an explicit override reason, recorded with these counts in the audit
 * trail.
 */
export async function preLockChecks(
  db: Executor,
  study: StudyDefinition,
  state: StudyState,
): Promise<PreLockChecks> {
  const checks: PreLockCheck[] = [
    await openQueries(db),
    await unsignedVisits(db),
    await missingFormsCheck(db, study),
    await unverifiedRecords(db),
    await auditChain(db),
  ];
  return {
    state,
    checks,
    openItems: checks.reduce((n, c) => n + c.count, 0),
    checkedAt: new Date().toISOString(),
  };
}

const optionalText = field.nullable(field.text);

/** One item of a check, with the check's count (count over ()). */
const itemRow = {
  study_id: optionalText,
  visit_code: optionalText,
  form_code: optionalText,
  field: optionalText,
  note: optionalText,
  total: field.int,
};

const item = (r: Omit<RowOf<typeof itemRow>, 'total'>): PreLockItem => ({
  studyId: r.study_id,
  visitCode: r.visit_code,
  formCode: r.form_code,
  field: r.field,
  note: r.note,
});

/** `query` selects study_id, visit_code, form_code, field, note and total (count over ()). */
async function counted(code: PreLockCheck['code'], db: Executor, query: SQL): Promise<PreLockCheck> {
  const rows = await selectRows(db, itemRow, query);
  return { code, count: rows[0]?.total ?? 0, examples: rows.map(item) };
}

function openQueries(db: Executor) {
  return counted(
    'open_queries',
    db,
    sql`select p.study_id, fr.visit_code, fr.form_code, q.field, q.status as note, count(*) over ()::int as total
        from data_queries q
        join form_records fr on fr.id = q.record_id
        join participants p on p.id = q.participant_id
        where q.status in ('open', 'answered')
        order by p.study_id, fr.visit_code, fr.form_code limit ${EXAMPLES}`,
  );
}

/** Visits with a completed record that no investigator has signed yet. */
function unsignedVisits(db: Executor) {
  return counted(
    'unsigned_visits',
    db,
    sql`select p.study_id, v.visit_code, null as form_code, null as field, null as note,
               count(*) over ()::int as total
        from (select distinct participant_id, visit_code from form_records where status = 'complete') v
        join participants p on p.id = v.participant_id
        order by p.study_id, v.visit_code limit ${EXAMPLES}`,
  );
}

/** Completed records without a source data verification mark in force. */
function unverifiedRecords(db: Executor) {
  return counted(
    'unverified_records',
    db,
    sql`select p.study_id, fr.visit_code, fr.form_code, null as field, null as note,
               count(*) over ()::int as total
        from form_records fr
        join participants p on p.id = fr.participant_id
        where fr.status <> 'draft'
          and not exists (select 1 from sdv_marks m where m.record_id = fr.id and m.cleared_at is null)
        order by p.study_id, fr.visit_code, fr.form_code limit ${EXAMPLES}`,
  );
}

/** Each record of a participant as jsonb_build_object('visitCode', 'formCode', 'status'). */
const recordStates = parsedBy(
  z.array(z.object({ visitCode: z.string(), formCode: z.string(), status: z.string() })).nullable(),
);

async function missingFormsCheck(db: Executor, study: StudyDefinition): Promise<PreLockCheck> {
  const rows = await selectRows(
    db,
    { study_id: schema.participants.studyId, done_visits: textList, records: recordStates },
    sql`select p.study_id,
          (select array_agg(v.visit_code) from visits v where v.participant_id = p.id and v.status = 'done') as done_visits,
          (select jsonb_agg(jsonb_build_object('visitCode', fr.visit_code, 'formCode', fr.form_code, 'status', fr.status))
             from form_records fr where fr.participant_id = p.id) as records
        from participants p where p.randomized_at is not null order by p.study_id`,
  );
  const missing = rows.flatMap((r) =>
    missingForms(study, { studyId: r.study_id, doneVisits: r.done_visits ?? [], records: r.records ?? [] }),
  );
  return {
    code: 'missing_forms',
    count: missing.length,
    examples: missing.slice(0, EXAMPLES).map((m) =>
      item({
        study_id: m.studyId,
        visit_code: m.visitCode,
        form_code: m.formCode,
        field: null,
        note: m.problem,
      }),
    ),
  };
}

async function auditChain(db: Executor): Promise<PreLockCheck> {
  const result = await verifyAuditChain(db);
  const b = result.firstBreak;
  return {
    code: 'audit_chain',
    count: result.ok ? 0 : 1,
    examples: b
      ? [item({ study_id: null, visit_code: null, form_code: null, field: null, note: b.problem })]
      : [],
  };
}

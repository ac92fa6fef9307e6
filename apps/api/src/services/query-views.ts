import { type Executor, field, schema, selectRows } from '@mini-edc/db';
import { can, type DataQuery } from '@mini-edc/domain';
import { type SQL, sql } from 'drizzle-orm';

/** Queries with their record, participant, site, opener and message thread, as the API shows them. */

const { dataQueries: q, formRecords, participants, queryMessages: m, sites, users } = schema;

const queryRow = {
  id: q.id,
  record_id: q.recordId,
  participant_id: q.participantId,
  study_id: participants.studyId,
  site_id: q.siteId,
  site_code: sites.code,
  visit_code: formRecords.visitCode,
  form_code: formRecords.formCode,
  field: q.field,
  status: q.status,
  opened_by: q.openedBy,
  opener_name: field.nullable(users.displayName),
  opener_role: field.nullable(users.role),
  opened_at: q.openedAt,
  closed_at: q.closedAt,
  version: q.version,
};

const messageRow = {
  id: m.id,
  query_id: m.queryId,
  kind: m.kind,
  message: m.message,
  author_id: m.authorId,
  author_name: field.nullable(users.displayName),
  author_role: m.authorRole,
  created_at: m.createdAt,
};

export async function selectQueries(db: Executor, where: SQL): Promise<DataQuery[]> {
  const rows = await selectRows(
    db,
    queryRow,
    sql`select q.id, q.record_id, q.participant_id, p.study_id, q.site_id, s.code as site_code,
               fr.visit_code, fr.form_code, q.field, q.status, q.opened_by::text as opened_by,
               u.display_name as opener_name, u.role as opener_role, q.opened_at, q.closed_at, q.version
        from data_queries q
        join form_records fr on fr.id = q.record_id
        join participants p on p.id = q.participant_id
        join sites s on s.id = q.site_id
        left join users u on u.id = q.opened_by
        where ${where}
        order by q.opened_at desc, p.study_id, q.id`,
  );
  if (rows.length === 0) return [];
  const messages = await selectRows(
    db,
    messageRow,
    sql`select m.id, m.query_id, m.kind, m.message, m.author_id::text as author_id,
               u.display_name as author_name, m.author_role, m.created_at
        from query_messages m left join users u on u.id = m.author_id
        where m.query_id in (${sql.join(
          rows.map((r) => sql`${r.id}::uuid`),
          sql`, `,
        )})
        order by m.created_at, m.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    recordId: r.record_id,
    participantId: r.participant_id,
    participantStudyId: r.study_id,
    siteId: r.site_id,
    siteCode: r.site_code,
    visitCode: r.visit_code,
    formCode: r.form_code,
    field: r.field,
    status: r.status,
    openedBy: { id: r.opened_by, name: r.opener_name, role: r.opener_role },
    // An opener who raises self-checks (not queries at large) raised this one as a self-check.
    selfCheck: can({ role: r.opener_role ?? '' }, 'raise_self_check'),
    openedAt: r.opened_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    version: r.version,
    messages: messages
      .filter((m) => m.query_id === r.id)
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        message: m.message,
        authorId: m.author_id,
        authorName: m.author_name,
        authorRole: m.author_role,
        createdAt: m.created_at.toISOString(),
      })),
  }));
}

import { type Executor, field, type RowOf, schema, selectRows } from '@mini-edc/db';
import {
  type AuditEntry,
  type AuditFilter,
  type AuditPage,
  auditEntityOf,
  auditFieldPathsMatching,
  auditItemOf,
  auditVerbOf,
  can,
  DomainError,
  fieldError,
  isPlausibleInstant,
  type StudyDefinition,
} from '@mini-edc/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type AuditBlinding, auditBlindingFor, blindAuditRow, blindAuditScope } from './audit-blinding';
import { auditSubjectJoins } from './audit-subject';
import { auditChanges } from './row-fields';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';

/**
 * Audit review (21 CFR 11.10(e), EMA 2023 §6.2): the trail filtered by
 * participant, site, user, action, table or form, field and time, newest first, in keyset pages.
 * Every filter is an indexed column (see the audit_log indexes); OFFSET is never used, so page
 * 1 000 costs what page 1 costs.
 */

const { auditLog, formRecords, participants, securityEvents, sites } = schema;

/** One row of auditPageSql: ids and times as the text the cursor and the CSV carry. */
const auditRow = {
  id: field.text,
  occurred_at: field.text,
  actor_id: auditLog.actorId,
  actor_label: auditLog.actorLabel,
  actor_role: auditLog.actorRole,
  site_code: field.nullable(sites.code),
  action: auditLog.action,
  table_name: auditLog.tableName,
  record_id: auditLog.recordId,
  study_id: field.nullable(participants.studyId),
  changes: field.nullable(auditChanges),
  reason: auditLog.reason,
  request_id: auditLog.requestId,
  /** The form and visit of the form record the row is about (./audit-subject.ts). */
  form_code: field.nullable(formRecords.formCode),
  visit_code: field.nullable(field.text),
  occurrences: field.nullable(securityEvents.count),
  last_at: field.nullable(field.text),
};
export type AuditRow = RowOf<typeof auditRow>;

/** The rows of one page (auditPageSql), checked against their shape. */
export function auditPageRows(db: Executor, page: SQL): Promise<AuditRow[]> {
  return selectRows(db, auditRow, page);
}

const CURSOR_PREFIX = 'audit:';

/** Where the previous page ended: its last id, and its time when the page was ordered by time. */
export type PageEnd = number | { id: number; at: string };

function encodeCursor(id: number | string, at?: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}${at ? `@${at}` : ''}`).toString('base64url');
}

function decodeCursor(cursor: string): PageEnd {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const body = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  const [idText = '', at] = body.split('@');
  const id = idText ? Number(idText) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1 || (at !== undefined && !isPlausibleInstant(at))) {
    throw new DomainError('VALIDATION_FAILED', 'CURSOR_INVALID', {}, [
      fieldError('querystring.cursor', 'CURSOR_INVALID'),
    ]);
  }
  return at === undefined ? id : { id, at };
}

/**
 * A time range or a user is answered newest-first by time, so the (actor_id, occurred_at, id)
 * index serves "this user" and "this user, this week" without walking the whole log backwards by
 * id, and without a second index on (actor_id, id); otherwise by id (docs/benchmarks.md
 * "audit_log indexes").
 */
export function ordersByTime(filter: AuditFilter): boolean {
  return Boolean(filter.from || filter.to || filter.actorId);
}

/**
 * Which audit rows the caller may read, as SQL on `a` (design invariant 5). Site staff and
 * monitors read their sites' rows. Administrators are global (docs/security.md §6): they create
 * sites and give accounts their sites, so every row is theirs to review, including the rows of a
 * site they are not assigned to and the rows without a site (logins, accounts, lists).
 */
function auditScope(user: Pick<AuthUser, 'role' | 'siteIds'>): SQL {
  return can(user, 'review_study_audit') ? sql`true` : inUserSites(sql`a.site_id`, user);
}

/**
 * A filter as the SQL needs it: the words of `fieldText` become the audit paths of the definition's
 * fields they name (R-AUDIT-5), looked up with the same index as `field`.
 */
export type ResolvedAuditFilter = AuditFilter & { fieldPaths?: readonly string[] | undefined };

export function resolveAuditFilter(filter: AuditFilter, study: StudyDefinition): ResolvedAuditFilter {
  return filter.fieldText === undefined
    ? filter
    : { ...filter, fieldPaths: auditFieldPathsMatching(study, filter.fieldText) };
}

function filterConditions(filter: ResolvedAuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.participantId) where.push(sql`a.participant_id = ${filter.participantId}::uuid`);
  if (filter.siteId) where.push(sql`a.site_id = ${filter.siteId}::uuid`);
  if (filter.actorId) where.push(sql`a.actor_id = ${filter.actorId}`);
  if (filter.action) where.push(sql`a.action = ${filter.action}`);
  if (filter.table) where.push(sql`a.table_name = ${filter.table}`);
  if (filter.form) {
    where.push(sql`a.table_name = 'form_records' and a.record_id in (
      select fr.id::text from form_records fr where fr.form_code = ${filter.form})`);
  }
  // Answered by the GIN index over the changed field names (migrations/0025_audit_fields.sql).
  if (filter.field) where.push(sql`edc_audit_fields(a.changes) @> array[${filter.field}::text]`);
  if (filter.fieldPaths) {
    where.push(
      filter.fieldPaths.length === 0
        ? sql`false`
        : sql`edc_audit_fields(a.changes) && array[${sql.join(
            filter.fieldPaths.map((path) => sql`${path}::text`),
            sql`, `,
          )}]`,
    );
  }
  if (filter.from) where.push(sql`a.occurred_at >= ${filter.from}::timestamptz`);
  if (filter.to) where.push(sql`a.occurred_at < ${filter.to}::timestamptz`);
  return where;
}

/**
 * The exact SQL of one page: the newest `limit` rows older than `beforeId`, then joined to the
 * site code and study id (the joins run on the page only). Exported for the EXPLAIN test. A
 * blinded viewer's page holds only the rows they may read (./audit-blinding.ts), so what is
 * hidden is neither listed nor counted nor paged over.
 */
export function auditPageSql({
  user,
  filter,
  limit,
  before,
  blinding = null,
}: {
  user: Pick<AuthUser, 'role' | 'siteIds'>;
  filter: ResolvedAuditFilter;
  limit: number;
  /** Where the previous page ended: an audit id, or the time and id when ordered by time. */
  before?: PageEnd | undefined;
  blinding?: AuditBlinding | null;
}): SQL {
  const where = [auditScope(user), ...filterConditions(filter)];
  if (blinding) where.push(blindAuditScope(blinding));
  const byTime = ordersByTime(filter);
  if (typeof before === 'number') where.push(sql`a.id < ${before}`);
  else if (before) where.push(sql`(a.occurred_at, a.id) < (${before.at}::timestamptz, ${before.id})`);
  // NULLS LAST as the (actor, time, id) and time indexes are built (drizzle's desc()); plain DESC
  // means NULLS FIRST, which those indexes cannot hand out in order, so every page sorted all of a
  // user's rows. The columns are NOT NULL: the order is the same. By id, DESC matches a backward
  // walk of the primary key.
  const order = byTime ? sql`a.occurred_at desc nulls last, a.id desc nulls last` : sql`a.id desc`;
  return sql`select a.id::text as id,
      to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
      a.actor_id, a.actor_label, a.actor_role, s.code as site_code, a.action, a.table_name,
      a.record_id, p.study_id, a.changes, a.reason, a.request_id,
      fr.form_code, coalesce(fr.visit_code, v.visit_code) as visit_code,
      se.count as occurrences,
      to_char(se.last_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last_at
    from (
      select * from audit_log a
      where ${sql.join(where, sql` and `)}
      order by ${order}
      limit ${limit}
    ) a
    left join sites s on s.id = a.site_id
    left join participants p on p.id = a.participant_id
    left join security_events se on se.audit_id = a.id and a.table_name = 'security_events'
    ${auditSubjectJoins}
    order by ${order}`;
}

/** {field: [old, new]} as a list; events (logins, exports) carry plain details, shown as new. */
export function changeList(changes: Record<string, unknown> | null) {
  return Object.entries(changes ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([field, value]) =>
      Array.isArray(value) && value.length === 2
        ? { field, old: value[0] ?? null, new: value[1] ?? null }
        : { field, old: null, new: value ?? null },
    )
    .map((change) => ({ ...change, item: auditItemOf(change.field) }));
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    occurredAt: row.occurred_at,
    actor: { id: row.actor_id, label: row.actor_label, role: row.actor_role },
    siteCode: row.site_code,
    action: row.action,
    table: row.table_name,
    recordId: row.record_id,
    participantStudyId: row.study_id,
    entity: auditEntityOf(row.table_name),
    verb: auditVerbOf(row.action, row.table_name, row.changes ?? {}),
    formCode: row.form_code,
    visitCode: row.visit_code,
    changes: changeList(row.changes),
    reason: row.reason,
    requestId: row.request_id,
    ...(row.occurrences !== null && row.last_at !== null
      ? { occurrences: { count: row.occurrences, lastAt: row.last_at } }
      : {}),
  };
}

export async function listAuditPage(
  db: Executor,
  {
    user,
    query,
    study,
  }: {
    user: AuthUser;
    query: AuditFilter & { cursor?: string | undefined; limit: number };
    study: StudyDefinition;
  },
): Promise<AuditPage> {
  const { cursor, limit, ...asked } = query;
  const filter = resolveAuditFilter(asked, study);
  const before = cursor === undefined ? undefined : decodeCursor(cursor);
  const blinding = auditBlindingFor(user, study);
  const rows = await auditPageRows(db, auditPageSql({ user, filter, limit: limit + 1, before, blinding }));
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toAuditEntry(blindAuditRow(blinding, row))),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(last.id, ordersByTime(filter) ? last.occurred_at : undefined)
        : null,
  };
}

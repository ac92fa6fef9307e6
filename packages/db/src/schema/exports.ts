import type { ExportAuditHead, ExportManifest } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * One row per export (R-EXPORT-1; ICH E6(R3) §4.2: exports are audited). Inserted with the EXPORT
 * audit event when the stream starts; the file's SHA-256, size and row count are only known when
 * the last byte has been written, so an UPDATE completes the row then. Both are audited by the
 * row trigger (migrations/0007_exports_audit.sql), and rows are never deleted.
 */
export const exports = pgTable(
  'exports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    format: text('format').notNull(),
    status: text('status').notNull().default('started'),
    blinded: boolean('blinded').notNull(),
    filters: jsonb('filters').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    rowCount: integer('row_count'),
    byteCount: bigint('byte_count', { mode: 'number' }),
    sha256: text('sha256'),
    auditHead: jsonb('audit_head').$type<ExportAuditHead>().notNull(),
    // The manifest as served by GET /exports/:id/manifest; partial (status started) until the end.
    manifest: jsonb('manifest').$type<ExportManifest>().notNull(),
  },
  (t) => [
    index('exports_user_idx').on(t.userId, t.startedAt.desc()),
    check(
      'exports_format_check',
      sql`${t.format} in ('wide_csv', 'long_csv', 'dictionary_csv', 'dictionary_md', 'odm_xml')`,
    ),
    check('exports_status_check', sql`${t.status} in ('started', 'completed', 'failed')`),
  ],
);

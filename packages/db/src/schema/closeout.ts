import type { AllocationReport, ExportAuditHead } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { randomizationLists } from './randomization';
import { users } from './users';

/**
 * The study's close-out state (packages/domain/src/closeout/study-lifecycle.ts), one row. While
 * it says locked, a statement trigger on every trial table refuses writes (SQLSTATE EL001); while
 * entry is closed, new participants and allocations are refused (EL002); see
 * migrations/0010_study_lifecycle_guard.sql. Changes are audited by the row trigger, with reason.
 */
export const studyStatus = pgTable(
  'study_status',
  {
    id: smallint('id').primaryKey().default(1),
    state: text('state').notNull().default('open'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid('changed_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    // The audit chain heads at the moment of lock, for the final export bundle's manifest.
    lockAuditHead: jsonb('lock_audit_head').$type<ExportAuditHead>(),
    // Set by an admin after lock: from then on blinded roles see the allocation.
    allocationReleasedAt: timestamp('allocation_released_at', { withTimezone: true }),
    allocationReleasedBy: uuid('allocation_released_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('study_status_single_row', sql`${t.id} = 1`),
    check('study_status_state_check', sql`${t.state} in ('open', 'entry_closed', 'locked')`),
  ],
);

/**
 * Allocation verification reports (docs/closeout.md): the report model, the HTML page and the PDF
 * exactly as handed out, with their SHA-256. The seed or list file the admin supplied is never
 * stored. The audit trigger records the row with the report, page and PDF redacted (they name
 * arms) and the hashes in clear; the ALLOCATION_VERIFIED event names the list and the verdict.
 */
export const allocationVerifications = pgTable(
  'allocation_verifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    listId: uuid('list_id')
      .notNull()
      .references(() => randomizationLists.id),
    verifiedBy: uuid('verified_by')
      .notNull()
      .references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
    match: boolean('match').notNull(),
    report: jsonb('report').$type<AllocationReport>().notNull(),
    html: text('html').notNull(),
    htmlSha256: text('html_sha256').notNull(),
    pdfBase64: text('pdf_base64').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
  },
  (t) => [index('allocation_verifications_list_idx').on(t.listId, t.verifiedAt.desc())],
);

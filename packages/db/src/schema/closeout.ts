import type { ExportAuditHead } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

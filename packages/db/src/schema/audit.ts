import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail (design invariants 1 and 2). Rows are written only by the triggers and
 * functions in migrations/0001_audit_core.sql; UPDATE, DELETE and TRUNCATE are refused there.
 * Each row is linked to the previous row of its chain (one chain per participant, one global)
 * by a SHA-256 hash, so an altered or removed row is detectable.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 6 }).notNull(),
    actorId: text('actor_id').notNull(),
    actorLabel: text('actor_label'),
    actorRole: text('actor_role').notNull(),
    actorSiteId: uuid('actor_site_id'),
    action: text('action').notNull(),
    tableName: text('table_name').notNull(),
    recordId: text('record_id'),
    participantId: uuid('participant_id'),
    siteId: uuid('site_id'),
    // Field-level changes: {"field": [old, new]}.
    changes: jsonb('changes').notNull(),
    reason: text('reason'),
    requestId: text('request_id'),
    chainKey: text('chain_key').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // Only the indexes a review query reads (each one's plan is in docs/benchmarks.md and
  // apps/api/test/monitor-audit-explain.test.ts); every index is work on every append.
  (t) => [
    // Chain verification and the one-link-per-position guarantee.
    unique('audit_log_chain_seq').on(t.chainKey, t.chainSeq),
    index('audit_log_participant_idx').on(t.participantId, t.id.desc()),
    // A time range without a user, newest first.
    index('audit_log_occurred_idx').on(t.occurredAt.desc()),
    // A record's history (table and record id, in order) and the review's form filter.
    index('audit_log_record_idx').on(t.tableName, t.recordId, t.id),
    // Rare actions (LOGIN_FAILED, EXPORT, DELETE), newest first.
    index('audit_log_action_idx').on(t.action, t.id.desc()),
    // "This user", with or without a time range: pages ordered by time walk only that user's rows.
    index('audit_log_actor_time_idx').on(t.actorId, t.occurredAt.desc(), t.id.desc()),
    // The changed field names only (migrations/0025_audit_fields.sql), not their values.
    index('audit_log_changes_keys_idx').using('gin', sql`edc_audit_fields(${t.changes})`),
  ],
);

/** The newest link of each chain; appending locks the chain's row so links never fork. */
export const auditChainHead = pgTable('audit_chain_head', {
  chainKey: text('chain_key').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  // The hash this head replaced: one UPDATE … RETURNING advances the head and hands the append
  // both links (migrations/0027_audit_append_one_statement.sql). Null before the first advance.
  prevHash: text('prev_hash'),
});

import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { auditLog } from './audit';

/**
 * Refused requests (401 after a session existed, 403, 404 for an id of another site, CSRF),
 * coalesced per actor, kind, route and minute (docs/security.md §4). The first refusal of a window
 * appends one hash-chained ACCESS_REFUSED row to audit_log (`audit_id`); later ones in the same
 * window only raise `count` and `last_at` here, so a scan of thousands of ids writes one chained
 * row a minute. Rows are never deleted, and an update may only raise the count
 * (migrations/0016_security_events_guard.sql).
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    // The user id, or 'anonymous:<client address>' for a refusal without a session.
    actorKey: text('actor_key').notNull(),
    kind: text('kind').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    status: integer('status').notNull(),
    siteId: uuid('site_id'),
    count: integer('count').notNull().default(1),
    firstAt: timestamp('first_at', { withTimezone: true, precision: 6 }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true, precision: 6 }).notNull(),
    auditId: bigint('audit_id', { mode: 'number' }).references(() => auditLog.id),
  },
  (t) => [
    unique('security_events_window').on(t.windowStart, t.actorKey, t.kind, t.method, t.route),
    index('security_events_audit_idx').on(t.auditId),
    check(
      'security_events_kind_check',
      sql`${t.kind} in ('SESSION_EXPIRED', 'FORBIDDEN', 'NOT_FOUND_AT_OTHER_SITE', 'CSRF_FAILED')`,
    ),
    check('security_events_count_check', sql`${t.count} >= 1`),
  ],
);

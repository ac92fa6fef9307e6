import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { participants } from './participants';
import { sites } from './sites';
import { users } from './users';

/**
 * Emergency unblindings of one participant before lock (R-BLIND-4, docs/closeout.md
 * "Unblinding"): an investigator of the participant's site, with a reason and the password again.
 * The row names no arm, so the audit trail and the dashboard that read it stay safe for blinded
 * readers; the assessor stays blinded. Append-only, audited on the participant's chain, and under
 * the study write guard (refused once the database is locked; see migrations/0018).
 */
export const emergencyUnblindings = pgTable(
  'emergency_unblindings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    unblindedBy: uuid('unblinded_by')
      .notNull()
      .references(() => users.id),
    unblindedAt: timestamp('unblinded_at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason').notNull(),
  },
  (t) => [
    index('emergency_unblindings_site_idx').on(t.siteId, t.unblindedAt.desc()),
    index('emergency_unblindings_participant_idx').on(t.participantId),
    check('emergency_unblindings_reason_check', sql`length(trim(${t.reason})) >= 3`),
  ],
);

import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AuthUser } from './sessions';

/**
 * The caller's site scope as a SQL condition on a site_id column (design invariant 5, conventions
 * §10): every participant query carries it in its WHERE clause, so rows of other sites are never
 * read at all. A user with no site sees nothing.
 */
export function inUserSites(column: PgColumn | SQL, user: Pick<AuthUser, 'siteIds'>): SQL {
  if (user.siteIds.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    user.siteIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/**
 * Assessors are blind to the arm (design invariant 5) until an admin releases the allocation after
 * lock (R-BLIND-4, docs/closeout.md "Unblinding"); the release is read with the session.
 */
export function seesArm(user: Pick<AuthUser, 'role' | 'allocationReleased'>): boolean {
  return user.role !== 'assessor' || user.allocationReleased;
}

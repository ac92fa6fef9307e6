import { blindViewFor, type StudyDefinition } from '@mini-edc/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AuthUser } from './sessions';

/**
 * The caller's site scope as a SQL condition on a site_id column (design invariant 5 in
 * docs/architecture.md, R-ACCESS-1): every participant query carries it in its WHERE clause, so rows of other sites are never
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
 * The forms whose records the viewer may see, as SQL on a form_code column: every form, or for a
 * blinded viewer all but the hidden ones (R-BLIND-2). Like the site scope it goes into the WHERE
 * clause, so a hidden record is never read and answers like one that does not exist.
 */
export function visibleForms(
  study: StudyDefinition,
  user: Pick<AuthUser, 'role' | 'allocationReleased'>,
  column: SQL,
): SQL {
  const view = blindViewFor(user, study);
  if (view === null || view.hiddenForms.size === 0) return sql`true`;
  return sql`${column} not in (${sql.join(
    [...view.hiddenForms].map((f) => sql`${f}`),
    sql`, `,
  )})`;
}

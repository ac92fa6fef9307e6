import { type Db, field, selectRows } from '@mini-edc/db';
import type { Role } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import type { MatrixEntry } from './entries';

/**
 * Row count of every table in the schema but `except`, and the newest audit row: the database's
 * fingerprint, compared before and after a walk of the write routes that must change nothing.
 */
export async function fingerprint(db: Db, except: readonly string[] = []): Promise<Record<string, number>> {
  const tables = await selectRows(
    db,
    { name: field.text },
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const [row] = await selectRows(db, { n: field.int }, sql.raw(`select count(*)::int as n from "${name}"`));
    counts[name] = row?.n ?? -1;
  }
  const [last] = await selectRows(
    db,
    { id: field.int },
    sql`select coalesce(max(id), 0)::int as id from audit_log`,
  );
  counts['audit_log.max_id'] = last?.id ?? -1;
  return counts;
}

/** Admin for admin routes, a coordinator for participant routes, else the first role allowed. */
export function callerFor(entry: MatrixEntry | undefined): Role | 'public' {
  if (!entry || entry.allowed === 'public') return 'public';
  for (const role of ['admin', 'coordinator'] as const) if (entry.allowed.includes(role)) return role;
  return entry.allowed[0] ?? 'admin';
}

import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePgliteDrizzle } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/**
 * The repository's migrations folder. Three levels up holds both for this source file
 * (packages/db/src) and for the bundled server (apps/api/dist), which inlines it.
 */
export const defaultMigrationsDir = fileURLToPath(new URL('../../../migrations', import.meta.url));

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 74_652_001;

/**
 * Applies pending migrations on a PostgreSQL server. Holds an advisory lock for the duration so
 * several API processes starting at once do not race each other.
 */
export async function migratePostgres(databaseUrl: string, migrationsFolder = defaultMigrationsDir) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query("set client_min_messages = 'warning'");
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** Applies pending migrations on an embedded PGlite instance (single process, no lock needed). */
export async function migratePglite(client: PGlite, migrationsFolder = defaultMigrationsDir) {
  await client.exec("set client_min_messages = 'warning'");
  await migratePgliteDrizzle(drizzlePglite(client), { migrationsFolder });
}

import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { BackupEndpoint } from './backup/session';
import { migratePglite, migratePostgres } from './migrate';
import { RoundTripClient } from './round-trips';
import * as schema from './schema/index';

/** The drizzle database both drivers produce; code above this package sees only this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  /** 'pg' for a PostgreSQL server, 'pglite' for the embedded engine. */
  kind: 'pg' | 'pglite';
  /** The connection backup and restore use (their own connection on PostgreSQL, docs/backup.md). */
  endpoint: BackupEndpoint;
  /** Round trip to the database; rejects when it cannot be reached. */
  ping(): Promise<void>;
  /** Applies pending migrations from the migrations folder. */
  migrate(migrationsFolder?: string): Promise<void>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL URL; when absent the embedded PGlite engine is used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; `memory://` (or undefined) keeps everything in memory. */
  dataDir?: string | undefined;
  /** Pool size for node-postgres. */
  poolMax?: number;
  /** An existing PGlite instance (tests clone a migrated one). */
  pglite?: PGlite;
}

export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  const databaseUrl = options.databaseUrl;
  if (databaseUrl) {
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: options.poolMax ?? 20,
      // Fail fast while the server is down so the API can answer 503 instead of hanging.
      connectionTimeoutMillis: 3000,
      // BEGIN and COMMIT without round trips of their own (round-trips.ts).
      Client: RoundTripClient,
    });
    // An idle client whose server connection died emits 'error'; without a listener that would
    // crash the process. The pool discards the client and opens a new one on the next query.
    pool.on('error', () => {});
    // A checked-out client whose backend is terminated emits 'error' too; the query it runs
    // rejects (and the API answers 503), so the event itself must not crash the process.
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pg',
      endpoint: { kind: 'pg', url: databaseUrl },
      ping: async () => {
        await pool.query('select 1');
      },
      migrate: (folder) => migratePostgres(databaseUrl, folder),
      close: () => pool.end(),
    };
  }
  let client = options.pglite;
  if (!client) {
    const dataDir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir);
  }
  await client.waitReady;
  const pglite = client;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    endpoint: { kind: 'pglite', pglite },
    ping: async () => {
      await pglite.query('select 1');
    },
    migrate: (folder) => migratePglite(pglite, folder),
    close: () => pglite.close(),
  };
}

/**
 * Fresh, migrated databases for integration tests (one per test file), on either engine:
 * EDC_TEST_DB=pg clones a migrated template database on the PostgreSQL server (made once per run
 * by test/pg-global-setup.ts); anything else starts an in-memory PGlite loaded from a migrated
 * snapshot (made once per run by test/pglite-global-setup.ts). No database is shared between files,
 * so tests never depend on order or leftovers.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createDb, type DbHandle } from './client';
import { migratePglite, migratePostgres } from './migrate';

export const testPgAdminUrl = process.env.EDC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function testDbKind(): 'pg' | 'pglite' {
  return process.env.EDC_TEST_DB === 'pg' ? 'pg' : 'pglite';
}

/** URL of another database on the same server as the admin URL. */
export function databaseUrlFor(name: string): string {
  const url = new URL(testPgAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function assertTestName(name: string) {
  // Refuse to create or drop anything that is not plainly a throwaway test database.
  if (!/^[a-z0-9_]+_test$/.test(name)) throw new Error(`refusing to touch database ${name}`);
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPgAdminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createPgDatabase(name: string, template?: string): Promise<string> {
  assertTestName(name);
  if (template) assertTestName(template);
  await withAdmin((c) => c.query(`create database "${name}"${template ? ` template "${template}"` : ''}`));
  return databaseUrlFor(name);
}

export async function dropPgDatabase(name: string): Promise<void> {
  assertTestName(name);
  await withAdmin((c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** Creates and migrates the template every test file of this run clones. */
export async function createPgTemplate(): Promise<string> {
  const name = `edc_tpl_${process.pid}_${randomBytes(3).toString('hex')}_test`;
  const url = await createPgDatabase(name);
  await migratePostgres(url);
  return name;
}

/**
 * Writes a migrated PGlite data directory (an uncompressed tarball) to `path`. The vitest run does
 * this once (test/pglite-global-setup.ts) and every test file loads it: starting an empty PGlite
 * (initdb) and migrating it cost about 5 s per file, loading the tarball about 1 s.
 */
export async function writePgliteSnapshot(path: string): Promise<void> {
  const dump = await migratedPgliteDump();
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
}

async function migratedPgliteDump(): Promise<Blob> {
  const seed = new PGlite();
  try {
    await migratePglite(seed);
    return await seed.dumpDataDir('none');
  } finally {
    await seed.close();
  }
}

let pgliteSnapshot: Blob | undefined;

async function freshPglite(): Promise<PGlite> {
  if (!pgliteSnapshot) {
    const path = process.env.EDC_TEST_PGLITE_SNAPSHOT;
    // Outside the vitest run (a script, the mutation runner's own config) there is no file: migrate here.
    pgliteSnapshot = path ? new Blob([await readFile(path)]) : await migratedPgliteDump();
  }
  return new PGlite({ loadDataDir: pgliteSnapshot });
}

export interface TestDb extends DbHandle {
  /** For pg: the database URL (other processes, e.g. a second API, can connect to it). */
  url?: string;
}

export async function createTestDb(): Promise<TestDb> {
  if (testDbKind() === 'pg') {
    const template = process.env.EDC_TEST_PG_TEMPLATE;
    if (!template) throw new Error('EDC_TEST_PG_TEMPLATE is not set: run through vitest (pg project)');
    const name = `edc_${process.pid}_${randomBytes(4).toString('hex')}_test`;
    const url = await createPgDatabase(name, template);
    const handle = await createDb({ databaseUrl: url, poolMax: 10 });
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close();
        await dropPgDatabase(name);
      },
    };
  }
  return createDb({ pglite: await freshPglite() });
}

/**
 * The two engine-specific pieces of backup and restore (docs/backup.md): one read-only
 * transaction with a single snapshot that can COPY tables out, and one write transaction that can
 * COPY them in. Everything above this file is the same SQL on PostgreSQL and on PGlite.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { parseRow, type RowOf, type RowShape } from '../rows';

/** Where a backup is read from or restored into: a PostgreSQL URL or an open PGlite instance. */
export type BackupEndpoint = { kind: 'pg'; url: string } | { kind: 'pglite'; pglite: PGlite };

export interface BackupSession {
  /** Runs a query and checks each row against its shape (catalog reads, counts, chain heads). */
  rows<S extends RowShape>(shape: S, text: string, params?: unknown[]): Promise<RowOf<S>[]>;
  /** Runs a statement whose rows, if any, are not read (DDL, DELETE, setval). */
  run(text: string, params?: unknown[]): Promise<void>;
  /** `copy <source> to stdout` in PostgreSQL's text format; source is a table or `(select ...)`. */
  copyOut(source: string): Promise<Buffer>;
  /** `copy <target> from stdin` of data in PostgreSQL's text format; target is `table (columns)`. */
  copyIn(target: string, data: Buffer): Promise<void>;
}

const READ_SNAPSHOT = 'begin isolation level repeatable read, read only';

/**
 * Output settings for COPY, as pg_dump sets them: times in UTC and floats with every digit, so
 * the same data gives the same bytes on either engine whatever the server's defaults.
 */
const STABLE_OUTPUT = [
  "set local timezone to 'UTC'",
  "set local datestyle to 'ISO, YMD'",
  "set local intervalstyle to 'postgres'",
  'set local extra_float_digits to 3',
];

async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function pgSession(client: pg.Client): BackupSession {
  return {
    rows: async (shape, text, params) => {
      const result = await client.query(text, params);
      return result.rows.map((raw: unknown) => parseRow(shape, raw));
    },
    run: async (text, params) => {
      await client.query(text, params);
    },
    copyOut: async (source) => {
      const chunks: Buffer[] = [];
      const stream = client.query(copyTo(`copy ${source} to stdout`));
      for await (const chunk of stream) chunks.push(Buffer.from(chunk));
      return Buffer.concat(chunks);
    },
    copyIn: async (target, data) => {
      await pipeline(Readable.from([data]), client.query(copyFrom(`copy ${target} from stdin`)));
    },
  };
}

function pgliteSession(tx: Transaction): BackupSession {
  return {
    rows: async (shape, text, params) =>
      (await tx.query(text, params)).rows.map((raw) => parseRow(shape, raw)),
    run: async (text, params) => {
      await tx.query(text, params);
    },
    copyOut: async (source) => {
      const result = await tx.query(`copy ${source} to '/dev/blob'`);
      return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
    },
    copyIn: async (target, data) => {
      await tx.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([new Uint8Array(data)]) });
    },
  };
}

/**
 * Runs fn in one REPEATABLE READ, READ ONLY transaction: every query and COPY sees the same
 * snapshot, while other connections keep writing (PostgreSQL's MVCC; pg_dump does the same). On
 * PGlite, which has one connection, the server's other queries wait until fn returns.
 */
export async function withReadSnapshot<T>(
  endpoint: BackupEndpoint,
  fn: (session: BackupSession) => Promise<T>,
): Promise<T> {
  if (endpoint.kind === 'pg') {
    return withPgClient(endpoint.url, async (client) => {
      await client.query(READ_SNAPSHOT);
      try {
        for (const setting of STABLE_OUTPUT) await client.query(setting);
        const result = await fn(pgSession(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      }
    });
  }
  return endpoint.pglite.transaction(async (tx) => {
    await tx.exec('set transaction isolation level repeatable read, read only');
    for (const setting of STABLE_OUTPUT) await tx.exec(setting);
    return fn(pgliteSession(tx));
  });
}

/** Runs fn in one write transaction: a restore either loads everything or nothing. */
export async function withLoadTransaction<T>(
  endpoint: BackupEndpoint,
  fn: (session: BackupSession) => Promise<T>,
): Promise<T> {
  if (endpoint.kind === 'pg') {
    return withPgClient(endpoint.url, async (client) => {
      await client.query('begin');
      try {
        for (const setting of STABLE_OUTPUT) await client.query(setting);
        const result = await fn(pgSession(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      }
    });
  }
  return endpoint.pglite.transaction(async (tx) => {
    for (const setting of STABLE_OUTPUT) await tx.exec(setting);
    return fn(pgliteSession(tx));
  });
}

import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/**
 * A transaction in fewer round trips on a PostgreSQL server (docs/benchmarks.md "The audited
 * write path"). node-postgres' pipeline mode sends a query without waiting for the answer to the
 * one before; this client uses it for the two statements that carry no decision of their own:
 * - BEGIN waits for the transaction's first statement and leaves in the same socket write, so a
 *   transaction no longer pays a round trip to open (an empty transaction sends nothing at all);
 * - COMMIT travels with the statement a caller marks as the transaction's last (lastStatement).
 *   Should that statement fail, the server answers the COMMIT of the aborted transaction with a
 *   ROLLBACK, so nothing is committed; nothing may follow it (a later statement is refused).
 * Each statement keeps its own Sync, so the server answers them in order and pg matches each
 * answer to its query. On a socket write a round trip costs more than the statement (the profile
 * in docs/benchmarks.md), which is why the two are worth saving on every save.
 */
declare module 'pg' {
  interface ClientConfig {
    /** node-postgres 8.2x: queries are written without waiting for earlier answers. */
    pipeline?: boolean | undefined;
  }
  interface ClientBase {
    /** The wire connection (node-postgres keeps it public; its socket is corked here). */
    readonly connection: pg.Connection;
    /** ReadyForQuery's last status: idle, in a transaction, or in a failed one. */
    getTransactionStatus(): 'I' | 'T' | 'E' | null;
  }
}

const finalStatement = new AsyncLocalStorage<true>();

/**
 * Runs fn, whose one statement is the last of its transaction: the COMMIT is sent with it. The
 * caller's transaction then ends without another round trip. On PGlite (no socket) it just runs fn.
 */
export function lastStatement<T>(fn: () => PromiseLike<T>): Promise<T> {
  // Awaited inside the run: drizzle's queries start when awaited, and must start in its context.
  return finalStatement.run(true, async () => await fn());
}

const transactionEnd = /^\s*(commit|rollback|end)\s*;?\s*$/i;
const transactionStart = /^\s*(begin|start transaction)\b[^;]*;?\s*$/i;

function textOf(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  if (typeof config === 'object' && config !== null && 'text' in config && typeof config.text === 'string') {
    return config.text;
  }
  return undefined;
}

function answered(command: string): pg.QueryResult {
  return { command, rowCount: null, oid: 0, rows: [], fields: [] };
}

export class RoundTripClient extends pg.Client {
  /** The BEGIN not sent yet: it goes out with the transaction's first statement. */
  private pendingBegin: string | undefined;
  /** The COMMIT went out with the last statement; only the caller's COMMIT or ROLLBACK may follow. */
  private ended = false;

  constructor(config: pg.ClientConfig = {}) {
    super({ ...config, pipeline: true });
  }

  // The override forwards node-postgres' own overloads unchanged, so its signature is theirs.
  // biome-ignore lint/suspicious/noExplicitAny: the overloads of pg.Client#query, forwarded as they are
  override query(config: any, values?: any, callback?: any): any {
    const text = textOf(config);
    // Callback-style queries and submittables (cursors, streams) are not the driver's (drizzle
    // awaits promises): passed on untouched, but never inside a transaction this client is
    // shaping, where they would run before its pending BEGIN or after its COMMIT.
    const submittable = typeof config === 'object' && config !== null && 'submit' in config;
    if (text === undefined || submittable || typeof values === 'function' || callback !== undefined) {
      if (this.pendingBegin !== undefined || this.ended) {
        throw new Error('a callback or stream query inside a pipelined transaction');
      }
      return super.query(config, values, callback);
    }
    if (transactionStart.test(text)) {
      this.pendingBegin = text;
      this.ended = false;
      return Promise.resolve(answered('BEGIN'));
    }
    if (transactionEnd.test(text) && (this.pendingBegin !== undefined || this.ended)) {
      // Nothing was sent since BEGIN, or the COMMIT already went out with the last statement.
      this.pendingBegin = undefined;
      this.ended = false;
      return Promise.resolve(answered(text.trim().toUpperCase()));
    }
    if (this.ended) {
      return Promise.reject(new Error('a statement after the last statement of a transaction'));
    }
    const begin = this.pendingBegin;
    const commit = finalStatement.getStore() === true && (begin !== undefined || this.inTransaction());
    this.pendingBegin = undefined;
    const stream = this.connection.stream;
    stream.cork();
    try {
      const opened = begin === undefined ? undefined : super.query(begin);
      const result: Promise<pg.QueryResult> = super.query(config, values);
      const closed: Promise<pg.QueryResult> | undefined = commit ? super.query('commit') : undefined;
      if (commit) this.ended = true;
      return settle(opened, result, closed);
    } finally {
      stream.uncork();
    }
  }

  private inTransaction(): boolean {
    const status = this.getTransactionStatus();
    return status === 'T' || status === 'E';
  }
}

/** The statement's answer once BEGIN and COMMIT around it have answered too; any error rejects. */
async function settle(
  opened: Promise<pg.QueryResult> | undefined,
  result: Promise<pg.QueryResult>,
  closed: Promise<pg.QueryResult> | undefined,
): Promise<pg.QueryResult> {
  const [begin, statement, commit] = await Promise.allSettled([opened, result, closed]);
  if (begin.status === 'rejected') throw begin.reason;
  if (statement.status === 'rejected') throw statement.reason;
  if (commit.status === 'rejected') throw commit.reason;
  return statement.value;
}

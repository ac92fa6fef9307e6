/**
 * Loads PostgreSQL from node-postgres clients, no HTTP: the baselines of the save and GET figures
 * (docs/benchmarks.md, "How it runs"). Two shapes: for a duration (the raw INSERT and the GET's
 * reads, whose work does not depend on how far they get), and a fixed list of items (the database
 * ceiling, which must do exactly the saves the API did).
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { LoadResult } from './protocol';
import { percentile } from './stats';

/** `count` connected clients; with `pipeline`, each sends a query without waiting for the answer to the one before. */
export async function connectClients(
  databaseUrl: string,
  count: number,
  options: { pipeline?: boolean } = {},
): Promise<pg.Client[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const c = new pg.Client({ connectionString: databaseUrl, ...options });
      await c.connect();
      return c;
    }),
  );
}

/** Latencies, errors and timing of one run, gathered while its clients work. */
class Tally {
  readonly latencies: number[] = [];
  errors = 0;
  private firstError: unknown = null;
  readonly started = performance.now();

  async time(client: pg.Client, call: () => Promise<unknown>) {
    const t0 = performance.now();
    try {
      await call();
      this.latencies.push(performance.now() - t0);
    } catch (error) {
      this.errors++;
      this.firstError ??= error;
      // A failed multi-statement message leaves its transaction open: end it.
      await client.query('rollback').catch(() => {});
    }
  }

  result(extra: Partial<LoadResult> = {}): LoadResult {
    const elapsed = (performance.now() - this.started) / 1000;
    if (this.firstError) {
      process.stderr.write(`pg load: ${this.errors} errors, first: ${String(this.firstError)}\n`);
    }
    const done = this.latencies.length;
    return {
      perSec: done / elapsed,
      total: done,
      p50: percentile(this.latencies, 50),
      p99: percentile(this.latencies, 99),
      durationSec: elapsed,
      statuses: { ok: done, error: this.errors },
      errors: this.errors,
      ...extra,
    };
  }
}

/** Told where a run's timed part starts and ends (bench/src/cpu-meter.ts), connecting left out. */
export interface TimedWindow {
  start(): void;
  stop(): void;
}

/**
 * `clients` connections, each sending `statement(client, k)` for the next k in a loop until the
 * deadline (one round trip per call, or the few a GET's reads make).
 */
export async function pgLoad(
  databaseUrl: string,
  clientCount: number,
  durationSec: number,
  statement: (client: pg.Client, k: number) => Promise<unknown>,
  window?: TimedWindow,
): Promise<LoadResult> {
  const clients = await connectClients(databaseUrl, clientCount);
  window?.start();
  const tally = new Tally();
  const deadline = tally.started + durationSec * 1000;
  let k = 0;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < deadline) {
        const n = k++;
        await tally.time(c, () => statement(c, n));
      }
    }),
  );
  const result = tally.result();
  window?.stop();
  await Promise.all(clients.map((c) => c.end()));
  return result;
}

/**
 * Every item once, in order, over the given (already connected) clients: each client takes the next
 * item as soon as its previous one has answered, as an HTTP connection of autocannon does. The run
 * ends with its last answer, so it includes the drain at the end, when fewer items are left than
 * clients; `drain` says how long it lasted and how many answers came in it.
 */
export async function pgQueue<T>(
  clients: readonly pg.Client[],
  items: readonly T[],
  statement: (client: pg.Client, item: T) => Promise<unknown>,
): Promise<LoadResult> {
  const tally = new Tally();
  let next = 0;
  // When the first client found no item left, and how many answers had come by then.
  const drainFrom = { at: Number.NaN, answers: 0 };
  await Promise.all(
    clients.map(async (c) => {
      for (let i = next++; i < items.length; i = next++) {
        const item = items[i];
        if (item !== undefined) await tally.time(c, () => statement(c, item));
      }
      if (Number.isNaN(drainFrom.at)) {
        drainFrom.at = performance.now();
        drainFrom.answers = tally.latencies.length;
      }
    }),
  );
  const drain = Number.isNaN(drainFrom.at)
    ? { sec: 0, answers: 0 }
    : { sec: (performance.now() - drainFrom.at) / 1000, answers: tally.latencies.length - drainFrom.answers };
  return tally.result({ drain });
}

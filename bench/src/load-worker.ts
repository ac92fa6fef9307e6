/**
 * The load generator, run as a child process of the bench so that it does not share an event loop
 * with anything it measures. It receives one LoadJob over IPC, runs autocannon (or, for the raw
 * baselines, 50 node-postgres clients) and answers with LoadResult[].
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { ceilingSql } from './ceiling';
import { saveStep } from './forms';
import { getReads } from './get-reads';
import type {
  CeilingJob,
  GetJob,
  GetReadsJob,
  LoadJob,
  LoadResult,
  RandomizeJob,
  RawInsertJob,
  SaveJob,
  WorkerMessage,
} from './protocol';

function fromAutocannon(result: autocannon.Result): LoadResult {
  const statuses: Record<string, number> = {};
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> })
    .statusCodeStats;
  for (const [code, { count }] of Object.entries(stats ?? {})) statuses[code] = Number(count);
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    perSec: total / result.duration,
    total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    durationSec: result.duration,
    statuses,
    errors: result.errors,
  };
}

function save(job: SaveJob): Promise<autocannon.Result> {
  let k = job.startAt;
  return autocannon({
    url: job.base,
    connections: job.connections,
    duration: job.durationSec,
    timeout: 30,
    headers: {
      cookie: job.session.cookie,
      'x-csrf-token': job.session.csrf,
      'content-type': 'application/json',
    },
    requests: [
      {
        setupRequest: (req) => {
          const step = saveStep(job.participantIds, k++);
          return {
            ...req,
            method: 'PUT',
            path: `/api/v1/participants/${step.participantId}/visits/BL/forms/${step.form}`,
            body: JSON.stringify(step.body),
          };
        },
      },
    ],
  });
}

function get(job: GetJob): Promise<autocannon.Result> {
  return autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.durationSec,
    timeout: 30,
    headers: job.cookie ? { cookie: job.cookie } : {},
  });
}

/** One autocannon per API process, running at the same time, each over its own participants. */
async function randomize(job: RandomizeJob): Promise<LoadResult[]> {
  const seqs: number[][] = job.targets.map(() => []);
  const results = await Promise.all(
    job.targets.map((target, t) => {
      let k = 0;
      return autocannon({
        url: target.base,
        connections: job.connectionsPerTarget,
        amount: target.amount,
        timeout: 60,
        headers: { cookie: target.session.cookie, 'x-csrf-token': target.session.csrf },
        requests: [
          {
            setupRequest: (req) => {
              // Every built request takes a new participant; a few built at the end are never sent.
              const id = target.participantIds[k++];
              if (!id) throw new Error('the randomize job ran out of participants');
              return { ...req, method: 'POST', path: `/api/v1/participants/${id}/randomize` };
            },
            onResponse: (status, body) => {
              if (status === 201 || status === 200) {
                seqs[t]?.push((JSON.parse(body) as { allocation: { seq: number } }).allocation.seq);
              }
            },
          },
        ],
      });
    }),
  );
  return results.map((r, t) => ({ ...fromAutocannon(r), seqs: seqs[t] ?? [] }));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

/**
 * `clients` node-postgres connections, each sending `statement(client, k)` for the next k in a loop
 * until the deadline (one round trip per call, or the few a GET's reads make).
 */
async function pgLoad(
  databaseUrl: string,
  clientCount: number,
  durationSec: number,
  statement: (client: pg.Client, k: number) => Promise<unknown>,
): Promise<LoadResult> {
  const clients = await Promise.all(
    Array.from({ length: clientCount }, async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      return c;
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown = null;
  let k = 0;
  const started = performance.now();
  const deadline = started + durationSec * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await statement(c, k++);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= error;
          // A failed multi-statement message leaves its transaction open: end it.
          await c.query('rollback').catch(() => {});
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  if (firstError) process.stderr.write(`pg load: ${errors} errors, first: ${String(firstError)}\n`);
  latencies.sort((a, b) => a - b);
  return {
    perSec: latencies.length / elapsed,
    total: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    durationSec: elapsed,
    statuses: { ok: latencies.length, error: errors },
    errors,
  };
}

/** The baseline: the same rows inserted with plain INSERTs by `clients` concurrent connections. */
function rawInsert(job: RawInsertJob): Promise<LoadResult> {
  const text = `insert into ${job.table} (participant_id, site_id, visit_code, form_code, seq, status, data)
                values ($1, $2, 'BL', $3, 1, 'complete', $4)`;
  return pgLoad(job.databaseUrl, job.clients, job.durationSec, (c, k) => {
    const step = saveStep(job.participantIds, k);
    return c.query(text, [step.participantId, job.siteId, step.form, JSON.stringify(step.body.data)]);
  });
}

/** The database ceiling: each save's whole transaction in one simple-query message. */
function ceiling(job: CeilingJob): Promise<LoadResult> {
  return pgLoad(job.databaseUrl, job.clients, job.durationSec, (c, k) => {
    const step = saveStep(job.participantIds, k);
    return c.query(ceilingSql((v) => c.escapeLiteral(v), job.actor, job.siteId, step, `ceiling-${k}`));
  });
}

/** The GET's own reads, one round trip each, by `clients` connections: its database baseline. */
function getReadsLoad(job: GetReadsJob): Promise<LoadResult> {
  return pgLoad(job.databaseUrl, job.clients, job.durationSec, (c) => getReads(c, job.input));
}

async function run(job: LoadJob): Promise<LoadResult[]> {
  switch (job.kind) {
    case 'save':
      return [fromAutocannon(await save(job))];
    case 'get':
      return [fromAutocannon(await get(job))];
    case 'randomize':
      return randomize(job);
    case 'raw-insert':
      return [await rawInsert(job)];
    case 'ceiling':
      return [await ceiling(job)];
    case 'get-reads':
      return [await getReadsLoad(job)];
  }
}

process.once('message', (job: LoadJob) => {
  run(job).then(
    (results) => {
      const message: WorkerMessage = { ok: true, results };
      process.send?.(message, () => process.exit(0));
    },
    (error: unknown) => {
      const message: WorkerMessage = {
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      process.send?.(message, () => process.exit(1));
    },
  );
});

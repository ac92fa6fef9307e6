/**
 * The load generator, run as a child process of the bench so that it does not share an event loop
 * with anything it measures. It receives one LoadJob over IPC, runs autocannon (or, for the raw
 * baselines, 50 node-postgres clients) and answers with LoadResult[].
 */

import { field, parseRow } from '@mini-edc/db/rows';
import autocannon from 'autocannon';
import type pg from 'pg';
import { CeilingSaves } from './ceiling';
import { CpuMeter } from './cpu-meter';
import { saveStep } from './forms';
import { getReads } from './get-reads';
import { connectClients, pgLoad, pgQueue, type TimedWindow } from './pg-load';
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

/**
 * The save sequence over HTTP for a duration. `answered` receives the step k of every 2xx answer,
 * so that the database ceiling can do exactly these saves: each connection has one request in
 * flight, and autocannon gives each request a fresh context object, which carries the request's k
 * to its answer (a response after the run stopped is neither counted nor recorded).
 */
function save(job: SaveJob, answered: number[]): Promise<autocannon.Result> {
  let k = job.startAt;
  const stepOf = new WeakMap<object, number>();
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
        setupRequest: (req, context) => {
          stepOf.set(context, k);
          const step = saveStep(job.participantIds, k++);
          return {
            ...req,
            method: 'PUT',
            path: `/api/v1/participants/${step.participantId}/visits/BL/forms/${step.form}`,
            body: JSON.stringify(step.body),
          };
        },
        onResponse: (status, _body, context) => {
          const step = stepOf.get(context);
          if (status >= 200 && status < 300 && step !== undefined) answered.push(step);
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

/** The baseline: the same rows inserted with plain INSERTs by `clients` concurrent connections. */
function rawInsert(job: RawInsertJob, window?: TimedWindow): Promise<LoadResult> {
  const text = `insert into ${job.table} (participant_id, site_id, visit_code, form_code, seq, status, data)
                values ($1, $2, 'BL', $3, 1, 'complete', $4)`;
  return pgLoad(
    job.databaseUrl,
    job.clients,
    job.durationSec,
    (c, k) => {
      const step = saveStep(job.participantIds, k);
      return c.query(text, [step.participantId, job.siteId, step.form, JSON.stringify(step.body.data)]);
    },
    window,
  );
}

/**
 * The database ceiling: each save's statements, the API's own under their names, in one round
 * trip (bench/src/ceiling.ts), for exactly the steps the API answered (bench/src/save.ts). Its
 * clients first do the API's warm-up steps on participants of their own, so that each backend has
 * parsed the statements, compiled the audit trigger's PL/pgSQL and filled its caches before the
 * measured saves, as the API's pooled connections have.
 */
async function ceiling(job: CeilingJob, window?: TimedWindow): Promise<LoadResult> {
  const clients = await connectClients(job.databaseUrl, job.clients, { pipeline: true });
  try {
    const first = clients[0];
    if (!first) throw new Error('ceiling: no client');
    const [row] = (await first.query('select coalesce(max(version), 1) as version from study_definitions'))
      .rows;
    const saves = new CeilingSaves(job.actor, job.siteId, parseRow({ version: field.int }, row).version);
    const saveOf = (participantIds: string[], tag: string) => (c: pg.Client, k: number) =>
      saves.save(c, saveStep(participantIds, k), `${tag}-${k}`);
    await pgQueue(clients, job.warmupSteps, saveOf(job.warmupParticipantIds, 'ceiling-warm-up'));
    window?.start();
    const result = await pgQueue(clients, job.steps, saveOf(job.participantIds, 'ceiling'));
    window?.stop();
    return result;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** The GET's own reads, one round trip each, by `clients` connections: its database baseline. */
function getReadsLoad(job: GetReadsJob, window?: TimedWindow): Promise<LoadResult> {
  return pgLoad(job.databaseUrl, job.clients, job.durationSec, (c) => getReads(c, job.input), window);
}

/** An autocannon run's window is the whole call: it opens its connections as it starts. */
async function timed<T>(window: TimedWindow | undefined, call: () => Promise<T>): Promise<T> {
  window?.start();
  const result = await call();
  window?.stop();
  return result;
}

async function runJob(job: LoadJob, window: TimedWindow | undefined): Promise<LoadResult[]> {
  switch (job.kind) {
    case 'save': {
      const answered: number[] = [];
      const result = fromAutocannon(await timed(window, () => save(job, answered)));
      return [{ ...result, steps: answered.sort((a, b) => a - b) }];
    }
    case 'get':
      return [fromAutocannon(await timed(window, () => get(job)))];
    case 'randomize':
      return randomize(job);
    case 'raw-insert':
      return [await rawInsert(job, window)];
    case 'ceiling':
      return [await ceiling(job, window)];
    case 'get-reads':
      return [await getReadsLoad(job, window)];
  }
}

async function run(job: LoadJob): Promise<LoadResult[]> {
  const meter = job.cpu && job.kind !== 'randomize' ? new CpuMeter(job.cpu) : undefined;
  const results = await runJob(job, meter);
  const cpu = meter?.use;
  return cpu ? results.map((r) => ({ ...r, cpu })) : results;
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

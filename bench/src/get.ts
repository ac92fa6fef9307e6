/**
 * Authenticated GET of a participant beside two baselines measured in the same run: the same reads
 * issued by pg clients without HTTP (bench/src/get-reads.ts; the target is GET ≥ 0.5 × these), and
 * for reference a bare Fastify route returning the same JSON in its own process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CpuTargets } from './cpu-meter';
import { cpuRuns } from './cpu-report';
import { api } from './http';
import { type Running, runLoad, startBare } from './processes';
import type { LoadResult, Session } from './protocol';
import { log, notes, rows, statusSummary } from './report';
import type { World } from './seed';
import { ms, perSec, ratio } from './stats';

export interface GetBenchEnv {
  apiA: Running;
  world: World;
  coordinator: Session;
  databaseUrl: string;
  connections: number;
  durationSec: number;
  /** Whose CPU the timed runs measure (bench/src/cpu-meter.ts). */
  cpu: CpuTargets;
}

const latency = (r: LoadResult) => `${ms(r.p50)} / ${ms(r.p99)}`;

export async function benchGet(env: GetBenchEnv) {
  const { apiA, world, coordinator, connections, durationSec } = env;
  const id = world.saveParticipants[0] as string;
  const { status, json } = await api<unknown>(apiA.base, coordinator, 'GET', `/api/v1/participants/${id}`);
  if (status !== 200) throw new Error(`GET participant: ${status}`);
  const dir = mkdtempSync(join(os.tmpdir(), 'edc-bench-'));
  const file = join(dir, 'participant.json');
  writeFileSync(file, JSON.stringify(json));
  const bare = await startBare(file);
  try {
    const apiJob = {
      kind: 'get' as const,
      url: `${apiA.base}/api/v1/participants/${id}`,
      cookie: coordinator.cookie,
      connections,
    };
    const readsJob = {
      kind: 'get-reads' as const,
      databaseUrl: env.databaseUrl,
      input: {
        token: coordinator.cookie.slice('edc_session='.length),
        participantId: id,
        siteIds: world.allSiteIds,
      },
      clients: connections,
    };
    const bareJob = { kind: 'get' as const, url: `${bare.base}/participant`, connections };
    log('GET participant: warm-up of the API, the pg reads and the bare server');
    await runLoad({ ...apiJob, durationSec: 3 });
    await runLoad({ ...readsJob, durationSec: 3 });
    await runLoad({ ...bareJob, durationSec: 3 });
    log(`GET participant: API, ${connections} connections for ${durationSec} s`);
    const loadFrom = (performance.now() - apiA.startedAt) / 1000;
    const [edc] = await runLoad({ ...apiJob, durationSec, cpu: env.cpu });
    const loadTo = (performance.now() - apiA.startedAt) / 1000;
    // For bench/profile-top.mjs: the measured GET load's place in the API's CPU profile.
    log(`GET participant ran ${loadFrom.toFixed(1)}-${loadTo.toFixed(1)} s after the API started`);
    log(`GET participant: the same reads by ${connections} pg clients for ${durationSec} s`);
    const [reads] = await runLoad({ ...readsJob, durationSec, cpu: env.cpu });
    log(`GET participant: bare Fastify, ${connections} connections for ${durationSec} s`);
    const [base] = await runLoad({ ...bareJob, durationSec });
    if (!edc || !reads || !base) throw new Error('no GET result');
    if (edc.cpu)
      cpuRuns.push({ run: 'GET participant (HTTP)', unit: 'request', count: edc.total, cpu: edc.cpu });
    if (reads.cpu) {
      cpuRuns.push({ run: 'its 4 reads (pg clients)', unit: 'request', count: reads.total, cpu: reads.cpu });
    }
    rows.push(
      {
        figure: `GET participant (session, site scope, visits, records), ${connections} conn: throughput`,
        edc: perSec(edc.perSec),
        baseline: `${perSec(reads.perSec)} the same 4 reads by ${connections} pg clients, no HTTP`,
        ratio: ratio(edc.perSec, reads.perSec),
        target: 'ratio ≥ 0.5',
        met: edc.perSec / reads.perSec >= 0.5 ? 'yes' : 'no',
      },
      {
        figure: 'GET participant: latency p50 / p99',
        edc: latency(edc),
        baseline: latency(reads),
        ratio: '',
        target: 'report',
        met: '',
      },
      {
        figure: 'GET participant against a bare Fastify route (same JSON, for reference)',
        edc: perSec(edc.perSec),
        baseline: `${perSec(base.perSec)} (p50 / p99 ${latency(base)})`,
        ratio: ratio(edc.perSec, base.perSec),
        target: 'report',
        met: '',
      },
    );
    notes.push(
      `GET participant: API ${statusSummary(edc)}; pg reads ${reads.total} requests (${reads.errors} errors); ` +
        `bare ${statusSummary(base)}.`,
    );
  } finally {
    await bare.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

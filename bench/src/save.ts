/**
 * Save assessment (PUT of baseline VAS/ODI) beside two baselines measured in the same run:
 * plain INSERTs into a copy of form_records (no trigger, no constraint), and the database ceiling,
 * the save's own audited SQL in one round trip per save (bench/src/ceiling.ts). Afterwards it
 * asserts that every save left its audit rows and that the API's chain verification finds no break.
 */
import { performance } from 'node:perf_hooks';
import { field } from '@mini-edc/db/rows';
import type pg from 'pg';
import type { CpuTargets } from './cpu-meter';
import { cpuRuns } from './cpu-report';
import { pgRow } from './db-rows';
import { stepMix } from './forms';
import { api } from './http';
import { type Running, runLoad } from './processes';
import type { LoadResult, Session } from './protocol';
import { log, non2xx, notes, rows, statusSummary } from './report';
import type { World } from './seed';
import { ms, perSec, ratio } from './stats';

export interface SaveBenchEnv {
  apiA: Running;
  pool: pg.Pool;
  world: World;
  coordinator: Session;
  adminS: Session;
  databaseUrl: string;
  connections: number;
  durationSec: number;
  warmupParticipants: number;
  /** Whose CPU the timed runs measure (bench/src/cpu-meter.ts). */
  cpu: CpuTargets;
}

const auditCheckRow = {
  records: field.int,
  versions: field.int,
  unaudited_inserts: field.int,
  update_rows: field.int,
};

/** Form records of a site, their versioned updates, and the audit rows that should match them. */
async function auditCheck(pool: pg.Pool, siteId: string) {
  const check = await pgRow(
    pool,
    auditCheckRow,
    `select count(*)::text as records, coalesce(sum(fr.version - 1), 0)::text as versions,
            count(*) filter (where not exists (
              select 1 from audit_log a where a.table_name = 'form_records' and a.record_id = fr.id::text
                and a.action = 'INSERT'))::text as unaudited_inserts,
            (select count(*) from audit_log a where a.table_name = 'form_records' and a.action = 'UPDATE'
                and a.site_id = $1)::text as update_rows
     from form_records fr where fr.site_id = $1`,
    [siteId],
  );
  // Every save is audited in its own transaction: an insert without its INSERT row, or a
  // correction without its UPDATE row, is a failure of the bench, not a figure.
  if (check.unaudited_inserts !== 0 || check.update_rows !== check.versions) {
    throw new Error(`saves without their audit rows: ${JSON.stringify(check)}`);
  }
  return check;
}

const latency = (r: LoadResult) => `${ms(r.p50)} / ${ms(r.p99)}`;

/** When the measured save load ran, on the monotonic clock of process.hrtime (µs), as a V8 CPU profile's. */
export interface LoadWindow {
  from: number;
  to: number;
}

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

export async function benchSave(env: SaveBenchEnv): Promise<LoadWindow> {
  const { apiA, pool, world, coordinator, connections, durationSec } = env;
  const warm = world.saveParticipants.slice(0, env.warmupParticipants);
  const measured = world.saveParticipants.slice(env.warmupParticipants);
  log('save-assessment: warm-up');
  const [warmup] = await runLoad({
    kind: 'save',
    base: apiA.base,
    session: coordinator,
    participantIds: warm,
    startAt: 0,
    connections,
    durationSec: 3,
  });
  log(`save-assessment: ${connections} connections for ${durationSec} s`);
  const loadFrom = (performance.now() - apiA.startedAt) / 1000;
  const window = { from: monotonicMicros(), to: 0 };
  const [edc] = await runLoad({
    kind: 'save',
    base: apiA.base,
    session: coordinator,
    participantIds: measured,
    startAt: 0,
    connections,
    durationSec,
    cpu: env.cpu,
  });
  window.to = monotonicMicros();
  const steps = edc?.steps ?? [];
  if (!edc || steps.length === 0) throw new Error(`the API answered no save: ${JSON.stringify(edc)}`);
  log(`save-assessment: ${statusSummary(edc)}`);
  const loadTo = (performance.now() - apiA.startedAt) / 1000;
  // For bench/profile-top.mjs: the measured save load's place in the API's CPU profile.
  log(`save-assessment ran ${loadFrom.toFixed(1)}-${loadTo.toFixed(1)} s after the API started`);

  // The ceiling does the API's work, not its own: the same steps k (bench/src/forms.ts) the API
  // answered with 2xx, in the same order, on the ceiling site's participants, after the same
  // warm-up steps. A timed ceiling run would go further into the sequence than the slower API and
  // do more corrections, the expensive kind, so the ratio would compare different work.
  // The warm-up is not measured; it must leave every one of the ceiling's backends past its first
  // save (the audit trigger's PL/pgSQL compiled, catalog caches filled), as the API's pool is. The
  // API's warm-up steps do that when there are at least as many as clients (each client takes one
  // of the first ones); on a machine too busy for that, the next steps of the sequence are added.
  const warmupSteps = [...(warmup?.steps ?? [])];
  const apiWarmup = warmupSteps.length;
  for (let k = (warmupSteps.at(-1) ?? -1) + 1; warmupSteps.length < connections; k++) warmupSteps.push(k);
  const ceilingWarm = world.ceilingParticipants.slice(0, env.warmupParticipants);
  const ceilingMeasured = world.ceilingParticipants.slice(env.warmupParticipants);
  log(
    `database ceiling: the API's ${steps.length} saves (after ${warmupSteps.length} warm-up saves) ` +
      `by ${connections} pg clients, one round trip per save`,
  );
  const [ceiling] = await runLoad({
    kind: 'ceiling',
    databaseUrl: env.databaseUrl,
    actor: {
      actorId: world.coordinator.id,
      actorLabel: world.coordinator.email,
      siteIds: world.allSiteIds,
    },
    siteId: world.ceilingSiteId,
    warmupParticipantIds: ceilingWarm,
    warmupSteps,
    participantIds: ceilingMeasured,
    steps,
    clients: connections,
    cpu: env.cpu,
  });
  if (!ceiling) throw new Error('no ceiling result');

  await pool.query('create table bench_raw (like form_records including defaults)');
  log(`raw INSERT baseline: ${connections} pg clients for ${durationSec} s`);
  const [raw] = await runLoad({
    kind: 'raw-insert',
    databaseUrl: env.databaseUrl,
    table: 'bench_raw',
    siteId: world.benchSiteId,
    participantIds: measured,
    clients: connections,
    durationSec,
    cpu: env.cpu,
  });
  if (!raw) throw new Error('no raw result');

  const check = await auditCheck(pool, world.benchSiteId);
  const ceilingCheck = await auditCheck(pool, world.ceilingSiteId);
  const mix = stepMix(measured, steps);
  const warmMix = stepMix(warm, warmupSteps);
  // The ceiling site holds exactly the saves the ceiling was given: a missing record or version
  // would mean it did less than the API (a correction matching no row fails silently in SQL). The
  // bench site may hold a few more: requests in flight when a timed run stopped, not counted.
  const expected = {
    records: mix.inserts + warmMix.inserts,
    versions: mix.corrections + warmMix.corrections,
  };
  if (
    ceiling.errors > 0 ||
    ceilingCheck.records !== expected.records ||
    ceilingCheck.versions !== expected.versions
  ) {
    throw new Error(
      `the ceiling did not do the API's saves: expected ${JSON.stringify(expected)}, ` +
        `found ${JSON.stringify(ceilingCheck)} with ${ceiling.errors} errors`,
    );
  }
  const verified = await api<{ ok: boolean; rowsChecked: number; chains: number; firstBreak: unknown }>(
    apiA.base,
    env.adminS,
    'GET',
    '/api/v1/audit/verify',
  );
  if (verified.status !== 200 || !verified.json.ok) {
    throw new Error(`audit chain verification: ${verified.status} ${JSON.stringify(verified.json)}`);
  }
  // Per save answered 2xx: the API's run also spent some CPU on the requests still in flight at its
  // end (docs/benchmarks.md, the save row), which makes its figure a little high.
  for (const [run, unit, count, result] of [
    ['save-assessment (HTTP)', 'save', steps.length, edc],
    ['database ceiling (pg clients)', 'save', ceiling.total, ceiling],
    ['raw INSERT (pg clients)', 'insert', raw.total, raw],
  ] as const) {
    if (result.cpu) cpuRuns.push({ run, unit, count, cpu: result.cpu });
  }
  const bad = non2xx(edc) + edc.errors;
  const toCeiling = edc.perSec / ceiling.perSec;
  const ceilingToRaw = ceiling.perSec / raw.perSec;
  rows.push(
    {
      figure: `save-assessment (VAS/ODI PUT, audited), ${connections} conn: throughput`,
      edc: perSec(edc.perSec),
      baseline: `${perSec(ceiling.perSec)} database ceiling (the same saves' audited SQL, 1 round trip, ${connections} pg clients)`,
      ratio: ratio(edc.perSec, ceiling.perSec),
      target: 'ratio ≥ 0.8',
      met: toCeiling >= 0.8 ? 'yes' : 'no',
    },
    {
      figure: 'save-assessment: latency p50 / p99',
      edc: latency(edc),
      baseline: latency(ceiling),
      ratio: '',
      target: 'p99 < 50 ms',
      met: edc.p99 < 50 ? 'yes' : 'no',
    },
    {
      figure: `database ceiling of a save, ${connections} pg clients: throughput`,
      edc: perSec(ceiling.perSec),
      baseline: `${perSec(raw.perSec)} raw INSERT (pg, ${connections} clients, no audit)`,
      ratio: ratio(ceiling.perSec, raw.perSec),
      target: 'ratio ≥ 0.3',
      met: ceilingToRaw >= 0.3 ? 'yes' : 'no',
    },
    {
      figure: 'database ceiling: latency p50 / p99',
      edc: latency(ceiling),
      baseline: latency(raw),
      ratio: '',
      target: 'report',
      met: '',
    },
    {
      figure: 'save-assessment against raw INSERT (for comparison with earlier runs)',
      edc: perSec(edc.perSec),
      baseline: perSec(raw.perSec),
      ratio: ratio(edc.perSec, raw.perSec),
      target: 'report',
      met: '',
    },
  );
  // The drain, when fewer saves were left than clients: the ceiling's run ends with its last answer,
  // and PostgreSQL stays saturated until only a few clients have work, so the drain costs it little;
  // the note shows its share of the run.
  const drain = ceiling.drain ?? { sec: 0, answers: 0 };
  notes.push(
    `save-assessment: ${edc.total} requests in ${edc.durationSec.toFixed(1)} s (${statusSummary(edc)}; ` +
      `${bad} non-2xx or errors), ${steps.length} saves answered 2xx: ${mix.inserts} inserts, ` +
      `${mix.corrections} corrections. Database ceiling: the same ${ceiling.total} saves, ${mix.inserts} inserts, ` +
      `${mix.corrections} corrections (${ceiling.errors} errors), in ${ceiling.durationSec.toFixed(2)} s, of which ` +
      `the drain (the last ${drain.answers} saves, fewer left than clients) took ` +
      `${(drain.sec * 1000).toFixed(0)} ms. Warm-up: the API ` +
      `${apiWarmup} saves, the ceiling ${warmupSteps.length} (${warmMix.inserts} inserts, ` +
      `${warmMix.corrections} corrections: the API's${warmupSteps.length > apiWarmup ? ', topped up to one per client' : ''}).`,
    `Audit rows: the bench site holds ${check.records} form records and ${check.versions} versioned updates ` +
      `(warm-up included, and any request in flight when a timed run stopped), the ceiling site ` +
      `${ceilingCheck.records} and ${ceilingCheck.versions}, exactly its saves; each with its INSERT and UPDATE ` +
      `audit rows. Raw baseline: ${raw.total} inserts. Chain verification (GET /api/v1/audit/verify): ` +
      `${verified.json.rowsChecked} rows in ${verified.json.chains} chains, no break.`,
  );
  return window;
}

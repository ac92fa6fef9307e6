/**
 * `npm run bench`: every figure beside a baseline measured in the same run (docs/benchmarks.md).
 * Creates edc_bench_<pid>_test, starts the built API against it, seeds it, loads it from a child
 * process running autocannon, prints one table, and drops the database at the end (also on
 * failure or Ctrl-C).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { field } from '@mini-edc/db/rows';
import pg from 'pg';
import { printSaveProfile } from './api-profile';
import { type CpuTargets, processUid } from './cpu-meter';
import { pgRow, pgRows } from './db-rows';
import { benchGet } from './get';
import { api, login } from './http';
import { killAllChildren, type Running, runLoad, startApi } from './processes';
import type { Session } from './protocol';
import { log, notes, printTable, rows, statusSummary } from './report';
import { benchSave, type LoadWindow } from './save';
import { benchPassword, growAuditLog, seedWorld, type World } from './seed';
import { ms, percentile, perSec } from './stats';

const adminUrl = process.env.EDC_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const durationSec = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const auditTargets = (process.env.BENCH_AUDIT_ROWS ?? '1000000,5000000')
  .split(',')
  .map((v) => Number(v.trim()))
  .filter((v) => Number.isFinite(v) && v > 0)
  .sort((a, b) => a - b);
const auditRuns = Number(process.env.BENCH_AUDIT_RUNS ?? 200);
const randomizeCount = Number(process.env.BENCH_RANDOMIZE ?? 1000);
// BENCH_ONLY=save runs the save figures alone (for iterating on the write path), BENCH_ONLY=get
// the save and GET figures; default: all.
const only = process.env.BENCH_ONLY ?? 'all';
const saveParticipantCount = 2000;
const warmupParticipants = 200;

const dbName = `edc_bench_${process.pid}_test`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let dropped = false;
async function dropDatabase() {
  if (dropped) return;
  dropped = true;
  if (!/^edc_bench_\d+_test$/.test(dbName)) throw new Error(`refusing to drop ${dbName}`);
  await admin((c) => c.query(`drop database if exists "${dbName}" with (force)`));
  log(`dropped ${dbName}`);
}

async function machineFacts(pool: pg.Pool) {
  const { server_version: version } = await pgRow(
    pool,
    { server_version: field.text },
    'show server_version',
  );
  const settings = await pgRows(
    pool,
    { name: field.text, setting: field.text, unit: field.nullable(field.text) },
    `select name, setting, unit from pg_settings
     where name in ('shared_buffers', 'max_connections', 'synchronous_commit', 'work_mem')`,
  );
  return {
    cpu: `${os.availableParallelism()} × ${os.cpus()[0]?.model.trim() ?? 'unknown'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    postgres: `PostgreSQL ${version ?? '?'} (${settings.map((s) => `${s.name}=${s.setting}${s.unit ?? ''}`).join(', ')})`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    // The bench cannot tell its own load from other work on the machine: this says how busy it was.
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  };
}

// ---------------------------------------------------------------------------------------------
// 3. 1 000 randomizations spread over two API processes on one database.

/**
 * A list with rows for every stratum, as an import must have (LIST_STRATUM_EMPTY otherwise):
 * enough whole blocks for the randomized participants in their stratum, one block elsewhere.
 */
function importCsv(strata: string[], randomizeStratum: string, slots: number) {
  // Blocks of 4 in two patterns (ABBA, BAAB): balanced, and the arms are the study's.
  const patterns = [
    ['TLF_MOB', 'US_D5W', 'US_D5W', 'TLF_MOB'],
    ['US_D5W', 'TLF_MOB', 'TLF_MOB', 'US_D5W'],
  ];
  // Whole blocks with their numbers: an import must show every block balanced.
  const lines = ['stratum,seq,arm,block_no,block_size'];
  for (const stratum of strata) {
    const rows = stratum === randomizeStratum ? Math.ceil(slots / 4) * 4 : 4;
    for (let i = 0; i < rows; i++) {
      const block = Math.floor(i / 4);
      lines.push(`${stratum},${i + 1},${patterns[block % 2]?.[i % 4]},${block + 1},4`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function benchRandomize(
  apiA: Running,
  pool: pg.Pool,
  world: World,
  coordinator: Session,
  adminS: Session,
) {
  const slots = world.randomizeParticipants.length;
  const imported = await api<{ id: string }>(
    apiA.base,
    adminS,
    'POST',
    '/api/v1/admin/randomization-lists/import',
    {
      name: 'Bench list',
      csv: importCsv(world.strata, world.randomizeStratum, slots),
    },
  );
  if (imported.status !== 201)
    throw new Error(`list import: ${imported.status} ${JSON.stringify(imported.json)}`);
  const listId = imported.json.id;
  log('randomize: starting a second API process on the same database');
  const apiB = await startApi(databaseUrl);
  try {
    const half = Math.ceil(world.randomizeParticipants.length / 2);
    const perProcess = Math.floor(randomizeCount / 2);
    log(`randomize: ${perProcess * 2} requests over two processes, ${connections / 2} connections each`);
    // The same session on both processes: sessions live in PostgreSQL, not in a process.
    const results = await runLoad({
      kind: 'randomize',
      connectionsPerTarget: Math.max(1, Math.floor(connections / 2)),
      targets: [
        {
          base: apiA.base,
          session: coordinator,
          participantIds: world.randomizeParticipants.slice(0, half),
          amount: perProcess,
        },
        {
          base: apiB.base,
          session: coordinator,
          participantIds: world.randomizeParticipants.slice(half),
          amount: randomizeCount - perProcess,
        },
      ],
    });
    const seqs = results.flatMap((r) => r.seqs ?? []);
    const ok = results.reduce((n, r) => n + (r.statuses['201'] ?? 0), 0);
    const seconds = Math.max(...results.map((r) => r.durationSec));
    const db = await pgRow(
      pool,
      { assigned: field.int, participants: field.int, seqs: field.int, min: field.int, max: field.int },
      `select count(*)::int as assigned, count(distinct participant_id)::int as participants,
              count(distinct seq)::int as seqs, coalesce(min(seq), 0) as min, coalesce(max(seq), 0) as max
       from randomization_slots where list_id = $1 and participant_id is not null`,
      [listId],
    );
    const duplicates = seqs.length - new Set(seqs).size + (db.assigned - db.participants);
    // Free slots below the highest assigned one: a skipped slot would never be used.
    const skipped = db.max - db.assigned + (db.min > 1 ? db.min - 1 : 0);
    const requests = results.reduce((n, r) => n + r.total, 0);
    rows.push({
      figure: `randomize ${requests} participants, 2 API processes, 1 stratum`,
      edc: `${seconds.toFixed(1)} s (${perSec(requests / seconds)}); ${ok} × 201`,
      baseline: `duplicates ${duplicates}, skipped slots ${skipped}`,
      ratio: '',
      target: '0 duplicates, 0 skipped',
      met: duplicates === 0 && skipped === 0 && ok === requests && db.assigned === requests ? 'yes' : 'no',
    });
    notes.push(
      `randomize: per process ${results.map((r) => statusSummary(r)).join(' | ')}; database: ${db.assigned} slots ` +
        `assigned to ${db.participants} participants, seq ${db.min}..${db.max}.`,
    );
  } finally {
    await apiB.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Audit review over HTTP (GET /api/v1/audit) at 1M and 5M rows.

async function timeRuns(runs: number, fn: (i: number) => Promise<void>) {
  for (let i = 0; i < 10; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function benchAudit(apiA: Running, pool: pg.Pool, world: World, adminS: Session) {
  const maxTarget = auditTargets[auditTargets.length - 1] ?? 0;
  const base = new Date(Date.now() - (maxTarget * 6 + 86_400) * 1000);
  const participants = world.saveParticipants;
  for (const target of auditTargets) {
    const t0 = performance.now();
    log(`audit: growing audit_log to ${target.toLocaleString('en-US')} rows`);
    const total = await growAuditLog(pool, target, participants, world.benchSiteId, base, (n) =>
      log(`audit: ${n.toLocaleString('en-US')} rows`),
    );
    const seeded = (performance.now() - t0) / 1000;
    // growAuditLog has just written synthetic rows, so the maximum is never null.
    const { max: maxSynthetic } = await pgRow(
      pool,
      { max: field.timestamp },
      `select max(occurred_at) as max from audit_log where chain_key like 'bench:%'`,
    );
    const spanEnd = maxSynthetic.getTime();
    const page = async (query: string, expectItems: boolean) => {
      const res = await api<{ items: unknown[]; nextCursor: string | null }>(
        apiA.base,
        adminS,
        'GET',
        `/api/v1/audit?${query}`,
      );
      if (res.status !== 200)
        throw new Error(`GET /audit?${query}: ${res.status} ${JSON.stringify(res.json)}`);
      const { items, nextCursor } = res.json;
      if (expectItems && (items.length === 0 || (items.length < 50 && nextCursor !== null))) {
        throw new Error(`GET /audit?${query}: ${items.length} items, cursor ${nextCursor}`);
      }
      return res.json;
    };
    const byParticipant = (i: number) =>
      `participantId=${participants[(i * 7919) % participants.length]}&limit=50`;
    const byUserAndTime = (i: number) => {
      // A 7-day window at a random place in the seeded span, for one of the 20 users.
      const span = spanEnd - base.getTime() - 7 * 86_400_000;
      const from = new Date(base.getTime() + ((i * 104_729) % 1000) * (span / 1000));
      const to = new Date(from.getTime() + 7 * 86_400_000);
      return `actorId=bench-user-${i % 20}&from=${from.toISOString()}&to=${to.toISOString()}&limit=50`;
    };
    const a = await timeRuns(auditRuns, async (i) => {
      await page(byParticipant(i), true);
    });
    const b = await timeRuns(auditRuns, async (i) => {
      await page(byUserAndTime(i), true);
    });
    // Keyset: the second page of a participant's trail (the first page is fetched untimed).
    const cursors: string[] = [];
    for (let i = 0; i < auditRuns + 10 && i < participants.length; i++) {
      const first = await page(byParticipant(i + 1), true);
      if (first.nextCursor) cursors.push(`${byParticipant(i + 1)}&cursor=${first.nextCursor}`);
    }
    const c =
      cursors.length > 0
        ? await timeRuns(auditRuns, async (i) => {
            await page(cursors[i % cursors.length] as string, true);
          })
        : null;
    const label = `${(total / 1e6).toFixed(total < 1e6 ? 2 : 1)}M`;
    const fig = (what: string, t: { p50: number; p95: number }) =>
      rows.push({
        figure: `audit review, ${label} rows: ${what} (p50 / p95, ${auditRuns} runs)`,
        edc: `${ms(t.p50)} / ${ms(t.p95)}`,
        baseline: 'GET /api/v1/audit over HTTP, 1 connection',
        ratio: '',
        target: 'p95 < 50 ms',
        met: t.p95 < 50 ? 'yes' : 'no',
      });
    fig('participant, page 1 of 50', a);
    fig('user + 7-day range, page 1 of 50', b);
    if (c) fig('participant, keyset page 2', c);
    notes.push(`audit ${label}: seeding and ANALYZE took ${seeded.toFixed(0)} s.`);
  }
}

// ---------------------------------------------------------------------------------------------

const exportScript = fileURLToPath(new URL('../../apps/api/bench/build-and-run.mjs', import.meta.url));
const runExport = process.env.BENCH_EXPORT !== '0' && existsSync(exportScript);

function exportRow() {
  rows.push({
    figure: 'export of 10 000 synthetic participants',
    edc: runExport
      ? 'see the export table below (apps/api/bench/export-bench.ts)'
      : 'see apps/api/bench (not run: BENCH_EXPORT=0 or absent)',
    baseline: '',
    ratio: '',
    target: '',
    met: '',
  });
}

/** The export benchmark another engineer owns, run as it is documented, after this bench's own. */
function exportBench() {
  if (!runExport) return;
  log('export: running apps/api/bench/build-and-run.mjs');
  const run = spawnSync(process.execPath, [exportScript], {
    cwd: fileURLToPath(new URL('../../apps/api', import.meta.url)),
    env: { ...process.env, DATABASE_URL: adminUrl },
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`the export benchmark failed (${run.status})`);
}

/** Whose CPU the timed runs measure: the API process and the PostgreSQL server's processes. */
async function cpuTargets(pool: pg.Pool, apiPid: number | undefined): Promise<CpuTargets> {
  const { pid } = await pgRow(pool, { pid: field.int }, 'select pg_backend_pid() as pid');
  return { apiPid, postgresUid: processUid(pid), database: dbName };
}

async function main() {
  const started = performance.now();
  log(`creating ${dbName}`);
  await admin((c) => c.query(`create database "${dbName}"`));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let apiA: Running | undefined;
  let saveWindow: LoadWindow | undefined;
  try {
    apiA = await startApi(databaseUrl);
    log(`API at ${apiA.base} (migrated ${dbName})`);
    const facts = await machineFacts(pool);
    const world = await seedWorld(pool, {
      saveParticipants: saveParticipantCount,
      randomizeParticipants: randomizeCount + 100,
    });
    log('seeded sites, users and participants');
    const coordinator = await login(apiA.base, world.coordinator.email, benchPassword);
    const adminS = await login(apiA.base, world.admin.email, benchPassword);
    const cpu = await cpuTargets(pool, apiA.child.pid);

    saveWindow = await benchSave({
      apiA,
      pool,
      world,
      coordinator,
      adminS,
      databaseUrl,
      connections,
      durationSec,
      warmupParticipants,
      cpu,
    });
    if (only !== 'save')
      await benchGet({ apiA, world, coordinator, databaseUrl, connections, durationSec, cpu });
    if (only === 'all') {
      await benchRandomize(apiA, pool, world, coordinator, adminS);
      await benchAudit(apiA, pool, world, adminS);
      exportRow();
    }
    notes.push(`whole bench run: ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    printTable(facts);
  } finally {
    await apiA?.stop();
    await pool.end();
    await dropDatabase();
  }
  if (saveWindow) printSaveProfile(apiA?.child.pid, saveWindow);
  if (only === 'all') exportBench();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    killAllChildren();
    dropDatabase().then(
      () => process.exit(130),
      () => process.exit(130),
    );
  });
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  killAllChildren();
  await dropDatabase().catch(() => {});
  process.exit(1);
});

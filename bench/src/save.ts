/**
 * Save assessment (PUT of baseline VAS/ODI) beside two baselines measured in the same run:
 * plain INSERTs into a copy of form_records (no trigger, no constraint), and the database ceiling,
 * the save's own audited SQL in one round trip per save (bench/src/ceiling.ts). Afterwards it
 * asserts that every save left its audit rows and that the API's chain verification finds no break.
 */
import { performance } from 'node:perf_hooks';
import { field } from '@mini-edc/db/rows';
import type pg from 'pg';
import { pgRow } from './db-rows';
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

export async function benchSave(env: SaveBenchEnv) {
  const { apiA, pool, world, coordinator, connections, durationSec } = env;
  const warm = world.saveParticipants.slice(0, env.warmupParticipants);
  const measured = world.saveParticipants.slice(env.warmupParticipants);
  log('save-assessment: warm-up');
  await runLoad({
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
  const [edc] = await runLoad({
    kind: 'save',
    base: apiA.base,
    session: coordinator,
    participantIds: measured,
    startAt: 0,
    connections,
    durationSec,
  });
  if (!edc) throw new Error('no save result');
  log(`save-assessment: ${statusSummary(edc)}`);
  const loadTo = (performance.now() - apiA.startedAt) / 1000;
  // For bench/profile-top.mjs: the measured save load's place in the API's CPU profile.
  log(`save-assessment ran ${loadFrom.toFixed(1)}-${loadTo.toFixed(1)} s after the API started`);

  log(`database ceiling: ${connections} pg clients for ${durationSec} s, one round trip per save`);
  const [ceiling] = await runLoad({
    kind: 'ceiling',
    databaseUrl: env.databaseUrl,
    actor: {
      actorId: world.coordinator.id,
      actorLabel: world.coordinator.email,
      siteIds: world.allSiteIds,
    },
    siteId: world.ceilingSiteId,
    participantIds: world.ceilingParticipants.slice(env.warmupParticipants),
    clients: connections,
    durationSec,
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
  });
  if (!raw) throw new Error('no raw result');

  const check = await auditCheck(pool, world.benchSiteId);
  const ceilingCheck = await auditCheck(pool, world.ceilingSiteId);
  const verified = await api<{ ok: boolean; rowsChecked: number; chains: number; firstBreak: unknown }>(
    apiA.base,
    env.adminS,
    'GET',
    '/api/v1/audit/verify',
  );
  if (verified.status !== 200 || !verified.json.ok) {
    throw new Error(`audit chain verification: ${verified.status} ${JSON.stringify(verified.json)}`);
  }
  const bad = non2xx(edc) + edc.errors;
  const toCeiling = edc.perSec / ceiling.perSec;
  const ceilingToRaw = ceiling.perSec / raw.perSec;
  rows.push(
    {
      figure: `save-assessment (VAS/ODI PUT, audited), ${connections} conn: throughput`,
      edc: perSec(edc.perSec),
      baseline: `${perSec(ceiling.perSec)} database ceiling (same audited SQL, 1 round trip, ${connections} pg clients)`,
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
  notes.push(
    `save-assessment: ${edc.total} requests (${statusSummary(edc)}; ${bad} non-2xx or errors); ` +
      `${check.records} form records at the bench site, ${check.versions} versioned updates with reason, ` +
      `each with its INSERT and UPDATE audit rows. Database ceiling: ${ceiling.total} saves ` +
      `(${ceiling.errors} errors), ${ceilingCheck.records} records, ${ceilingCheck.versions} corrections, all audited. ` +
      `Raw baseline: ${raw.total} inserts. Chain verification (GET /api/v1/audit/verify): ` +
      `${verified.json.rowsChecked} rows in ${verified.json.chains} chains, no break.`,
  );
}

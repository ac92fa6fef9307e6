/**
 * CPU time each party spends in a timed run, read from /proc at the window's start and end (Linux
 * only; docs/benchmarks.md "How it runs"): the API process, the load generator (the worker process
 * this runs in, whose autocannon or pg clients make the load), and the PostgreSQL server's
 * processes. Where /proc cannot tell (no /proc, a process not visible, a server on another host)
 * the figure is left out, never estimated.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  type PostgresProcess,
  parseMachineStat,
  parseProcStat,
  postgresDelta,
  postgresRole,
} from './proc-stat';

/** What to measure: the API's pid, the uid the PostgreSQL server runs as, and the bench's database. */
export interface CpuTargets {
  apiPid?: number;
  postgresUid?: number;
  database: string;
}

/** CPU milliseconds spent in one window; a party /proc could not read is undefined. */
export interface CpuUse {
  windowSec: number;
  cores: number;
  apiMs?: number;
  loadMs?: number;
  /** The bench database's backends and the server's shared processes (WAL writer, checkpointer…). */
  postgresMs?: number;
  /** Backends of other databases on the same server: other work, not counted as the bench's. */
  otherPostgresMs?: number;
  /** The bench's PostgreSQL processes that ended within the window: /proc keeps nothing of them. */
  postgresGone: number;
  /**
   * The CPU in the window of every server process that ended within it, any database, from what the
   * postmaster reaped: a bound of the bench's time lost with postgresGone (other work included).
   */
  postgresEndedMs?: number;
  /** The share of all cores busy over the window, whatever ran (/proc/stat). */
  machineBusy?: number;
}

let clockTicksPerSec: number | undefined;
/** sysconf(_SC_CLK_TCK), the unit of /proc's utime and stime; 100 when getconf cannot say. */
function clockTicks(): number {
  if (clockTicksPerSec === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const value = Number(out.stdout?.trim());
    clockTicksPerSec = out.status === 0 && Number.isInteger(value) && value > 0 ? value : 100;
  }
  return clockTicksPerSec;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const processTicks = (pid: number | undefined) =>
  pid === undefined ? undefined : parseProcStat(read(`/proc/${pid}/stat`) ?? '')?.ticks;

/** The uid a process runs as (of the server, given one of its backends' pids); undefined without /proc. */
export function processUid(pid: number): number | undefined {
  try {
    return statSync(`/proc/${pid}`).uid;
  } catch {
    return undefined;
  }
}

/** Every process named postgres that runs as the server's uid, with its CPU ticks and role. */
function postgresProcesses(uid: number, database: string): Map<number, PostgresProcess> | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const found = new Map<number, PostgresProcess>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = parseProcStat(read(`/proc/${entry}/stat`) ?? '');
    if (stat?.comm !== 'postgres') continue;
    try {
      if (statSync(`/proc/${entry}`).uid !== uid) continue;
    } catch {
      continue; // ended between the two reads
    }
    const cmdline = read(`/proc/${entry}/cmdline`);
    if (cmdline !== undefined) found.set(stat.pid, { ...stat, role: postgresRole(cmdline, database) });
  }
  return found;
}

interface Sample {
  at: number;
  api?: number;
  load?: number;
  postgres?: Map<number, PostgresProcess>;
  machine?: { busy: number; total: number };
}

function sample(targets: CpuTargets): Sample {
  return {
    at: performance.now(),
    api: processTicks(targets.apiPid),
    load: processTicks(process.pid),
    postgres:
      targets.postgresUid === undefined
        ? undefined
        : postgresProcesses(targets.postgresUid, targets.database),
    machine: parseMachineStat(read('/proc/stat') ?? ''),
  };
}

/** Start it where a timed window starts and stop it where it ends; `use` then holds the figures. */
export class CpuMeter {
  private first: Sample | undefined;
  use: CpuUse | undefined;

  constructor(private readonly targets: CpuTargets) {}

  start() {
    this.first = sample(this.targets);
  }

  stop() {
    const first = this.first;
    if (!first) return;
    const last = sample(this.targets);
    const ms = (ticks: number) => (ticks * 1000) / clockTicks();
    const delta = (a: number | undefined, b: number | undefined) =>
      a === undefined || b === undefined ? undefined : ms(b - a);
    const use: CpuUse = {
      windowSec: (last.at - first.at) / 1000,
      cores: os.availableParallelism(),
      apiMs: delta(first.api, last.api),
      loadMs: delta(first.load, last.load),
      postgresGone: 0,
    };
    if (first.postgres && last.postgres) {
      const pg = postgresDelta(first.postgres, last.postgres);
      use.postgresMs = ms(pg.bench);
      use.otherPostgresMs = ms(pg.other);
      use.postgresGone = pg.gone;
      if (pg.ended !== undefined) use.postgresEndedMs = ms(pg.ended);
    }
    if (first.machine && last.machine && last.machine.total > first.machine.total) {
      use.machineBusy = (last.machine.busy - first.machine.busy) / (last.machine.total - first.machine.total);
    }
    this.use = use;
  }
}

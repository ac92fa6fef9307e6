/**
 * The CPU each party spent per operation in each timed run (bench/src/cpu-meter.ts), printed under
 * the bench's table: on a machine whose cores the load generator, the API and PostgreSQL share, it
 * says where a save's CPU goes and how much of the machine a run used (docs/benchmarks.md).
 */
import type { CpuUse } from './cpu-meter';

export interface CpuRun {
  run: string;
  /** What one operation is ("save", "insert", "request") and how many the run completed. */
  unit: string;
  count: number;
  cpu: CpuUse;
}

/** Filled by the save and GET benchmarks, printed once at the end. */
export const cpuRuns: CpuRun[] = [];

const perOp = (ms: number | undefined, count: number) =>
  ms === undefined || count <= 0 ? 'n/a' : `${(ms / count).toFixed(2)} ms`;
const percent = (share: number | undefined) =>
  share === undefined ? 'n/a' : `${(share * 100).toFixed(0)} %`;

/** A Markdown table and its notes; nothing when no run could be measured (no /proc). */
export function cpuTable(runs: readonly CpuRun[]): string[] {
  if (runs.length === 0) return [];
  const cores = runs[0]?.cpu.cores ?? 0;
  const lines = [
    `CPU per operation in each timed run (utime + stime from /proc/<pid>/stat at the window's start and end; ${cores} cores):`,
    '',
    `| run | completed | window | API | load generator | PostgreSQL | sum | of ${cores} cores × window | whole machine busy | PostgreSQL processes ended |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  let other = 0;
  for (const { run, unit, count, cpu } of runs) {
    const parties = [cpu.apiMs, cpu.loadMs, cpu.postgresMs];
    const measured = parties.filter((v): v is number => v !== undefined);
    const sum = measured.reduce((a, b) => a + b, 0);
    // The sum is left out when a party is missing: a partial sum would read as the whole.
    const complete = measured.length === parties.length;
    const capacity = complete ? sum / (cpu.cores * cpu.windowSec * 1000) : undefined;
    lines.push(
      `| ${run} | ${count} ${unit}s | ${cpu.windowSec.toFixed(2)} s | ${parties.map((v) => perOp(v, count)).join(' | ')} | ` +
        `${complete ? perOp(sum, count) : 'n/a'} | ${percent(capacity)} | ${percent(cpu.machineBusy)} | ` +
        `${cpu.postgresGone}${cpu.postgresEndedMs === undefined ? '' : `, ≤ ${perOp(cpu.postgresEndedMs, count)}`} |`,
    );
    other += cpu.otherPostgresMs ?? 0;
  }
  lines.push(
    '',
    '- Per operation: CPU ms ÷ the operations the run completed. API: the API process (idle in the pg-client runs). ' +
      'Load generator: the worker process running autocannon or the pg clients. PostgreSQL: the bench ' +
      "database's backends and the server's shared processes (WAL writer, checkpointer, background writer). " +
      'Whole machine busy: all processes, from /proc/stat; what exceeds the sum is other work on the machine.',
    "- PostgreSQL processes ended: the bench's that ended within the window, whose time in it /proc " +
      'loses (mostly idle connections closing), and at most how much that was per operation (what the ' +
      "postmaster reaped in the window, any database). Other databases' backends on the same server " +
      `spent ${(other / 1000).toFixed(1)} s of CPU in these windows (not counted above).`,
  );
  return lines;
}

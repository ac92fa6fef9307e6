/**
 * With BENCH_CPU_PROF=dir the API runs under `node --cpu-prof` and writes its profile there when it
 * stops; this prints the functions with the most self time during the measured save run
 * (bench/src/profile-summary.mjs, the summary `node bench/profile-top.mjs` prints), so a run
 * reports where the API's CPU went without a manual step (docs/benchmarks.md, "CPU profile of the
 * API under the save load").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuProfileDir } from './processes';
import { type CpuProfile, formatTopSelfTime, topSelfTime } from './profile-summary.mjs';
import type { LoadWindow } from './save';

/** Node names a profile CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile. */
function profileOf(dir: string, pid: number): string | undefined {
  const pattern = new RegExp(`^CPU\\.\\d+\\.\\d+\\.${pid}\\.0\\.\\d+\\.cpuprofile$`);
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .at(-1);
}

/** Call after the API process has exited (its profile is written on exit). */
export function printSaveProfile(pid: number | undefined, window: LoadWindow) {
  if (!cpuProfileDir) return;
  const name = pid === undefined ? undefined : profileOf(cpuProfileDir, pid);
  if (!name) {
    process.stdout.write(`No CPU profile of the API (pid ${pid}) in ${cpuProfileDir}.\n`);
    return;
  }
  const file = join(cpuProfileDir, name);
  const profile: CpuProfile = JSON.parse(readFileSync(file, 'utf8'));
  const [total, ...table] = formatTopSelfTime(topSelfTime(profile, window, 5));
  const seconds = ((window.to - window.from) / 1e6).toFixed(1);
  const out = [
    `Top five self-time functions of the API during the measured save run (${seconds} s; ${file}): ${total}`,
    '',
    ...table,
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

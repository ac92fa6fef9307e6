/**
 * Pure readers of Linux /proc text (proc(5)), for the CPU each party of a timed run spends
 * (bench/src/cpu-meter.ts, docs/benchmarks.md "How it runs").
 */

export interface ProcStat {
  pid: number;
  comm: string;
  /** utime + stime, in clock ticks (sysconf(_SC_CLK_TCK)). */
  ticks: number;
}

/**
 * Fields of /proc/<pid>/stat. The command name (field 2) sits in parentheses and may itself hold
 * spaces and parentheses, so it runs to the LAST ')'; the fields after it are space-separated:
 * state (field 3) … utime (14) and stime (15).
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  // rest[0] is field 3, so field n is rest[n - 3].
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isInteger(pid) || !Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return { pid, comm: text.slice(open + 1, close), ticks: utime + stime };
}

/** Busy and total jiffies of all CPUs together, from the first line of /proc/stat. */
export function parseMachineStat(text: string): { busy: number; total: number } | undefined {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  // user nice system idle iowait irq softirq steal (guest and guest_nice are already in user, nice).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map((v) => Number(v) || 0);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  return { busy, total: busy + (idle ?? 0) + (iowait ?? 0) };
}

/**
 * Which work a PostgreSQL server process does, from its process title (/proc/<pid>/cmdline,
 * NUL-separated and padded): a backend's title is "postgres: [cluster: ]user database host activity",
 * an autovacuum worker's names its database; the postmaster and the server's own processes
 * (checkpointer, WAL writer, background writer, launchers, parallel workers) serve every database.
 * - 'database': a backend or autovacuum worker of `database` (the bench's);
 * - 'server': the postmaster and the shared processes, which work for the bench's writes too;
 * - 'other': backends of other databases (other work on a shared server).
 */
export function postgresRole(cmdline: string, database: string): 'database' | 'server' | 'other' {
  const title = cmdline.replace(/\0/g, ' ').trim();
  if (!title.startsWith('postgres:')) return 'server';
  let words = title.slice('postgres:'.length).trim().split(/\s+/);
  // A cluster_name setting ("15/main") comes first, ending in a colon.
  if (words[0]?.endsWith(':')) words = words.slice(1);
  const name = words.join(' ');
  const autovacuum = /^autovacuum worker(?: process)? (\S+)/.exec(name);
  if (autovacuum) return autovacuum[1] === database ? 'database' : 'other';
  const shared = [
    'checkpointer',
    'background writer',
    'walwriter',
    'autovacuum launcher',
    'logical replication launcher',
    'archiver',
    'stats collector',
    'parallel worker',
    'startup',
    'walreceiver',
    'walsender',
    'logger',
  ];
  if (shared.some((s) => name.startsWith(s))) return 'server';
  return words[1] === database ? 'database' : 'other';
}

/**
 * Pure readers of Linux /proc text (proc(5)) and the PostgreSQL server's CPU between two samples
 * of it, for the CPU each party of a timed run spends (bench/src/cpu-meter.ts, docs/benchmarks.md
 * "How it runs").
 */

export interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  /** utime + stime, in clock ticks (sysconf(_SC_CLK_TCK)). */
  ticks: number;
  /** cutime + cstime: the CPU of the children it has waited for (reaped), in clock ticks. */
  childTicks: number;
}

/**
 * Fields of /proc/<pid>/stat. The command name (field 2) sits in parentheses and may itself hold
 * spaces and parentheses, so it runs to the LAST ')'; the fields after it are space-separated:
 * state (field 3), ppid (4) … utime (14), stime (15), cutime (16) and cstime (17).
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
  const [ppid, utime, stime, cutime, cstime] = [1, 11, 12, 13, 14].map((i) => Number(rest[i]));
  const numbers = [pid, ppid, utime, stime, cutime, cstime];
  if (!numbers.every((n) => n !== undefined && Number.isInteger(n))) return undefined;
  return {
    pid,
    comm: text.slice(open + 1, close),
    ppid: ppid ?? 0,
    ticks: (utime ?? 0) + (stime ?? 0),
    childTicks: (cutime ?? 0) + (cstime ?? 0),
  };
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

/** A server process as one sample of /proc saw it (bench/src/cpu-meter.ts). */
export interface PostgresProcess {
  ppid: number;
  ticks: number;
  childTicks: number;
  role: ReturnType<typeof postgresRole>;
}

/** The postmaster: the one server process whose parent is not a server process. */
function postmaster(processes: Map<number, PostgresProcess>) {
  const roots = [...processes].filter(([, p]) => !processes.has(p.ppid));
  return roots.length === 1 ? roots[0] : undefined;
}

/**
 * The server's CPU ticks between two samples: the bench database's and the shared processes', the
 * other databases', and what /proc loses. A process found only at the end started within the window:
 * all its time counts. One found only at the start ended within it and /proc keeps nothing of it
 * (`gone`); but the postmaster has reaped it, which adds its whole CPU time to the postmaster's
 * cutime + cstime. That growth, less the gone processes' ticks at the start, is the time in the
 * window of every server process that ended within it (`ended`), including those that started
 * within it too; it cannot tell databases apart, so it bounds the bench's loss. The loss is small:
 * a run's clients connect before its window and stay to its end, the API's pool stays open, and what
 * ends within a window is mostly idle (the bench's own pool closing idle connections, a previous
 * run's clients exiting).
 */
export function postgresDelta(first: Map<number, PostgresProcess>, last: Map<number, PostgresProcess>) {
  let bench = 0;
  let other = 0;
  for (const [pid, end] of last) {
    const start = first.get(pid);
    const ticks = end.ticks - (start?.ticks ?? 0);
    // The role as first seen: a process that has exited but not yet been reaped has no title.
    if ((start ?? end).role === 'other') other += ticks;
    else bench += ticks;
  }
  let gone = 0;
  let goneTicks = 0;
  for (const [pid, start] of first) {
    if (last.has(pid)) continue;
    goneTicks += start.ticks;
    if (start.role !== 'other') gone++;
  }
  const [before, after] = [postmaster(first), postmaster(last)];
  const ended =
    before && after && before[0] === after[0]
      ? Math.max(0, after[1].childTicks - before[1].childTicks - goneTicks)
      : undefined;
  return { bench, other, gone, ended };
}

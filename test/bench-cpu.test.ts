// The bench's readers of /proc and its table of CPU per operation (docs/benchmarks.md, "How it
// runs"): pure functions over the text /proc gives, so they are tested on text, not on a machine.
import { describe, expect, it } from 'vitest';
import { cpuTable } from '../bench/src/cpu-report';
import {
  type PostgresProcess,
  parseMachineStat,
  parseProcStat,
  postgresDelta,
  postgresRole,
} from '../bench/src/proc-stat';

// Fields 3-17 (state, ppid = 1, … utime = 150, stime = 30, cutime = 7, cstime = 3), then more that
// the reader ignores.
const tail = 'S 1 1234 1234 0 -1 4194560 1000 0 0 0 150 30 7 3 20 0 11 0 123456 1000 50';
const stat = { ppid: 1, ticks: 180, childTicks: 10 };

describe('parseProcStat', () => {
  it("reads the pid, the command name, the parent, utime + stime and the reaped children's", () => {
    expect(parseProcStat(`1234 (postgres) ${tail}\n`)).toEqual({ pid: 1234, comm: 'postgres', ...stat });
  });

  it('takes a command name with spaces and parentheses up to the last parenthesis', () => {
    expect(parseProcStat(`77 (a) (b c) d) ${tail}`)).toEqual({ pid: 77, comm: 'a) (b c) d', ...stat });
    expect(parseProcStat(`78 () ${tail}`)?.comm).toBe('');
  });

  it('refuses text that is not a stat line', () => {
    expect(parseProcStat('')).toBeUndefined();
    expect(parseProcStat('12 postgres S 1')).toBeUndefined();
    expect(parseProcStat('12 (postgres) S 1 2 3')).toBeUndefined();
  });
});

describe('parseMachineStat', () => {
  it('counts user, nice, system, irq, softirq and steal as busy, idle and iowait as not', () => {
    const text = 'cpu  100 5 50 800 20 3 2 10 0 0\ncpu0 50 2 25 400 10 1 1 5 0 0\nintr 1 2 3\n';
    expect(parseMachineStat(text)).toEqual({ busy: 170, total: 990 });
    expect(parseMachineStat('intr 1 2 3')).toBeUndefined();
  });
});

describe('postgresRole', () => {
  const db = 'edc_bench_42_test';
  const title = (text: string) => `${text}${' '.repeat(20)}\0`;

  it("tells the bench database's backends from other databases' backends, with or without a cluster name", () => {
    expect(postgresRole(title(`postgres: 15/main: postgres ${db} 127.0.0.1(5012) idle`), db)).toBe(
      'database',
    );
    expect(postgresRole(title(`postgres: bench ${db} [local] UPDATE`), db)).toBe('database');
    expect(postgresRole(title('postgres: 15/main: postgres edc_test_7 127.0.0.1(5013) idle'), db)).toBe(
      'other',
    );
    // A user named like the database is not the database.
    expect(postgresRole(title(`postgres: ${db} postgres 127.0.0.1(5014) idle`), db)).toBe('other');
  });

  it("counts the postmaster and the server's shared processes as the server's, autovacuum by its database", () => {
    const postmaster = '/usr/lib/postgresql/15/bin/postgres\0-D\0/var/lib/postgresql/15/main\0';
    expect(postgresRole(postmaster, db)).toBe('server');
    for (const name of ['checkpointer', 'background writer', 'walwriter', 'parallel worker for PID 9']) {
      expect(postgresRole(title(`postgres: 15/main: ${name}`), db)).toBe('server');
    }
    expect(postgresRole(title(`postgres: 15/main: autovacuum worker ${db}`), db)).toBe('database');
    expect(postgresRole(title('postgres: autovacuum worker edc_test_7'), db)).toBe('other');
  });
});

describe('postgresDelta', () => {
  const processes = (list: [number, PostgresProcess][]) => new Map(list);
  const proc = (ppid: number, ticks: number, role: PostgresProcess['role'], childTicks = 0) => ({
    ppid,
    ticks,
    childTicks,
    role,
  });

  it("sums the bench's and the shared processes' ticks, the other databases' apart, and bounds what ended", () => {
    const first = processes([
      [100, proc(1, 40, 'server', 1000)], // the postmaster
      [101, proc(100, 5, 'server')], // checkpointer
      [110, proc(100, 50, 'database')],
      [111, proc(100, 20, 'other')],
      [112, proc(100, 30, 'database')], // ends within the window after 3 more ticks
      [113, proc(100, 9, 'other')], // exited, not yet reaped at the end: no title then
    ]);
    const last = processes([
      // Reaped: 112 (33 ticks) and one that started and ended within the window (4 ticks).
      [100, proc(1, 41, 'server', 1037)],
      [101, proc(100, 7, 'server')],
      [110, proc(100, 80, 'database')],
      [111, proc(100, 25, 'other')],
      [113, proc(100, 11, 'server')],
      [120, proc(100, 6, 'database')], // started within the window
    ]);
    expect(postgresDelta(first, last)).toEqual({
      bench: 1 + 2 + 30 + 6,
      other: 5 + 2,
      gone: 1,
      ended: 3 + 4,
    });
  });

  it('leaves the bound out when the postmaster is not the same one at both ends', () => {
    const first = processes([[100, proc(1, 40, 'server', 1000)]]);
    const last = processes([[200, proc(1, 1, 'server', 0)]]);
    expect(postgresDelta(first, last).ended).toBeUndefined();
  });
});

describe('cpuTable', () => {
  const cpu = { windowSec: 10, cores: 2, apiMs: 4000, loadMs: 1000, postgresMs: 5000, postgresGone: 1 };

  it('prints CPU ms per operation for each party, their sum and its share of the cores over the window', () => {
    const lines = cpuTable([
      {
        run: 'save (HTTP)',
        unit: 'save',
        count: 1000,
        cpu: { ...cpu, machineBusy: 0.9, otherPostgresMs: 1500, postgresEndedMs: 20 },
      },
      { run: 'raw', unit: 'insert', count: 4000, cpu: { ...cpu, apiMs: 0, postgresMs: undefined } },
    ]);
    expect(lines[2]).toBe(
      '| run | completed | window | API | load generator | PostgreSQL | sum | of 2 cores × window | ' +
        'whole machine busy | PostgreSQL processes ended |',
    );
    expect(lines[4]).toBe(
      '| save (HTTP) | 1000 saves | 10.00 s | 4.00 ms | 1.00 ms | 5.00 ms | 10.00 ms | 50 % | 90 % | 1, ≤ 0.02 ms |',
    );
    // A party /proc could not read leaves the sum and the share out rather than understating them.
    expect(lines[5]).toBe('| raw | 4000 inserts | 10.00 s | 0.00 ms | 0.25 ms | n/a | n/a | n/a | n/a | 1 |');
    expect(lines.at(-1)).toMatch(/backends on the same server spent 1\.5 s of CPU in these windows/);
  });

  it('prints nothing when no run was measured', () => {
    expect(cpuTable([])).toEqual([]);
  });
});

// The bench's readers of /proc and its table of CPU per operation (docs/benchmarks.md, "How it
// runs"): pure functions over the text /proc gives, so they are tested on text, not on a machine.
import { describe, expect, it } from 'vitest';
import { cpuTable } from '../bench/src/cpu-report';
import { parseMachineStat, parseProcStat, postgresRole } from '../bench/src/proc-stat';

// Fields 3-15 (state … utime = 150, stime = 30), then more that the reader ignores.
const tail = 'S 1 1234 1234 0 -1 4194560 1000 0 0 0 150 30 0 0 20 0 11 0 123456 1000 50';

describe('parseProcStat', () => {
  it('reads the pid, the command name and utime + stime', () => {
    expect(parseProcStat(`1234 (postgres) ${tail}\n`)).toEqual({ pid: 1234, comm: 'postgres', ticks: 180 });
  });

  it('takes a command name with spaces and parentheses up to the last parenthesis', () => {
    expect(parseProcStat(`77 (a) (b c) d) ${tail}`)).toEqual({ pid: 77, comm: 'a) (b c) d', ticks: 180 });
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

describe('cpuTable', () => {
  const cpu = { windowSec: 10, cores: 2, apiMs: 4000, loadMs: 1000, postgresMs: 5000, postgresGone: 1 };

  it('prints CPU ms per operation for each party, their sum and its share of the cores over the window', () => {
    const lines = cpuTable([
      {
        run: 'save (HTTP)',
        unit: 'save',
        count: 1000,
        cpu: { ...cpu, machineBusy: 0.9, otherPostgresMs: 1500 },
      },
      { run: 'raw', unit: 'insert', count: 4000, cpu: { ...cpu, apiMs: 0, postgresMs: undefined } },
    ]);
    expect(lines[2]).toBe(
      '| run | completed | window | API | load generator | PostgreSQL | sum | of 2 cores × window | whole machine busy |',
    );
    expect(lines[4]).toBe(
      '| save (HTTP) | 1000 saves | 10.00 s | 4.00 ms | 1.00 ms | 5.00 ms | 10.00 ms | 50 % | 90 % |',
    );
    // A party /proc could not read leaves the sum and the share out rather than understating them.
    expect(lines[5]).toBe('| raw | 4000 inserts | 10.00 s | 0.00 ms | 0.25 ms | n/a | n/a | n/a | n/a |');
    expect(lines.at(-1)).toMatch(/spent 1\.5 s of CPU .*; 2 of the bench's PostgreSQL processes ended/);
  });

  it('prints nothing when no run was measured', () => {
    expect(cpuTable([])).toEqual([]);
  });
});

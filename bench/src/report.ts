/** The bench's result table and notes, filled by each benchmark and printed once at the end. */
import os from 'node:os';
import { cpuRuns, cpuTable } from './cpu-report';
import type { LoadResult } from './protocol';

export interface Row {
  figure: string;
  edc: string;
  baseline: string;
  ratio: string;
  target: string;
  met: string;
}

export const rows: Row[] = [];
export const notes: string[] = [];

export const log = (message: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

export function statusSummary(result: LoadResult) {
  return Object.entries(result.statuses)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
}

export function non2xx(result: LoadResult) {
  return Object.entries(result.statuses)
    .filter(([code]) => !code.startsWith('2') && code !== 'ok')
    .reduce((n, [, count]) => n + count, 0);
}

/** The table and its notes, with the machine and its load average before and after the run. */
export function printTable(facts: Record<string, string>) {
  const header: Row = {
    figure: 'Figure',
    edc: 'mini-EDC',
    baseline: 'Baseline (same run)',
    ratio: 'Ratio',
    target: 'Target',
    met: 'Met',
  };
  const keys = Object.keys(header) as (keyof Row)[];
  const line = (r: Row) => `| ${keys.map((k) => r[k]).join(' | ')} |`;
  const out = [
    '',
    `Machine: ${facts.cpu}; ${facts.memory} RAM; ${facts.os}`,
    `Database: ${facts.postgres}`,
    `Node: ${facts.node}; run: ${new Date().toISOString()}`,
    `Load average (1/5/15 min) before the run: ${facts.load}; after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
    '',
    line(header),
    `| ${keys.map(() => '---').join(' | ')} |`,
    ...rows.map(line),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    ...cpuTable(cpuRuns),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

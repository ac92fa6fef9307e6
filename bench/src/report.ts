/** The bench's result table and notes, filled by each benchmark and printed once at the end. */
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

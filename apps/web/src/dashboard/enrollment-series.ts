/** Months and cumulative counts for the enrollment chart (pure, so it is unit-tested). */

export interface MonthCount {
  month: string;
  cumulative: number;
}

export interface Series {
  key: string;
  label: string;
  /** Cumulative count at the end of each month of `months` (carried forward where none). */
  values: number[];
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from the first enrollment (or `last`) to `last`, inclusive; at most 120. */
export function monthRange(series: readonly (readonly MonthCount[])[], last: string): string[] {
  const firsts = series.flatMap((s) => s.map((m) => m.month)).sort();
  const first = firsts[0] && firsts[0] < last ? firsts[0] : last;
  const months: string[] = [];
  for (let m = first; m <= last && months.length < 120; m = nextMonth(m)) months.push(m);
  return months;
}

/** Cumulative values on the month axis; months without enrollment keep the previous total. */
export function cumulativeOn(months: readonly string[], counts: readonly MonthCount[]): number[] {
  const byMonth = new Map(counts.map((c) => [c.month, c.cumulative]));
  let current = 0;
  return months.map((m) => {
    current = byMonth.get(m) ?? current;
    return current;
  });
}

/** A round upper bound for the y axis that leaves the target visible. */
export function axisMax(target: number, values: readonly number[]): number {
  const top = Math.max(target, ...values, 1);
  const step = top > 50 ? 10 : 5;
  return Math.ceil((top * 1.05) / step) * step;
}

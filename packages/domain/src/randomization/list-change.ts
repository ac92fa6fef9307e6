/**
 * Correcting the list in use (docs/requirements.md R-RAND-5): a replacement or an extension is
 * appended as a segment after the slots already there. No stratum restarts at seq 1 and no block
 * is left half-used: the slots still free (the rest of a started block included) are handed out
 * first, and the segment's seq continues from the last slot of its stratum.
 */

/** One stratum of the list in use: every segment counted. */
export interface StratumUse {
  stratum: string;
  total: number;
  assigned: number;
}

/** What a correction does to one stratum, shown before it is confirmed. */
export interface StratumChange {
  stratum: string;
  /** Slots already assigned. */
  used: number;
  /** Slots still free before the new ones. */
  remaining: number;
  /** Slots the correction appends (for a generated list, at least this many: blocks stay whole). */
  toAppend: number;
  /** The seq the first appended slot gets. */
  firstNewSeq: number | null;
  /** The stratum is new to the list (a site added after it). */
  added: boolean;
}

/**
 * Per stratum, what appending `incoming` slots to the list in use changes; strata of the list that
 * the correction does not touch are listed too, with nothing to append.
 */
export function planListChange(
  current: readonly StratumUse[],
  incoming: Readonly<Record<string, number>>,
): StratumChange[] {
  const byStratum = new Map(current.map((c) => [c.stratum, c]));
  const strata = [...new Set([...current.map((c) => c.stratum), ...Object.keys(incoming)])].sort();
  return strata.map((stratum) => {
    const use = byStratum.get(stratum);
    const total = use?.total ?? 0;
    const toAppend = incoming[stratum] ?? 0;
    return {
      stratum,
      used: use?.assigned ?? 0,
      remaining: total - (use?.assigned ?? 0),
      toAppend,
      firstNewSeq: toAppend > 0 ? total + 1 : null,
      added: use === undefined && toAppend > 0,
    };
  });
}

/** The seq offsets of a segment appended to the list in use: per stratum, the slots before it. */
export function segmentOffsets(
  current: readonly StratumUse[],
  strata: readonly string[],
): Record<string, number> {
  const totals = new Map(current.map((c) => [c.stratum, c.total]));
  return Object.fromEntries(strata.map((s) => [s, totals.get(s) ?? 0]));
}

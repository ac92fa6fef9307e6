/** Types of bench/src/profile-summary.mjs. */

/** The parts of a V8 CPU profile (node --cpu-prof) the summary reads; times in microseconds. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  /** Monotonic clock, the one process.hrtime() reads. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimeSummary {
  /** Time covered by the samples in the window, idle included. */
  sampledMicros: number;
  busyMicros: number;
  /** The functions with the most self time, most first; share is of the non-idle time. */
  top: { name: string; micros: number; share: number }[];
}

/** `window`: only samples taken at or between these monotonic times (µs, as profile.startTime). */
export declare function topSelfTime(
  profile: CpuProfile,
  window?: { from?: number; to?: number },
  count?: number,
): SelfTimeSummary;

/** A one-line total and a Markdown table of the top functions. */
export declare function formatTopSelfTime(summary: SelfTimeSummary): string[];

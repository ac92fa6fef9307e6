import type { CeilingActor } from './ceiling';
import type { CpuTargets, CpuUse } from './cpu-meter';
import type { GetReadsInput } from './get-reads';

/** Messages between the bench (parent) and its load worker (a child process running autocannon). */

export interface Session {
  cookie: string;
  csrf: string;
}

/** One target of a load job: a base URL, the session to send, and what to call. */
export interface SaveJob {
  kind: 'save';
  base: string;
  session: Session;
  participantIds: string[];
  /** Index where this run starts in the request sequence (a warm-up consumes the first ones). */
  startAt: number;
  connections: number;
  durationSec: number;
}

export interface GetJob {
  kind: 'get';
  url: string;
  cookie?: string;
  connections: number;
  durationSec: number;
}

export interface RandomizeJob {
  kind: 'randomize';
  targets: { base: string; session: Session; participantIds: string[]; amount: number }[];
  connectionsPerTarget: number;
}

export interface RawInsertJob {
  kind: 'raw-insert';
  databaseUrl: string;
  table: string;
  siteId: string;
  participantIds: string[];
  clients: number;
  durationSec: number;
}

/**
 * The database ceiling of a save (bench/src/ceiling.ts): one round trip per save, no HTTP, a fixed
 * list of steps (those the API answered) instead of a duration, after the API's warm-up steps.
 */
export interface CeilingJob {
  kind: 'ceiling';
  databaseUrl: string;
  actor: CeilingActor;
  siteId: string;
  warmupParticipantIds: string[];
  warmupSteps: number[];
  participantIds: string[];
  steps: number[];
  clients: number;
}

/** The reads of GET /participants/:id issued by pg clients (bench/src/get-reads.ts), no HTTP. */
export interface GetReadsJob {
  kind: 'get-reads';
  databaseUrl: string;
  input: GetReadsInput;
  clients: number;
  durationSec: number;
}

/** With `cpu`, the worker measures each party's CPU over the job's timed window (bench/src/cpu-meter.ts). */
export type LoadJob = (SaveJob | GetJob | RandomizeJob | RawInsertJob | CeilingJob | GetReadsJob) & {
  cpu?: CpuTargets;
};

export interface LoadResult {
  /** Completed requests (or inserts) per second over the measured run. */
  perSec: number;
  total: number;
  p50: number;
  p99: number;
  durationSec: number;
  /** Status code → count; for raw inserts, 'ok' and 'error'. */
  statuses: Record<string, number>;
  errors: number;
  /** Randomize only: the slot seq of every successful answer. */
  seqs?: number[];
  /** Save only: the step k (bench/src/forms.ts) of every 2xx answer, ascending. */
  steps?: number[];
  /**
   * Fixed-count runs only: the drain at the end, from the moment the first client found no item
   * left (fewer clients than before have work from then on) to the last answer, and the answers in it.
   */
  drain?: { sec: number; answers: number };
  /** Jobs sent with `cpu` (not randomize): the CPU each party spent in the timed window. */
  cpu?: CpuUse;
}

export type WorkerMessage = { ok: true; results: LoadResult[] } | { ok: false; error: string };

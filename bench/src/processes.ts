import { type ChildProcess, fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadResult, WorkerMessage } from './protocol';

export const serverJs = fileURLToPath(new URL('../../apps/api/dist/server.js', import.meta.url));

/** BENCH_CPU_PROF=dir: the API writes a V8 CPU profile there when it stops (bench/src/api-profile.ts). */
export const cpuProfileDir = process.env.BENCH_CPU_PROF || undefined;

export interface Running {
  child: ChildProcess;
  base: string;
  /** performance.now() when the process was spawned (to place a load run in its CPU profile). */
  startedAt: number;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

/** Kills every child still running (on failure or interruption); the bench's own children only. */
export function killAllChildren() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
}

function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
  timeoutMs = 60_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start in time:\n${out}\n${err}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (err.length > 20_000) err = err.slice(-10_000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${out}\n${err}`));
    });
  });
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 12_000);
      child.once('exit', () => {
        clearTimeout(kill);
        children.delete(child);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Starts the built API (apps/api/dist/server.js) on a free loopback port against databaseUrl. */
export async function startApi(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Running> {
  if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: run \`pnpm build\` first`);
  const nodeArgs = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, serverJs], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      EDC_SEED_DEMO: 'false',
      EDC_LOGIN_RATE_PER_MINUTE: '1000000',
      // Randomizing 1 000 participants needs more than the trial's cap of 75 (load tests only).
      EDC_ENROLLMENT_CAP: '1000000',
      // The bench measures the API; the web bundle is not served.
      EDC_WEB_DIST: fileURLToPath(new URL('./no-web-dist', import.meta.url)),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const startedAt = performance.now();
  const port = await waitForLine(child, /running at http:\/\/[^:]+:(\d+)/, 'the API');
  return { child, base: `http://127.0.0.1:${port}`, startedAt, stop: stopper(child) };
}

/** Starts the bare Fastify baseline server answering payloadFile's JSON at /participant. */
export async function startBare(payloadFile: string): Promise<Running> {
  const script = fileURLToPath(new URL('./bare-server.js', import.meta.url));
  const child = spawn(process.execPath, [script, payloadFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const startedAt = performance.now();
  const address = await waitForLine(child, /listening at (http:\/\/\S+)/, 'the bare Fastify server');
  return { child, base: address, startedAt, stop: stopper(child) };
}

/** Runs one load job in a fresh child process (autocannon or pg clients) and returns its results. */
export function runLoad(job: LoadJob): Promise<LoadResult[]> {
  const script = fileURLToPath(new URL('./load-worker.js', import.meta.url));
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    let answered = false;
    child.once('message', (message: WorkerMessage) => {
      answered = true;
      if (message.ok) resolve(message.results);
      else reject(new Error(`load worker failed: ${message.error}`));
    });
    child.once('exit', (code) => {
      children.delete(child);
      if (!answered) reject(new Error(`load worker exited with ${code} without an answer`));
    });
    child.send(job);
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * A second server on its own fresh embedded database with the demo study seeded, for a journey
 * that changes the whole study (locking it, releasing the allocation) and so must not share the
 * database the other journeys use. Like scripts/serve-fresh.mjs, in a folder of its own.
 */
export interface OwnServer {
  baseURL: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startOwnServer(name: string): Promise<OwnServer> {
  const dataDir = fileURLToPath(new URL(`../../.output/data-${name}`, import.meta.url));
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const server: ChildProcess = spawn(
    process.execPath,
    [fileURLToPath(new URL('../../../apps/api/dist/server.js', import.meta.url))],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        EDC_LOGIN_RATE_PER_MINUTE: '1000',
        EDC_DATA_DIR: dataDir,
        EDC_SEED_DEMO: 'true',
        NODE_ENV: 'production',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
    },
  );
  const baseURL = `http://127.0.0.1:${port}`;
  // Migrating and seeding a new embedded database is slow on a busy machine: up to 3 minutes.
  for (let i = 0; i < 360; i++) {
    if (server.exitCode !== null) throw new Error(`the ${name} server exited with ${server.exitCode}`);
    const ok = await fetch(`${baseURL}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseURL,
    stop: () =>
      new Promise((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

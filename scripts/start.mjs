#!/usr/bin/env node
// `npm start`: install, build, then run the server, which migrates the database and seeds the demo
// study on first start. One process, one port.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pnpm, repoRoot } from './pnpm.mjs';

pnpm(['install', '--frozen-lockfile']);
pnpm(['run', 'build']);

const server = spawn(process.execPath, [join(repoRoot, 'apps/api/dist/server.js')], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { EDC_SEED_DEMO: 'true', NODE_ENV: 'production', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));

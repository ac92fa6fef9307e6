#!/usr/bin/env node
// Fails when the drizzle schema and the committed migrations disagree (conventions §13): runs
// drizzle-kit generate and checks that it wanted to write nothing.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './pnpm.mjs';

const migrations = join(repoRoot, 'migrations');
const meta = join(migrations, 'meta');
const before = new Set(readdirSync(migrations));
const metaBefore = new Set(readdirSync(meta));
const result = spawnSync('npx', ['drizzle-kit', 'generate', '--name', 'drift_check'], {
  cwd: join(repoRoot, 'packages/db'),
  encoding: 'utf8',
});
const created = readdirSync(migrations).filter((f) => !before.has(f));
if (result.status !== 0) {
  process.stderr.write(result.stdout + result.stderr);
  process.exit(result.status ?? 1);
}
if (created.length > 0) {
  for (const f of created) rmSync(join(migrations, f));
  for (const f of readdirSync(meta).filter((name) => !metaBefore.has(name))) rmSync(join(meta, f));
  spawnSync('git', ['checkout', '--', 'migrations/meta'], { cwd: repoRoot });
  console.error(
    `The drizzle schema has changes without a migration (drizzle-kit wanted ${created.join(', ')}).`,
  );
  console.error('Run `pnpm db:generate` and commit the migration.');
  process.exit(1);
}
console.log('migrations match the drizzle schema');

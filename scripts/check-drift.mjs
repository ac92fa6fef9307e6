#!/usr/bin/env node
// Fails when a generated file drifts from its source: the drizzle schema and the committed
// migrations (drizzle-kit generate must want to write nothing), and docs/capabilities.md and the
// access policy (scripts/capabilities-doc.mjs).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { capabilitiesDocIsCurrent } from './capabilities-doc.mjs';
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

if (!(await capabilitiesDocIsCurrent())) {
  console.error('docs/capabilities.md is stale: run `node scripts/capabilities-doc.mjs` and commit it.');
  process.exit(1);
}
console.log('docs/capabilities.md matches the access policy');

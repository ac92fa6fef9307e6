#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's packageManager, fetched through npx when the
// machine has no pnpm of that version. A newcomer needs only Node and npm.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
const version = pinned.split('@')[1];

function localPnpmMatches() {
  try {
    return (
      execFileSync('pnpm', ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() === version
    );
  } catch {
    return false;
  }
}

const useLocal = localPnpmMatches();

/** Runs pnpm with the given arguments from the repository root; exits the process on failure. */
export function pnpm(args, options = {}) {
  const [cmd, cmdArgs] = useLocal ? ['pnpm', args] : ['npx', ['--yes', `pnpm@${version}`, ...args]];
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

export const repoRoot = root;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  pnpm(process.argv.slice(2));
}

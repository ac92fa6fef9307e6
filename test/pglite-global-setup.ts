import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writePgliteSnapshot } from '../packages/db/src/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

/** Migrates one PGlite data directory per run; each test file loads its own copy of it. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'edc-pglite-'));
  const path = join(dir, 'migrated.tar');
  await writePgliteSnapshot(path);
  project.provide('pgliteSnapshot', path);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

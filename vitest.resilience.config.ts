import { defineConfig } from 'vitest/config';

/**
 * The process-level resilience suite (docs/testing.md, "resilience"): the BUILT server (apps/api/dist/server.js, so run
 * `pnpm build` first) as child processes on real PostgreSQL, killed with -9, its connections
 * terminated, two of them on one database. Files run one at a time: they load the machine and
 * the timing of kills matters more than speed.
 *   npx vitest run -c vitest.resilience.config.ts
 */
export default defineConfig({
  test: {
    name: 'resilience',
    include: ['apps/api/test/resilience/**/*.test.ts'],
    env: { EDC_TEST_DB: 'pg', EDC_RESILIENCE: '1' },
    globalSetup: ['test/pg-global-setup.ts'],
    setupFiles: ['test/pg-setup-file.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

// The test set that `npm run mutation` (stryker.config.mjs) runs against each mutant of
// packages/domain: that package's own unit tests, nothing that needs a database.
export default defineConfig({
  test: {
    include: ['packages/domain/test/**/*.test.ts'],
    // Instrumented code is several times slower (sha256 of a million bytes in particular).
    testTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});

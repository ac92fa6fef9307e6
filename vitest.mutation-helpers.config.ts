import { defineConfig } from 'vitest/config';

// The tests that `npm run mutation:helpers` (stryker.helpers.config.mjs) runs against each mutant of
// the audit and site-scope helpers: the few integration files that exercise them, on PGlite only,
// since every mutant starts a database (docs/testing.md "Mutation testing").
export default defineConfig({
  test: {
    include: [
      'packages/db/test/audit.test.ts',
      'packages/db/test/audit-tamper.test.ts',
      'apps/api/test/trial-guards.test.ts',
      'apps/api/test/blinded-surfaces.test.ts',
      'apps/api/test/visible-forms.test.ts',
    ],
    env: { EDC_TEST_DB: 'pglite' },
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});

// @ts-check
// Mutation testing of the audit and site-scope helpers (docs/testing.md "Mutation testing"):
// `npm run mutation:helpers`. Each mutant runs integration tests on a fresh PGlite, so this is
// slower per mutant than the domain run and is kept apart from it (and from `npm test`).
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-helpers.config.ts', related: false },
  mutate: ['apps/api/src/services/scope.ts', 'packages/db/src/audit.ts'],
  incrementalFile: 'reports/stryker-helpers-incremental.json',
  jsonReporter: { fileName: 'reports/mutation-helpers/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation-helpers/index.html' },
  tempDirName: '.stryker-tmp-helpers',
};

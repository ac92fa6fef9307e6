// @ts-check
// Mutation testing of the pure trial rules (docs/testing.md "Mutation"): `npm run mutation`.
// Not part of `npm test`: on a 2-core machine it takes hours for the whole package, so it runs
// one mutant at a time and can be narrowed, e.g. `npm run mutation -- --mutate 'packages/domain/src/scoring/**'`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'packages/domain/src/**/*.ts',
    '!packages/domain/src/index.ts',
    // The trial's own definition is data (forms, labels, criteria wording), checked by
    // definition-checks.ts and the study-definition tests; mutating its strings tests nothing.
    '!packages/domain/src/study/lbp-trial*.ts',
  ],
  coverageAnalysis: 'perTest',
  // Module-level constants would need the whole suite per mutant; their uses are mutated anyway.
  ignoreStatic: true,
  concurrency: 1,
  // A shared machine under load runs a test several times slower than during the dry run.
  timeoutMS: 60_000,
  timeoutFactor: 3,
  // The dry run (every domain test once, with per-test coverage) took over 5 minutes, Stryker's
  // default limit, while other work shared the machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

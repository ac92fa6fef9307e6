import { connect } from 'node:net';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const integrationFiles = ['packages/db/test/**/*.test.ts', 'apps/api/test/**/*.test.ts'];
// Process-level resilience tests (kill -9, terminated backends) run on their own: npm run test:resilience.
const resilienceFiles = ['apps/api/test/resilience/**'];

const pgUrl = new URL(process.env.EDC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');

/** What to do about it, as the README's "Tests" section says (docs/adr/0005). */
const noPostgres = [
  `PostgreSQL is not reachable at ${pgUrl.host}: the integration suite runs on PGlite only.`,
  'For the PostgreSQL pass, start one with `docker compose up -d db` and run',
  '  EDC_TEST_PG_URL=postgres://edc:change-me@127.0.0.1:5433/edc npm test',
  'or set EDC_TEST_PG_URL to any PostgreSQL 15+ whose user may create databases.',
].join('\n');

function postgresReachable(): Promise<boolean> {
  const url = pgUrl;
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 5432) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

// The integration projects run their files one after another in each worker without isolating
// them (isolate: false): each file still opens its own database (packages/db/src/testing.ts), but
// the API's modules and PGlite's WebAssembly are loaded once per worker instead of once per file,
// which halved the suite (docs/testing.md, "Time"). No integration test mocks a module, so a
// module shared between files holds nothing a test relies on being fresh.
// Timeouts only catch hangs, so they are generous: on a shared 2-core machine at a load average
// of 45, starting PGlite and migrating took over 60 s in a beforeAll, and a unit test that
// compiles a schema over 5 s.
const slowTest = 120_000;
const slowHook = 300_000;

export default defineConfig(async () => {
  // CI always runs the PostgreSQL project (and fails if the server is missing). A newcomer
  // without a server still gets the whole integration suite on the embedded PGlite.
  const runPg = process.env.CI === 'true' || (await postgresReachable());
  if (!runPg) {
    console.warn(noPostgres);
  }
  const projects: TestProjectInlineConfiguration[] = [
    {
      test: {
        name: 'unit',
        include: ['packages/domain/test/**/*.test.ts', 'apps/web/test/**/*.test.ts', 'test/**/*.test.ts'],
        testTimeout: 30_000,
      },
    },
    {
      // React components of the web app rendered in happy-dom with Testing Library: no server, no
      // browser, so they stay as fast as the unit project (docs/testing.md, "Web components").
      test: {
        name: 'web',
        include: ['apps/web/test/components/**/*.test.tsx'],
        environment: 'happy-dom',
        setupFiles: ['apps/web/test/components/setup.ts'],
        testTimeout: 30_000,
      },
    },
    {
      test: {
        name: 'pglite',
        include: integrationFiles,
        exclude: resilienceFiles,
        env: { EDC_TEST_DB: 'pglite' },
        globalSetup: ['test/pglite-global-setup.ts'],
        setupFiles: ['test/pglite-setup-file.ts'],
        testTimeout: slowTest,
        hookTimeout: slowHook,
        isolate: false,
      },
    },
  ];
  if (runPg) {
    projects.push({
      test: {
        name: 'pg',
        include: integrationFiles,
        exclude: resilienceFiles,
        env: { EDC_TEST_DB: 'pg' },
        globalSetup: ['test/pg-global-setup.ts'],
        setupFiles: ['test/pg-setup-file.ts'],
        testTimeout: slowTest,
        hookTimeout: slowHook,
        isolate: false,
      },
    });
  }
  return {
    test: {
      projects,
      pool: 'forks',
      maxWorkers: 2,
    },
  };
});

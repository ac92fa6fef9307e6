import { defineConfig, devices } from '@playwright/test';
import { findChromium, NoChromiumError } from '../scripts/find-chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 3123);

/**
 * The browser: CHROMIUM_PATH, Playwright's own, the system's, or the one inside an npm package
 * (scripts/find-chromium.mjs). With none, the run stops here with the one line naming the options
 * instead of failing every test.
 */
async function browser() {
  try {
    return await findChromium();
  } catch (error) {
    if (!(error instanceof NoChromiumError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const chromium = await browser();

/**
 * Specs the tablet project leaves out, each for its reason. Every bedside journey (screening,
 * randomization, baseline and follow-up entry, the assessor, correcting and signing, queries
 * answered beside the field, the keyboard, the grid, the sign-in page) runs in both projects.
 */
const tabletIgnores = [
  // Server behaviour, the same bytes and headers whatever the viewport: compression, caching,
  // chunks by language, the Content-Security-Policy; the start page's health check.
  'delivery.spec.ts',
  'home.spec.ts',
  // `npm run backup` against the running server, shown on the admin's sites screen: what the
  // command does is the same whatever the screen, and the panel is desk work.
  'backup.spec.ts',
  // Admin desk work: users and sites, the randomization list, amendments, close-out and unblinding
  // (the last two on servers of their own).
  'admin.spec.ts',
  'list-correction.spec.ts',
  'amendment.spec.ts',
  'journey-closeout.spec.ts',
  // Monitor desk work: the audit trail and its review, the dashboard, exports. journey-monitor
  // runs at 1280 × 900 in both projects and checks the audit cards at tablet width itself.
  'audit-review.spec.ts',
  'journey-monitor.spec.ts',
  'exports.spec.ts',
  // axe on the monitors' and admins' screens; a11y.spec.ts (public and site staff screens) runs
  // in both projects.
  'a11y-desk.spec.ts',
];

/**
 * Drives the built app (apps/api/dist serving apps/web/dist) in headless Chromium; no browser
 * download. Each run starts the server on a fresh embedded database.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: './.output/results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  // A journey is a dozen screens; on a shared 2-core machine under load each step can take seconds
  // (an axe scan of the audit page took 40 s at a load average of 34), so the defaults (30 s a test,
  // 5 s an expectation) fail tests that are only slow.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium.executablePath,
      // Any E2E_PORT works, even one Chromium blocks by default (3659, 6000, ...).
      args: [...chromium.args, `--explicitly-allowed-ports=${port}`],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      // tablet-layout opens its own portrait and landscape tablets whatever the project's size: run
      // on desktop it repeated the tablet run's four tests exactly.
      testIgnore: ['tablet-layout.spec.ts'],
    },
    // Coordinators enter data at the bedside on tablets: the bedside journeys again at an
    // iPad-sized viewport with touch, in the same Chromium. `pnpm test` runs each project in its
    // own invocation, so each gets a fresh server and database.
    {
      name: 'tablet',
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        viewport: { width: 768, height: 1024 },
        hasTouch: true,
      },
      // Desktop only: what the server does, whatever the screen, and the desk work of admins and
      // monitors, which is not done at the bedside (docs/testing.md, "End-to-end: time").
      testIgnore: tabletIgnores,
    },
  ],
  webServer: {
    command: 'node scripts/serve-fresh.mjs',
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    // Generous: the first start migrates and seeds a new embedded database, slow on a busy machine.
    timeout: 180_000,
    env: { PORT: String(port), LOG_LEVEL: 'warn' },
  },
});

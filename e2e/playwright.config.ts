import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3123);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Drives the built app (apps/api/dist serving apps/web/dist) in Debian's headless Chromium; no
 * browser download. Each run starts the server on a fresh embedded database.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: './.output/results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    // Coordinators enter data at the bedside on tablets (issue 9 item 5): every journey again at
    // an iPad-sized viewport with touch, in the same Chromium. `pnpm test` runs each project in its
    // own invocation, so each gets a fresh server and database.
    {
      name: 'tablet',
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        viewport: { width: 768, height: 1024 },
        hasTouch: true,
      },
    },
  ],
  webServer: {
    command: 'node scripts/serve-fresh.mjs',
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(port), LOG_LEVEL: 'warn' },
  },
});

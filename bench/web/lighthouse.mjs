// `npm run bench:web` (builds first): Lighthouse on the built app as a clinic tablet and a desktop
// see it. Starts apps/api/dist/server.js on a free loopback port with a fresh embedded database
// and the demo accounts, signs in through the API as the demo coordinator, creates one consented
// participant, then audits three pages in the Chromium that scripts/find-chromium.mjs finds (the
// one the e2e suite uses), each with Lighthouse's mobile profile (slow 4G, 4x CPU slowdown,
// simulated) and its desktop profile:
//   the sign-in page (signed out), the participant list, the baseline ODI form (signed in: the
//   session cookie goes with every request).
// Prints a Markdown table for docs/benchmarks.md. Settings: BENCH_WEB_RUNS (runs per page and
// profile, the median by performance score is shown; default 3), BENCH_WEB_JSON (a folder to keep
// each Lighthouse report in), BENCH_WEB_PAGES and BENCH_WEB_PROFILES (comma-separated subsets, e.g.
// "list,odi" and "mobile"; default all: sign-in, list, odi; mobile, desktop). Lighthouse is pinned to 12.2.3: later versions refuse Node 20.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { findChromium } from '../../scripts/find-chromium.mjs';

// The Puppeteer that Lighthouse itself drives Chromium with (one of its dependencies).
const puppeteer = createRequire(createRequire(import.meta.url).resolve('lighthouse'))('puppeteer-core');

const runs = Number(process.env.BENCH_WEB_RUNS ?? 3);
const keepJson = process.env.BENCH_WEB_JSON;
const chosen = (value, all) => (value ? value.split(',').map((v) => v.trim()) : all);
const pageKeys = chosen(process.env.BENCH_WEB_PAGES, ['sign-in', 'list', 'odi']);
const profiles = chosen(process.env.BENCH_WEB_PROFILES, ['mobile', 'desktop']);
const server = fileURLToPath(new URL('../../apps/api/dist/server.js', import.meta.url));
const log = (message) => process.stderr.write(`[bench:web] ${message}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startServer(port, dataDir) {
  // The embedded database: a PostgreSQL URL in the environment is not used here.
  const { DATABASE_URL: _unused, ...env } = process.env;
  const child = spawn(process.execPath, [server], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      EDC_DATA_DIR: dataDir,
      EDC_SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('the server did not start within 5 minutes');
}

/** Signs in as the demo coordinator and makes a consented participant with a baseline visit. */
async function prepare(base) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': 'login' },
    // The demo password of apps/api/src/seed/demo.ts (the old one no longer meets the password policy).
    body: JSON.stringify({ email: 'coordinator@demo.edc', password: 'Vapur-Pusula-42' }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const session = await login.json();
  const call = async (method, path, body) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const day = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const siteId = session.user.sites[0].id;
  const p = await call('POST', '/participants', { siteId, screenedAt: day(2) });
  await call('PUT', `/participants/${p.id}/visits/SCR/forms/demographics`, {
    status: 'complete',
    data: { birth_year: 1980, sex: 'female', height_cm: 165, weight_kg: 62, pain_duration_months: 14 },
  });
  const answers = { I1: 'yes', I2: 'yes', I3: 'yes', I4: 'yes' };
  for (let i = 1; i <= 11; i++) answers[`E${i}`] = 'no';
  await call('PUT', `/participants/${p.id}/eligibility`, { answers });
  await call('PUT', `/participants/${p.id}/visits/SCR/forms/consent`, {
    status: 'complete',
    data: { consent_date: day(1), icf_version: '1.0', obtained_by: 'Dr. Bench' },
  });
  return { cookie, odiPath: `/participants/${p.id}/visits/BL/forms/odi` };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function summarize(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scripts = lhr.audits['resource-summary']?.details?.items?.find((i) => i.resourceType === 'script');
  return {
    performance: lhr.categories.performance.score,
    accessibility: lhr.categories.accessibility.score,
    bestPractices: lhr.categories['best-practices'].score,
    version: lhr.lighthouseVersion,
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si: audit('speed-index'),
    bytes: audit('total-byte-weight'),
    scriptBytes: scripts?.transferSize ?? Number.NaN,
    failed: [...Object.values(lhr.categories)]
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
      .map((a) => a.id),
  };
}

/**
 * The browser's cookie jar holds the session (or nothing, for the sign-in page), as a signed-in
 * browser's does. A Cookie header passed to Lighthouse is dropped by Chromium as soon as the jar
 * holds a cookie for the site (the app writes its language into one), and the page then measured
 * was the sign-in screen. Lighthouse resets storage but keeps cookies.
 */
async function useSession(port, base, cookie) {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  try {
    const page = await browser.newPage();
    for (const old of await page.cookies(base)) await page.deleteCookie({ name: old.name, url: base });
    if (cookie) {
      const [name, ...value] = cookie.split('=');
      await page.setCookie({ name, value: value.join('='), url: base, httpOnly: true, sameSite: 'Strict' });
    }
    await page.close();
  } finally {
    await browser.disconnect();
  }
}

async function audit(port, url, profile) {
  const flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  };
  const result = await lighthouse(url, flags, profile === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
  return result.lhr;
}

async function main() {
  const chromium = await findChromium();
  log(`Chromium: ${chromium.executablePath} (${chromium.source})`);
  const loadBefore = load();
  const dataDir = mkdtempSync(join(os.tmpdir(), 'edc-bench-web-'));
  const { child, base } = await startServer(await freePort(), dataDir);
  const chrome = await chromeLauncher.launch({
    chromePath: chromium.executablePath,
    chromeFlags: chromium.args,
  });
  const rows = [];
  try {
    const { cookie, odiPath } = await prepare(base);
    const pages = [
      { key: 'sign-in', name: 'sign-in', path: '/login', cookie: null },
      { key: 'list', name: 'participant list', path: '/participants', cookie },
      { key: 'odi', name: 'ODI form (baseline)', path: odiPath, cookie },
    ].filter((page) => pageKeys.includes(page.key));
    if (keepJson) mkdirSync(keepJson, { recursive: true });
    for (const page of pages) {
      for (const profile of profiles) {
        const results = [];
        for (let i = 0; i < runs; i++) {
          log(`${page.name}, ${profile}, run ${i + 1}/${runs} (load ${load()})`);
          const lhr = await measuredPage(chrome.port, base, page, profile);
          if (keepJson) {
            const file = `${page.name.split(' ')[0]}-${profile}-${i + 1}.json`;
            writeFileSync(join(keepJson, file), JSON.stringify(lhr));
          }
          results.push(summarize(lhr));
        }
        const perf = median(results.map((r) => r.performance));
        const chosen = results.find((r) => r.performance === perf) ?? results[0];
        rows.push({ page: page.name, profile, runs, ...chosen });
      }
    }
  } finally {
    await chrome.kill();
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
  printTable(rows, loadBefore);
}

/**
 * One Lighthouse run of a page, checked to have measured that page: a signed-in page that ended
 * on the sign-in screen measured the wrong thing, so it
 * is run again, and after three such runs the bench stops rather than print its figures.
 */
async function measuredPage(port, base, page, profile) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await useSession(port, base, page.cookie);
    const lhr = await audit(port, `${base}${page.path}`, profile);
    const shown = new URL(lhr.finalDisplayedUrl).pathname;
    if (shown === page.path) return lhr;
    log(`${page.name}: the run ended on ${shown}, not ${page.path}; measuring again`);
  }
  throw new Error(`${page.name}: three runs ended on another page than ${page.path}`);
}

const s = (n) => `${(n / 1000).toFixed(2)} s`;
const kib = (n) => `${Math.round(n / 1024)} KiB`;

function printTable(rows, loadBefore) {
  const header =
    '| Page | Profile | Performance | Accessibility | Best practices | FCP | LCP | TBT | CLS | Speed index | Transferred (JS) |';
  const out = [
    '',
    `Lighthouse ${rows[0]?.version ?? ''}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; Node ${process.version}; ${new Date().toISOString()}`,
    `Load average (1/5/15 min) before: ${loadBefore}; after: ${load()}. Median of ${runs} run(s) by performance score.`,
    '',
    header,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.profile} | ${r.performance.toFixed(2)} | ${r.accessibility.toFixed(2)} | ${r.bestPractices.toFixed(2)} | ${s(r.fcp)} | ${s(r.lcp)} | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${s(r.si)} | ${kib(r.bytes)} (${kib(r.scriptBytes)}) |`,
    ),
    '',
    ...rows
      .filter((r) => r.failed.length > 0)
      .map((r) => `- ${r.page}, ${r.profile}: audits below full score: ${r.failed.join(', ')}`),
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { expect, type Response, test } from '@playwright/test';
import { signInByApi } from './helpers/ui';

// How the web app reaches a tablet (docs/architecture.md, "Web delivery"): compressed, cached,
// split by route and by language; the sign-in page is React and its own text, the app loads after
// sign-in. Chunk files are named by Vite after their first module.
const englishText = /\/assets\/(sign-in\.)?en-[\w-]{8}\.js$/;
const turkishText = /\/assets\/(sign-in\.)?tr(-messages)?-[\w-]{8}\.js$/;
const screenChunk = /\/assets\/(participants-page|form-page|audit-page|users-page)-[\w-]{8}\.js$/;
const appChunk = /\/assets\/app-[\w-]{8}\.js$/;
// The desk screens' text (administration, close-out, audit trail), loaded with those screens only.
const deskText = /\/assets\/desk\.(en|tr)-[\w-]{8}\.js$/;

test('the sign-in page loads only its language and screen, compressed and cached for a year', async ({
  page,
}) => {
  const scripts: Response[] = [];
  page.on('response', (response) => {
    if (/\/assets\/.*\.js$/.test(response.url())) scripts.push(response);
  });
  const html = await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  expect(html?.headers()['cache-control']).toBe('no-cache');
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    expect(script.headers()['content-encoding'], script.url()).toBe('br');
    expect(script.headers()['cache-control'], script.url()).toBe('public, max-age=31536000, immutable');
  }
  const urls = () => scripts.map((s) => s.url());
  expect(urls().filter((u) => englishText.test(u))).toHaveLength(1);
  expect(urls().filter((u) => turkishText.test(u))).toEqual([]);
  expect(urls().filter((u) => screenChunk.test(u))).toEqual([]);
  // Nor the app behind it (router, forms, queries): that loads once the password is accepted.
  expect(urls().filter((u) => appChunk.test(u))).toEqual([]);

  // Turkish is fetched when chosen, and only then.
  await page.getByLabel('Language').selectOption('tr');
  await expect(page.getByRole('heading', { name: 'Giriş yap' })).toBeVisible();
  expect(urls().filter((u) => turkishText.test(u)).length).toBeGreaterThan(0);
  await page.getByLabel('Dil').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a Turkish browser gets the Turkish text without downloading the English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'tr-TR' });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Giriş yap' })).toBeVisible();
  expect(urls.filter((u) => turkishText.test(u)).length).toBeGreaterThan(0);
  expect(urls.filter((u) => englishText.test(u))).toEqual([]);
  await context.close();
});

test('signed-in screens break no rule of the Content-Security-Policy, whatever order their chunks run in', async ({
  page,
}) => {
  // The browser's own issue log, which Lighthouse's best-practices score reads: an eval probe or an
  // inline script refused by the policy is logged there even when the page still works.
  const issues: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Audits.issueAdded', ({ issue }) => issues.push(`${issue.code} ${JSON.stringify(issue.details)}`));
  await cdp.send('Audits.enable');
  await signInByApi(page, 'coordinator@demo.edc');
  // A deep link loads the app, the list's chunks and zod in one go, as a bookmarked page does.
  await page.goto('/participants');
  await expect(page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  await page
    .getByRole('link', { name: /^S0\d-\d{4}$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/S0\d-\d{4}/);
  expect(issues.filter((i) => i.startsWith('ContentSecurityPolicyIssue'))).toEqual([]);
});

test('a signed-in deep link asks for few files: one stylesheet and a handful of chunks', async ({
  page,
  browser,
}) => {
  await signInByApi(page, 'coordinator@demo.edc');
  // A new browser context with the same session and an empty cache, as a bookmark opened on a
  // tablet that has not loaded the app before.
  const fresh = await browser.newContext({ storageState: await page.context().storageState() });
  const tab = await fresh.newPage();
  const assets: string[] = [];
  tab.on('request', (request) => {
    if (request.url().includes('/assets/')) assets.push(request.url());
  });
  await tab.goto('/participants');
  await expect(tab.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  // On a slow network each request costs about what 5 KiB does (docs/benchmarks.md, "Web app").
  expect(assets.filter((url) => url.endsWith('.css'))).toHaveLength(1);
  expect(assets.filter((url) => url.endsWith('.js')).length, assets.join('\n')).toBeLessThanOrEqual(8);
  await fresh.close();
});

test('bedside pages never load the desk screens’ text; a desk screen has its words in both languages', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/assets/')) scripts.push(request.url());
  });
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/participants');
  await expect(page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  await page
    .getByRole('link', { name: /^S0\d-\d{4}$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/S0\d-\d{4}/);
  expect(scripts.filter((url) => deskText.test(url))).toEqual([]);

  await page.goto('/admin/sites');
  await expect(page.getByText('Trial sites. A site code never changes')).toBeVisible();
  expect(scripts.filter((url) => /desk\.en-/.test(url))).toHaveLength(1);
  try {
    // Switching the language loads the other language's desk text before the words change.
    await page.getByLabel('Language').selectOption('tr');
    await expect(page.getByText('Çalışma merkezleri. Katılımcı kaydedildikten sonra')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Yedekler' })).toBeVisible();
    expect(scripts.filter((url) => /desk\.tr-/.test(url))).toHaveLength(1);
  } finally {
    await page.getByLabel(/^(Dil|Language)$/).selectOption('en');
  }
  await expect(page.getByText('Trial sites. A site code never changes')).toBeVisible();
});

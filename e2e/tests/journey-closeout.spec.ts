import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { apiSession, arrangeParticipant, demoPassword } from './helpers/api';
import { type OwnServer, startOwnServer } from './helpers/own-server';
import { renderPdfPages } from './helpers/pdf-images';
import { screenshot, signInByApi } from './helpers/ui';

/**
 * Close-out (docs/closeout.md): the admin closes data entry and locks, verifies the allocation
 * list with its seed, releases the allocation to blinded roles; the assessor then sees the arm;
 * a casebook is downloaded. The report and the casebook PDFs are rendered to PNG files
 * (e2e/.output/pdf-pages) and attached to the report, for a person to look at. Locking changes
 * the whole study, so this journey runs on a server and database of its own.
 */
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await startOwnServer('closeout');
});
test.afterAll(async () => {
  await server?.stop();
});

test('lock → verify → unblind → casebook download', async ({ browser }) => {
  test.setTimeout(900_000);
  const base = server.baseURL;
  // Arrange by API: a site opened after the demo list, the coordinator given it, the list in use
  // extended for its stratum with a seed we know (a correction with a reason and the password), and
  // a participant of that site randomized from it.
  const admin = await apiSession(base, 'admin@demo.edc');
  const newSite = await admin.send<{ id: string }>('POST', '/admin/sites', {
    code: 'S09',
    name: 'E2E close-out site',
  });
  const users = await admin.get<{ id: string; email: string; siteIds: string[] }[]>('/admin/users');
  // The coordinator who enrols there and the assessor who will see the arm after the release.
  for (const email of ['coordinator@demo.edc', 'assessor@demo.edc']) {
    const user = users.find((u) => u.email === email);
    await admin.send('PATCH', `/admin/users/${user?.id}`, {
      siteIds: [...(user?.siteIds ?? []), newSite.id],
      reason: 'E2E close-out: the new site',
    });
  }
  const generated = await admin.send<{ list: { id: string }; seedHex: string }>(
    'POST',
    '/admin/randomization-lists/generate',
    {
      name: 'E2E close-out list',
      reason: 'E2E close-out: a list whose seed is known, for the new site',
      password: demoPassword,
      strata: ['S09'],
    },
  );
  await admin.dispose();
  const participant = await arrangeParticipant(base, { randomize: true, siteCode: 'S09' });

  const adminContext = await browser.newContext({ baseURL: base, acceptDownloads: true });
  const page = await adminContext.newPage();
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/admin/closeout');
  await expect(page.getByTestId('study-state')).toHaveText('Open');

  // Close data entry, then lock with an override reason (the demo data has open items).
  await page.getByRole('button', { name: 'Close data entry' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('study-state')).toHaveText('Data entry closed');
  await page.getByRole('button', { name: 'Lock the database' }).click();
  const lock = page.getByRole('dialog');
  await lock.getByLabel(/reason/i).fill('E2E close-out: demo data, open items accepted');
  await lock.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('study-state')).toHaveText('Locked');

  // Verify the list with its seed: the product re-derives it and finds every allocation matching.
  await page.getByLabel('Randomization list').selectOption(generated.list.id);
  const seed = page.getByLabel('Seed (64 hexadecimal digits)');
  // The panel re-renders as the lists and reports load after the lock; type until the value holds.
  await expect(async () => {
    await seed.fill(generated.seedHex);
    await expect(seed).toHaveValue(generated.seedHex, { timeout: 2_000 });
  }).toPass();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  const reports = page.getByTestId('verification-reports');
  await expect(reports.getByText('Match', { exact: true })).toBeVisible();
  const reportHref = await reports.getByRole('link', { name: 'Report (PDF)' }).first().getAttribute('href');
  const reportResponse = await page.request.get(reportHref ?? '');
  expect(reportResponse.headers()['x-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
  const reportPdf = await reportResponse.body();
  expect(reportPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // An external statistician runs the same check from the repository on the exported allocations.
  const exported = await page.request.get(
    `/api/v1/closeout/randomization-lists/${generated.list.id}/allocation-export.json`,
  );
  expect(exported.status()).toBe(200);
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  const exportFile = fileURLToPath(new URL('../.output/allocation-export.json', import.meta.url));
  mkdirSync(fileURLToPath(new URL('../.output/', import.meta.url)), { recursive: true });
  writeFileSync(exportFile, await exported.body());
  const verdict = execFileSync(
    'npm',
    ['run', '--silent', 'verify-allocation', '--', '--export', exportFile, '--seed', generated.seedHex],
    { cwd: repo, encoding: 'utf8' },
  );
  expect(verdict).toMatch(/^MATCH/);
  expect(verdict).toContain(`${participant.studyId},`);

  // Release the allocation to blinded roles: a reason and the password again.
  await expect(page.getByTestId('allocation-release')).toContainText('Blinded roles do not see arms');
  await page.getByRole('button', { name: 'Release the allocation to blinded roles' }).click();
  const release = page.getByRole('dialog');
  await release.getByLabel('Reason').fill('Database locked and primary analysis done');
  await release.getByLabel('Your password').fill(demoPassword);
  await release.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('allocation-release')).toContainText('Allocation released');
  await screenshot(page, 'closeout-released');

  // The assessor now sees the arm on the participant's page.
  const assessorContext = await browser.newContext({ baseURL: base });
  const assessor = await assessorContext.newPage();
  await signInByApi(assessor, 'assessor@demo.edc');
  await assessor.goto(`/participants/${participant.id}`);
  await expect(assessor.getByRole('heading', { name: participant.studyId })).toBeVisible();
  await expect(assessor.locator('.participant-header').getByText('Arm', { exact: true })).toBeVisible();
  await assessorContext.close();

  // The participant's casebook, from the participant's page, by the site's coordinator.
  const siteContext = await browser.newContext({ baseURL: base });
  const site = await siteContext.newPage();
  await signInByApi(site, 'coordinator@demo.edc');
  await site.goto(`/participants/${participant.id}`);
  const casebookLink = site.getByRole('link', { name: 'Casebook (PDF)' });
  await expect(casebookLink).toBeVisible({ timeout: 60_000 });
  const casebookResponse = await site.request.get((await casebookLink.getAttribute('href')) ?? '');
  expect(casebookResponse.headers()['x-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
  const casebookPdf = await casebookResponse.body();
  expect(casebookPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await siteContext.close();

  // Both PDFs as images, for a person to look at.
  const report = await renderPdfPages(adminContext, 'allocation-report', reportPdf);
  const casebook = await renderPdfPages(adminContext, 'casebook', casebookPdf);
  expect(report.pages).toBeGreaterThan(0);
  expect(casebook.pages).toBeGreaterThan(1);
  await adminContext.close();
});

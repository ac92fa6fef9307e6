import { expect, test } from '@playwright/test';
import { apiSession } from './helpers/api';
import { arrangeCorrectedVas } from './helpers/monitor-arrange';
import { screenshot, signInByApi } from './helpers/ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Istanbul', viewport: { width: 1280, height: 900 } });

test('a monitor finds a correction in the audit trail, queries it, and closes the answered query', async ({
  page,
  browser,
  baseURL,
}) => {
  const arranged = await arrangeCorrectedVas(baseURL ?? '');

  // The monitor narrows the audit trail to that participant's VAS value.
  await signInByApi(page, 'monitor@demo.edc');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await page.getByLabel('Participant').selectOption({ label: arranged.studyId });
  // The field filter searches the words of field labels (R-AUDIT-5), not column paths.
  await page.getByLabel('Field', { exact: true }).fill('pain vas');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/fieldText=pain(\+|%20)vas/);

  const correction = page.getByRole('row', { name: new RegExp(arranged.reason) });
  await expect(correction).toBeVisible();
  await expect(correction).toContainText('Changed');
  await expect(correction).toContainText('investigator@demo.edc');
  await expect(correction).toContainText('Investigator');
  await expect(correction).toContainText('UTC');
  await expect(correction).toContainText('GMT+3');
  // The change is named by its label; the column path never reaches the reader (R-AUDIT-5).
  await expect(correction).not.toContainText('data.vas_mm');
  const change = correction.getByRole('listitem').filter({ hasText: 'Pain VAS (mm)' });
  await expect(change).toHaveCount(1);
  await expect(change.locator('.change-old')).toHaveText(`was ${arranged.oldVas}`);
  await expect(change.locator('.change-new')).toHaveText(`now ${arranged.newVas}`);
  // The creation by the coordinator is the other entry of this filter: 2 in all.
  await expect(page.getByText('2 entries.')).toBeVisible();
  await screenshot(page, 'audit-review');

  // From the entry to the participant's source review, where the record gets a query.
  await correction.getByRole('link', { name: arranged.studyId }).click();
  await expect(page.getByRole('heading', { name: `Review ${arranged.studyId}`, level: 1 })).toBeVisible();
  const baseline = page.getByRole('region', { name: 'Baseline' });
  const vas = baseline.getByRole('article', { name: 'Pain (VAS)' });
  await expect(vas).toContainText(String(arranged.newVas));
  await expect(vas).toContainText('Not verified');
  await vas.getByRole('button', { name: 'Raise query Pain (VAS)' }).click();
  const dialog = page.getByRole('dialog', { name: `Query on ${arranged.studyId}: Pain (VAS) (Baseline)` });
  await dialog.getByRole('button', { name: 'Raise query' }).click();
  await expect(dialog.getByLabel('Field')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Field').selectOption({ label: 'Pain VAS (mm)' });
  await dialog
    .getByLabel('Question for the site')
    .fill(`The source worksheet shows ${arranged.oldVas} mm. Please confirm which value is right.`);
  await dialog.getByRole('button', { name: 'Raise query' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'A query was raised on Pain VAS (mm)' }),
  ).toBeVisible();
  await expect(vas).toContainText('1 unresolved query');
  await screenshot(page, 'source-review');

  // The investigator, in a browser of their own, answers it on the queries page.
  const siteContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Istanbul' });
  const site = await siteContext.newPage();
  await signInByApi(site, 'investigator@demo.edc');
  await site.goto('/');
  await site.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queries' }).click();
  const asked = site.getByRole('article', { name: new RegExp(`${arranged.studyId} · Baseline`) });
  await expect(asked).toContainText('Open');
  await expect(asked).toContainText(`The source worksheet shows ${arranged.oldVas} mm`);
  await expect(asked.getByRole('link', { name: `Correct the value (${arranged.studyId})` })).toHaveAttribute(
    'href',
    // The link opens the queried record's own form, where the value is corrected.
    `/participants/${arranged.id}/visits/BL/forms/vas`,
  );
  await expect(asked.getByRole('button', { name: 'Close query' })).toHaveCount(0);
  await asked.getByLabel('Answer').fill(`Checked against the source: ${arranged.newVas} mm is right.`);
  await asked.getByRole('button', { name: 'Send answer' }).click();
  await expect(
    site.getByRole('status').filter({ hasText: `Your answer on ${arranged.studyId} was sent.` }),
  ).toBeVisible();
  await expect(asked.getByText('Answered', { exact: true })).toBeVisible();
  await screenshot(site, 'queries-site');
  await siteContext.close();

  // The monitor reads the answer and closes the query.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queries' }).click();
  const answered = page.getByRole('article', { name: new RegExp(`${arranged.studyId} · Baseline`) });
  await expect(answered).toContainText(`Checked against the source: ${arranged.newVas} mm is right.`);
  await expect(answered.getByLabel('Answer')).toHaveCount(0);
  await answered.getByLabel('Closing note').fill('Resolved: the correction matches the source.');
  await answered.getByRole('button', { name: 'Close query' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `The query on ${arranged.studyId} was closed.` }),
  ).toBeVisible();
  await expect(answered.getByText('Closed', { exact: true })).toBeVisible();
  await expect(answered.getByRole('button', { name: 'Reopen query' })).toBeVisible();
});

test('a monitor verifies the audit chain, exports the filtered trail and marks a visit verified', async ({
  page,
  baseURL,
}) => {
  const arranged = await arrangeCorrectedVas(baseURL ?? '', 52);
  await signInByApi(page, 'monitor@demo.edc');
  await page.goto(`/audit?participantId=${arranged.id}&field=data.vas_mm`);
  await expect(page.getByLabel('Participant')).toHaveValue(arranged.id);
  // At tablet width each entry becomes a card.
  await page.setViewportSize({ width: 820, height: 1100 });
  await expect(page.getByRole('row', { name: new RegExp(arranged.reason) })).toBeVisible();
  await screenshot(page, 'audit-review-tablet');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Chain intact: [\d,]+ entries/ })).toBeVisible();

  const exportLink = page.getByRole('link', { name: 'Export CSV' });
  const href = await exportLink.getAttribute('href');
  expect(href).toBe(`/api/v1/audit/export.csv?participantId=${arranged.id}&field=data.vas_mm`);
  const csv = await page.request.get(href ?? '');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(arranged.reason);

  await page.goto(`/review/${arranged.id}`);
  const baseline = page.getByRole('region', { name: 'Baseline' });
  await baseline.getByRole('button', { name: 'Verify whole visit Baseline' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Baseline: 2 records marked as verified.' }),
  ).toBeVisible();
  await expect(baseline.getByRole('article', { name: 'Pain (VAS)' })).toContainText(
    'Verified by Gökhan Monitor',
  );
  await expect(baseline.getByRole('button', { name: 'Verify whole visit Baseline' })).toHaveCount(0);
});

test('the dashboard shows enrollment and the CONSORT diagram to a monitor', async ({ page }) => {
  await signInByApi(page, 'monitor@demo.edc');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Cumulative randomized participants per month' })).toBeVisible();

  const consort = page.getByRole('img', { name: /^CONSORT flow diagram: \d+ assessed for eligibility/ });
  await expect(consort).toBeVisible();
  await expect(consort).toHaveAttribute('src', '/api/v1/dashboard/consort.svg?locale=en');
  // The image really loaded (an error page would leave it with no intrinsic size).
  await expect
    .poll(() =>
      consort.evaluate((element) => {
        const img = element as unknown as { complete: boolean; naturalWidth: number };
        return img.complete ? img.naturalWidth : 0;
      }),
    )
    .toBeGreaterThan(0);
  const download = page.getByRole('link', { name: 'Download SVG' });
  await expect(download).toHaveAttribute('href', '/api/v1/dashboard/consort.svg?locale=en&download=1');
  const svg = await page.request.get('/api/v1/dashboard/consort.svg?locale=en&download=1');
  expect(svg.headers()['content-type']).toContain('image/svg+xml');
  expect(svg.headers()['content-disposition']).toMatch(/^attachment; filename="consort-.*\.svg"$/);
  // Monitors are unblinded: the per-arm table is there.
  await expect(page.getByRole('table', { name: 'By arm' })).toBeVisible();
  await screenshot(page, 'dashboard');
});

test('a blinded assessor sees the dashboard without per-arm numbers', async ({ page, baseURL }) => {
  const assessor = await apiSession(baseURL ?? '', 'assessor@demo.edc');
  const dashboard = await assessor.get<{ consort: Record<string, unknown> }>('/dashboard');
  expect(dashboard.consort).not.toHaveProperty('arms');
  await assessor.dispose();

  await signInByApi(page, 'assessor@demo.edc');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('img', { name: /^CONSORT flow diagram/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'By arm' })).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }),
  ).toHaveCount(0);
});

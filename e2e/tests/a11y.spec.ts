import { expect, type Page, test } from '@playwright/test';
import { arrangeParticipant } from './helpers/api';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { signIn } from './helpers/ui';

/** Waits for the screen's main heading so axe sees the rendered page, not a loading state. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first(), `${path} has a main heading`).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test('public screens have no serious accessibility violations', async ({ page }) => {
  for (const path of ['/', '/login']) {
    await visit(page, path);
    await expectNoSeriousA11yViolations(page, path);
  }
});

test('site staff screens have no serious accessibility violations', async ({ page, baseURL }) => {
  const participant = await arrangeParticipant(baseURL ?? '', { baseline: true });
  await signIn(page, 'coordinator@demo.edc');
  for (const path of [
    '/participants',
    '/participants/new',
    `/participants/${participant.id}`,
    `/participants/${participant.id}/visits/BL/forms/odi`,
    `/participants/${participant.id}/visits/BL/forms/vas`,
    '/dashboard',
    '/queries',
  ]) {
    await visit(page, path);
    await expectNoSeriousA11yViolations(page, path);
  }
});

test('monitor screens have no serious accessibility violations', async ({ page }) => {
  await signIn(page, 'monitor@demo.edc');
  for (const path of ['/audit', '/dashboard', '/queries', '/review', '/exports']) {
    await visit(page, path);
    await expectNoSeriousA11yViolations(page, path);
  }
});

test('admin screens have no serious accessibility violations', async ({ page }) => {
  await signIn(page, 'admin@demo.edc');
  for (const path of ['/admin/users', '/admin/sites', '/admin/randomization-lists']) {
    await visit(page, path);
    await expectNoSeriousA11yViolations(page, path);
  }
});

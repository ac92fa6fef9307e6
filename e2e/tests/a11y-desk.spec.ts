import { test } from '@playwright/test';
import { expectNoSeriousA11yViolations, visit } from './helpers/axe';
import { signInByApi } from './helpers/ui';

/**
 * The desk screens of monitors and admins (a11y.spec.ts has the public and site staff screens):
 * desktop only, as the other desk work (e2e/playwright.config.ts).
 */
test('monitor screens have no serious accessibility violations', async ({ page }) => {
  await signInByApi(page, 'monitor@demo.edc');
  for (const path of ['/audit', '/dashboard', '/queries', '/review', '/exports']) {
    await visit(page, path);
    await expectNoSeriousA11yViolations(page, path);
  }
});

test('admin screens have no serious accessibility violations', async ({ page }) => {
  await signInByApi(page, 'admin@demo.edc');
  for (const path of ['/admin/users', '/admin/sites', '/admin/randomization-lists']) {
    await visit(page, path);
    await expectNoSeriousA11yViolations(page, path);
  }
});

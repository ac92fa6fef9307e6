import { expect, test } from '@playwright/test';

test('the built app shows the study and a healthy API', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('low back pain');
  await expect(page.getByTestId('health-status')).toContainText('database (pglite): reachable');
});

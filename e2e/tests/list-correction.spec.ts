import { expect, test } from '@playwright/test';
import { demoPassword, ensureActiveList } from './helpers/api';
import { signInByApi } from './helpers/ui';

test.use({ locale: 'en-GB' });

test('a new list while one is in use is a correction: previewed, refused without a reason, made with reason and password', async ({
  page,
  baseURL,
}) => {
  const name = `Correction ${test.info().project.name} ${Date.now()}`;
  await ensureActiveList(baseURL ?? '');
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/admin/randomization-lists');
  await page.getByRole('button', { name: 'Generate new list' }).click();
  const dialog = page.getByRole('dialog');

  // The server's preview: per stratum, numbering continues after the slots already there.
  await expect(dialog.getByRole('heading', { name: 'What this changes' })).toBeVisible();
  const s01 = dialog.getByRole('row', { name: /\bS01\b/ });
  await expect(s01).toBeVisible();
  const firstNew = Number(await s01.getByRole('cell').nth(3).textContent());
  expect(firstNew).toBeGreaterThan(1);

  await dialog.getByLabel('List name').fill(name);
  await dialog.getByLabel('Your password').fill(demoPassword);
  await dialog.getByRole('button', { name: 'Generate' }).click();
  const reason = dialog.getByLabel('Reason for the correction');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');

  await reason.fill('Site S01 enrolls beyond the planned blocks');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('heading', { name: `Seed of “${name}”` })).toBeVisible();
  await page.getByRole('button', { name: 'I have copied the seed' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Active');
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { screenshot, signInByApi } from './helpers/ui';

test('a monitor downloads the wide CSV with progress and checks it against its manifest', async ({
  page,
}) => {
  await signInByApi(page, 'monitor@demo.edc');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { name: 'Data exports', level: 1 })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: 'Wide CSV' });
  const download = page.waitForEvent('download');
  await item.getByRole('button', { name: 'Download' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^NCT07241559-.*-wide\.csv$/);
  const text = readFileSync((await file.path()) ?? '', 'utf8');
  expect(text.split('\r\n')[0]).toContain('study_id');
  expect(text).toMatch(/S01-\d{4}/);
  await expect(page.getByText('SHA-256 matches')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download the manifest (JSON)' })).toBeVisible();
  await screenshot(page, 'exports');
});

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { signInByApi } from './helpers/ui';

test.use({ locale: 'en-GB' });

/**
 * Backup as a site runs it (docs/backup.md): `npm run backup` while the server on the embedded
 * database keeps serving (the server takes the snapshot itself), and the admin screen's backup
 * panel, which reads the manifests in EDC_BACKUP_DIR, goes from the overdue warning to the last
 * verified backup. The server's backup folder starts empty (e2e/scripts/serve-fresh.mjs). Desktop
 * only (e2e/playwright.config.ts).
 */
test('npm run backup while the server runs; the admin screen shows it verified', async ({ page }) => {
  test.setTimeout(600_000);
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sites' }).click();
  const panel = page.getByRole('region', { name: 'Backups' });
  await expect(panel.getByRole('alert')).toContainText('No verified backup in the last 26 hours');
  await expect(panel).toContainText('No backup in');

  const output = execFileSync('npm', ['run', '--silent', 'backup'], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    env: {
      ...process.env,
      EDC_DATA_DIR: fileURLToPath(new URL('../.output/data', import.meta.url)),
      EDC_BACKUP_DIR: fileURLToPath(new URL('../.output/backups', import.meta.url)),
    },
    encoding: 'utf8',
  });
  expect(output).toContain('backup verified');

  await page.reload();
  await expect(panel).toContainText('Last backup:');
  await expect(panel).toContainText('Verified: restored into a scratch database');
  await expect(panel.getByRole('alert')).toHaveCount(0);
});

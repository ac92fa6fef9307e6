import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers/ui';

test.use({ locale: 'en-GB' });

/**
 * Backup as a site runs it (docs/backup.md): `npm run backup` while the server on the embedded
 * database keeps serving (the server takes the snapshot itself), and the admin screen's backup
 * panel, which reads the manifests in EDC_BACKUP_DIR, goes from the overdue warning to the last
 * verified backup. The server's backup folder starts empty (e2e/scripts/serve-fresh.mjs).
 */
test('npm run backup while the server runs; the admin screen shows it verified', async ({ page }, info) => {
  // Desktop only: both projects' servers share one backup folder (e2e/scripts/serve-fresh.mjs),
  // so a tablet run would start with the desktop run's backup already there and could not see the
  // panel go from "overdue" to "verified". The panel has no tablet-specific layout to check.
  test.skip(info.project.name !== 'desktop', 'the backup folder is shared by the projects');
  test.setTimeout(600_000);
  await signIn(page, 'admin@demo.edc');
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

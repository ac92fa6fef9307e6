import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupStatusSchema, lbpTrial } from '@mini-edc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../src/backup/create';
import { manifestSchema } from '../src/backup/format';
import { signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { call, type Session } from './session';

let t: TestContext;
let dir: string;
let admin: Session;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edc-backup-status-'));
  t = await buildTestApp({ EDC_BACKUP_DIR: dir, EDC_BACKUP_MAX_AGE_HOURS: 26 });
  admin = (await signedInUser(t, { role: 'admin', siteIds: [] })).session;
}, 600_000);

afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const status = async () => {
  const res = await call(t.app, admin, 'GET', '/api/v1/admin/backup-status');
  expect(res.statusCode).toBe(200);
  return backupStatusSchema.parse(res.json());
};

describe('backup status on the admin screen', () => {
  it('warns when the folder holds no backup', async () => {
    expect(await status()).toMatchObject({
      latest: null,
      latestVerified: null,
      overdue: true,
      maxAgeHours: 26,
    });
  });

  // createBackup restores into a scratch database: minutes on a busy machine.
  it('shows the last backup, its verification, and warns again when it is older than the interval', {
    timeout: 600_000,
  }, async () => {
    const made = await createBackup({ db: t.db, dir, study: lbpTrial.id });
    const fresh = await status();
    expect(fresh.overdue).toBe(false);
    expect(fresh.latest).toMatchObject({ takenAt: made.manifest.takenAt, verified: true, failedChecks: [] });

    // A later backup whose verification failed: shown as the last one, with the failed checks;
    // the warning still counts from the verified one.
    const manifest = manifestSchema.parse(JSON.parse(await readFile(made.manifestFile, 'utf8')));
    const later = new Date(Date.parse(manifest.takenAt) + 60_000).toISOString();
    const failedChecks = manifest.verification.checks.map((c) =>
      c.name === 'audit chain' ? { ...c, ok: false } : c,
    );
    await writeFile(
      join(dir, 'later.manifest.json'),
      JSON.stringify({
        ...manifest,
        takenAt: later,
        verification: { ...manifest.verification, passed: false, checks: failedChecks },
      }),
    );
    await writeFile(join(dir, 'broken.manifest.json'), '{ not json');
    const withFailure = await status();
    expect(withFailure.latest).toMatchObject({
      takenAt: later,
      verified: false,
      failedChecks: ['audit chain'],
    });
    expect(withFailure.latestVerified?.takenAt).toBe(made.manifest.takenAt);
    expect(withFailure.overdue).toBe(false);
    expect(withFailure.unreadableManifests).toBe(1);

    // The verified backup made 27 hours ago: overdue at an interval of 26.
    const old = new Date(Date.now() - 27 * 3_600_000).toISOString();
    await writeFile(made.manifestFile, JSON.stringify({ ...manifest, takenAt: old }));
    expect((await status()).overdue).toBe(true);
  });
});

/**
 * What the admin screen shows about backups (docs/backup.md): read from the manifests in the
 * configured folder, so it reports what is actually on disk, whichever process wrote it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BackupStatus, type BackupSummary, backupOverdue } from '@mini-edc/domain';
import { type BackupManifest, MANIFEST_SUFFIX, manifestSchema } from './format';

function summary(m: BackupManifest): BackupSummary {
  return {
    file: m.file,
    takenAt: m.takenAt,
    engine: m.engine,
    bytes: m.bytes,
    verified: m.verification.passed,
    failedChecks: m.verification.checks.filter((c) => !c.ok).map((c) => c.name),
  };
}

async function manifestNames(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => name.endsWith(MANIFEST_SUFFIX));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

export async function backupStatus(
  dir: string,
  maxAgeHours: number,
  now = new Date(),
): Promise<BackupStatus> {
  const folder = resolve(dir);
  const manifests: BackupManifest[] = [];
  let unreadable = 0;
  for (const name of await manifestNames(folder)) {
    try {
      manifests.push(manifestSchema.parse(JSON.parse(await readFile(join(folder, name), 'utf8'))));
    } catch {
      unreadable++;
    }
  }
  // ISO 8601 UTC times sort as strings.
  manifests.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const latest = manifests[0];
  const latestVerified = manifests.find((m) => m.verification.passed);
  return {
    folder,
    maxAgeHours,
    latest: latest ? summary(latest) : null,
    latestVerified: latestVerified ? summary(latestVerified) : null,
    overdue: backupOverdue(latestVerified?.takenAt ?? null, now, maxAgeHours),
    unreadableManifests: unreadable,
  };
}

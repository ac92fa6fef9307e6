/**
 * `npm run backup` (docs/backup.md): one snapshot of the whole database written as a backup file,
 * then proven by restoring that file into a scratch embedded database and running the restore
 * checks; the manifest beside the file records the result.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createDb, type DbHandle } from '@mini-edc/db';
import {
  loadSnapshot,
  readSnapshot,
  verifyRestoredDatabase,
  withLoadTransaction,
  withReadSnapshot,
} from '@mini-edc/db/backup';
import { readBackupArchive, writeBackupArchive } from './archive';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_SUFFIX,
  type BackupHeader,
  type BackupManifest,
  backupBaseName,
  MANIFEST_SUFFIX,
} from './format';

export async function sha256OfFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Migrated empty databases, by migrations folder: migrating takes seconds, loading a copy less. */
const migratedImages = new Map<string, Blob | File>();

async function scratchDatabase(migrationsDir: string | undefined): Promise<DbHandle> {
  const image = migratedImages.get(migrationsDir ?? '');
  if (image) return createDb({ pglite: new PGlite({ loadDataDir: image }) });
  const scratch = await createDb({ pglite: new PGlite() });
  await scratch.migrate(migrationsDir);
  if (scratch.endpoint.kind === 'pglite') {
    migratedImages.set(migrationsDir ?? '', await scratch.endpoint.pglite.dumpDataDir('none'));
  }
  return scratch;
}

/** Restores the file into an in-memory PGlite and runs the row count and audit checks there. */
async function verifyByScratchRestore(path: string, header: BackupHeader, migrationsDir?: string) {
  const scratch = await scratchDatabase(migrationsDir);
  try {
    const archive = await readBackupArchive(path);
    await withLoadTransaction(scratch.endpoint, (session) => loadSnapshot(session, archive.snapshot));
    return await verifyRestoredDatabase(scratch.db, {
      rowCounts: header.rowCounts,
      auditHeads: header.auditHeads,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ name: 'scratch restore', ok: false, detail }];
  } finally {
    await scratch.close();
  }
}

export interface CreateBackupOptions {
  db: DbHandle;
  dir: string;
  study: string;
  migrationsDir?: string | undefined;
  now?: () => Date;
}

export interface CreatedBackup {
  file: string;
  manifestFile: string;
  manifest: BackupManifest;
}

export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const { db, dir, study } = options;
  const snapshot = await withReadSnapshot(db.endpoint, readSnapshot);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    engine: db.kind,
    study,
    ...snapshot.header,
  };
  await mkdir(dir, { recursive: true });
  const base = backupBaseName(study, db.kind, header.takenAt);
  const file = join(dir, base + BACKUP_SUFFIX);
  await writeBackupArchive(file, header, snapshot);
  const { sha256, bytes } = await sha256OfFile(file);
  const checks = await verifyByScratchRestore(file, header, options.migrationsDir);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    file: base + BACKUP_SUFFIX,
    bytes,
    sha256,
    engine: db.kind,
    study,
    takenAt: header.takenAt,
    migrations: header.migrations.length,
    rowCounts: header.rowCounts,
    auditHeads: header.auditHeads,
    verification: {
      at: (options.now ?? (() => new Date()))().toISOString(),
      passed: checks.every((c) => c.ok),
      checks,
    },
  };
  // Written under a temporary name and renamed, so a manifest is never seen half-written.
  const manifestFile = join(dir, base + MANIFEST_SUFFIX);
  const partial = `${manifestFile}.partial`;
  await writeFile(partial, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, manifestFile);
  return { file, manifestFile, manifest };
}

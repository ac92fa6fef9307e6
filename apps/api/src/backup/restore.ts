/**
 * `npm run restore FILE` (docs/backup.md): checks the file against its manifest, loads it into a
 * database without trial data (or, when told to replace, sets the current contents aside first),
 * then proves the result: row counts, audit chain verification and chain heads as in the manifest.
 */
import { readFile } from 'node:fs/promises';
import type { DbHandle } from '@mini-edc/db';
import {
  loadSnapshot,
  type RestoreCheck,
  RestoreRefused,
  setAsideContents,
  tablesWithData,
  verifyRestoredDatabase,
  withLoadTransaction,
  withReadSnapshot,
} from '@mini-edc/db/backup';
import { readBackupArchive } from './archive';
import { sha256OfFile } from './create';
import { type BackupManifest, manifestPathFor, manifestSchema } from './format';

export interface RestoreResult {
  /** True when the database was loaded (the checks may still have failed). */
  restored: boolean;
  checks: RestoreCheck[];
  manifest: BackupManifest | null;
}

export async function readManifest(file: string): Promise<BackupManifest> {
  const path = manifestPathFor(file);
  return manifestSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

/** Tables holding trial data in the target ([] when it is empty, or not migrated yet). */
function occupiedTables(db: DbHandle): Promise<string[]> {
  return withReadSnapshot(db.endpoint, tablesWithData);
}

export interface RestoreOptions {
  file: string;
  /** The target; restore() migrates it, so it may be a database without any tables. */
  db: DbHandle;
  migrationsDir?: string | undefined;
  /**
   * Set aside what the database holds (in a renamed schema) instead of refusing a database with
   * trial data; the CLI asks for a confirmation first.
   */
  replace?: boolean;
  /** Called with the schema that now holds the previous contents. */
  onSetAside?: (schema: string) => void;
  /** Each check as soon as it is known (the CLI prints one line per check). */
  onCheck?: (check: RestoreCheck) => void;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const checks: RestoreCheck[] = [];
  const report = (check: RestoreCheck) => {
    checks.push(check);
    options.onCheck?.(check);
    return check.ok;
  };
  let manifest: BackupManifest;
  try {
    manifest = await readManifest(options.file);
  } catch (error) {
    report({ name: 'sha256', ok: false, detail: `no readable manifest beside the file: ${message(error)}` });
    return { restored: false, checks, manifest: null };
  }
  const { sha256 } = await sha256OfFile(options.file);
  const shaOk = report({
    name: 'sha256',
    ok: sha256 === manifest.sha256,
    detail: sha256 === manifest.sha256 ? sha256 : `file ${sha256}, manifest ${manifest.sha256}`,
  });
  if (!shaOk) return { restored: false, checks, manifest };

  const archive = await readBackupArchive(options.file);
  const same =
    archive.header.study === manifest.study &&
    archive.header.takenAt === manifest.takenAt &&
    JSON.stringify(archive.header.rowCounts) === JSON.stringify(manifest.rowCounts) &&
    JSON.stringify(archive.header.auditHeads) === JSON.stringify(manifest.auditHeads);
  const formatOk = report({
    name: 'format',
    ok: same,
    detail: same
      ? `${manifest.study}, ${manifest.engine} backup of ${manifest.takenAt}, ${manifest.migrations} migrations`
      : 'the file and its manifest describe different backups',
  });
  if (!formatOk) return { restored: false, checks, manifest };

  const occupied = await occupiedTables(options.db);
  if (occupied.length > 0) {
    if (!options.replace) {
      throw new RestoreRefused(`the database is not empty (rows in ${occupied.join(', ')})`);
    }
    const stamp = new Date().toISOString();
    const schema = await withLoadTransaction(options.db.endpoint, (s) => setAsideContents(s, stamp));
    options.onSetAside?.(schema);
  }
  await options.db.migrate(options.migrationsDir);
  await withLoadTransaction(options.db.endpoint, (session) => loadSnapshot(session, archive.snapshot));
  for (const check of await verifyRestoredDatabase(options.db.db, manifest)) report(check);
  return { restored: true, checks, manifest };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The backup file and its manifest (docs/backup.md). The file is a ZIP: `backup.json` (what the
 * snapshot holds: time, engine, study, migrations, tables in load order, sequences, row counts,
 * audit chain heads) and one `data/<table>.copy` per table in PostgreSQL's COPY text format. The
 * manifest beside it repeats the counts and heads, adds the file's SHA-256 and the result of the
 * verification that ran right after the backup was written.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'mini-edc-backup';
export const BACKUP_FORMAT_VERSION = 1;

const chainHead = z.object({ chainKey: z.string(), seq: z.number().int(), hash: z.string() });
const rowCounts = z.record(z.string(), z.number().int().min(0));

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  engine: z.enum(['pg', 'pglite']),
  study: z.string(),
  takenAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })),
  rowCounts,
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  auditHeads: z.array(chainHead),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

const check = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  file: z.string(),
  bytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  engine: z.enum(['pg', 'pglite']),
  study: z.string(),
  takenAt: z.string(),
  migrations: z.number().int(),
  rowCounts,
  auditHeads: z.array(chainHead),
  /** A restore of the file into a scratch embedded database, with the checks `restore` runs. */
  verification: z.object({ at: z.string(), passed: z.boolean(), checks: z.array(check) }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** `mini-edc_<study>_<engine>_<UTC time>`: sorts by time within a study and engine. */
export function backupBaseName(study: string, engine: string, takenAt: string): string {
  const stamp = takenAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `mini-edc_${study}_${engine}_${stamp}`;
}

export const BACKUP_SUFFIX = '.backup.zip';
export const MANIFEST_SUFFIX = '.manifest.json';

export function manifestPathFor(backupFile: string): string {
  return backupFile.endsWith(BACKUP_SUFFIX)
    ? backupFile.slice(0, -BACKUP_SUFFIX.length) + MANIFEST_SUFFIX
    : backupFile + MANIFEST_SUFFIX;
}

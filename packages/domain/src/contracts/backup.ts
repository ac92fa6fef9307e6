import { z } from 'zod';

/**
 * The checks a backup's verification and a restore run (docs/backup.md "What a restore checks");
 * the admin screen names the failed ones in the user's language.
 */
export const backupCheckNames = [
  'sha256',
  'format',
  'row counts',
  'audit chain',
  'audit chain heads',
  'scratch restore',
] as const;
export type BackupCheckName = (typeof backupCheckNames)[number];

/** The newest backup found in the backup folder, as its manifest describes it (docs/backup.md). */
export const backupSummarySchema = z.object({
  file: z.string(),
  takenAt: z.string(),
  engine: z.enum(['pg', 'pglite']),
  bytes: z.number().int(),
  /** The verification `npm run backup` ran right after writing the file. */
  verified: z.boolean(),
  /** Names of the checks that failed (empty when verified). */
  failedChecks: z.array(z.string()),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupStatusSchema = z.object({
  folder: z.string(),
  maxAgeHours: z.number().int(),
  latest: backupSummarySchema.nullable(),
  /** The newest backup whose verification passed (may be older than `latest`). */
  latestVerified: backupSummarySchema.nullable(),
  /** True when no verified backup is more recent than maxAgeHours. */
  overdue: z.boolean(),
  /** Manifest files in the folder that could not be read. */
  unreadableManifests: z.number().int(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** Overdue when the newest verified backup is older than the configured interval, or missing. */
export function backupOverdue(latestVerifiedAt: string | null, now: Date, maxAgeHours: number): boolean {
  if (!latestVerifiedAt) return true;
  return now.getTime() - new Date(latestVerifiedAt).getTime() > maxAgeHours * 3_600_000;
}

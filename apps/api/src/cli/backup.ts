import { resolve } from 'node:path';
import { createDb } from '@mini-edc/db';
import { lbpTrial } from '@mini-edc/domain';
import { backupThroughServer } from '../backup/control-socket';
import { type CreatedBackup, createBackup } from '../backup/create';
import { type Config, loadConfig } from '../config';

const usage = `Usage: npm run backup [-- --dir FOLDER]

Writes one consistent backup of the whole study (every table, the audit trail included) into
FOLDER (default EDC_BACKUP_DIR, ./backups) with a manifest beside it, then restores the file into
a scratch database and records the checks in the manifest. Exit code 0: backup written and
verified; 1: written but verification failed; 2: no backup. See docs/backup.md.`;

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** On the embedded database, the running server takes the backup (backup/control-socket.ts). */
async function takeBackup(config: Config, dir: string): Promise<CreatedBackup> {
  const dataDir = resolve(config.EDC_DATA_DIR);
  if (!config.DATABASE_URL) {
    const made = await backupThroughServer(dataDir, dir);
    if (made) return made;
  }
  const db = await createDb({ databaseUrl: config.DATABASE_URL, dataDir, poolMax: 2 });
  try {
    return await createBackup({ db, dir, study: lbpTrial.id, migrationsDir: config.EDC_MIGRATIONS_DIR });
  } finally {
    await db.close();
  }
}

export async function main(
  argv: string[],
  out: (line: string) => void = console.log,
  env?: Record<string, string | undefined>,
): Promise<number> {
  if (argv.includes('--help')) {
    out(usage);
    return 0;
  }
  const config = loadConfig(env);
  const dir = resolve(arg(argv, '--dir') ?? config.EDC_BACKUP_DIR);
  try {
    const { file, manifestFile, manifest } = await takeBackup(config, dir);
    const rows = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
    out(`backup   ${file}`);
    out(`manifest ${manifestFile}`);
    out(
      `snapshot ${manifest.takenAt}, ${manifest.engine}, ${rows} rows, ${manifest.auditHeads.length} audit chains`,
    );
    out(`sha256   ${manifest.sha256}`);
    for (const c of manifest.verification.checks) out(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
    out(manifest.verification.passed ? 'backup verified' : 'BACKUP VERIFICATION FAILED');
    return manifest.verification.passed ? 0 : 1;
  } catch (error) {
    out(`No backup: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

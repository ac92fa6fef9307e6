import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { createDb } from '@mini-edc/db';
import { RestoreRefused } from '@mini-edc/db/backup';
import { serverIsRunning } from '../backup/control-socket';
import { readManifest, restoreBackup } from '../backup/restore';
import { loadConfig } from '../config';

const usage = `Usage: npm run restore -- FILE [--replace [--yes]]

Restores a backup written by \`npm run backup\` into the configured database (DATABASE_URL, or the
embedded one in EDC_DATA_DIR) and verifies it: the file's SHA-256 against its manifest, row counts,
the audit chain, and the chain heads against the manifest, one line per check. A database that
holds trial data is refused unless --replace is given and confirmed (typing the study id, or --yes
when there is no terminal); its contents are then kept in a renamed schema, never deleted.
Stop the server first. Exit code 0: restored and verified; 1: a check failed; 2: nothing restored.
See docs/backup.md.`;

async function confirmed(argv: string[], study: string, out: (line: string) => void): Promise<boolean> {
  if (argv.includes('--yes')) return true;
  if (!process.stdin.isTTY) {
    out('--replace needs a confirmation: run it in a terminal, or add --yes.');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(
      `The database holds trial data. Type the study id (${study}) to replace it: `,
    );
    return answer.trim() === study;
  } finally {
    rl.close();
  }
}

export async function main(
  argv: string[],
  out: (line: string) => void = console.log,
  env?: Record<string, string | undefined>,
): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file || argv.includes('--help')) {
    out(usage);
    return file ? 0 : 2;
  }
  const replace = argv.includes('--replace');
  const config = loadConfig(env);
  const dataDir = resolve(config.EDC_DATA_DIR);
  if (!config.DATABASE_URL && (await serverIsRunning(dataDir))) {
    out(`No restore: the server is running on ${dataDir}. Stop it first.`);
    return 2;
  }
  if (replace) {
    const manifest = await readManifest(resolve(file)).catch(() => null);
    if (!manifest) {
      out(`No restore: no readable manifest beside ${file}.`);
      return 2;
    }
    if (!(await confirmed(argv, manifest.study, out))) {
      out('No restore: not confirmed.');
      return 2;
    }
  }
  const db = await createDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: resolve(config.EDC_DATA_DIR),
    poolMax: 2,
  });
  try {
    const result = await restoreBackup({
      file: resolve(file),
      db,
      replace,
      migrationsDir: config.EDC_MIGRATIONS_DIR,
      onSetAside: (schema) =>
        out(`the previous contents are kept in schema ${schema}: drop it once the restore has been checked`),
      onCheck: (c) => out(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
    });
    const passed = result.restored && result.checks.every((c) => c.ok);
    out(passed ? 'restore verified' : result.restored ? 'RESTORE VERIFICATION FAILED' : 'nothing restored');
    return passed ? 0 : result.restored ? 1 : 2;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      out(`No restore: ${error.message}. Restore into an empty database, or add --replace.`);
      return 2;
    }
    out(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await db.close();
  }
}

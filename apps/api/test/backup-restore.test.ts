import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createDb, type DbHandle, field, SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { quoteIdent, RestoreRefused, readSnapshot, withReadSnapshot } from '@mini-edc/db/backup';
import { createPgDatabase, createTestDb, dropPgDatabase, testDbKind } from '@mini-edc/db/testing';
import { lbpTrial } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { readBackupArchive } from '../src/backup/archive';
import { startControlSocket } from '../src/backup/control-socket';
import { type CreatedBackup, createBackup, sha256OfFile } from '../src/backup/create';
import { manifestSchema } from '../src/backup/format';
import { restoreBackup } from '../src/backup/restore';
import { main as backupCli } from '../src/cli/backup';
import { main as restoreCli } from '../src/cli/restore';
import { type ExportWorld, seedExportTrial } from './export-seed';

/**
 * A database with no tables at all, on the engine under test (what a site restores into). The
 * other tests restore into a migrated one without trial data (createTestDb), which is quicker.
 */
async function emptyDatabase(): Promise<DbHandle> {
  if (testDbKind() === 'pg') {
    const name = `edc_restore_${process.pid}_${randomBytes(4).toString('hex')}_test`;
    const url = await createPgDatabase(name);
    const handle = await createDb({ databaseUrl: url, poolMax: 2 });
    const close = async () => {
      await handle.close();
      await dropPgDatabase(name);
    };
    return { ...handle, close };
  }
  return createDb({ pglite: new PGlite() });
}

/** Every table's rows as COPY text, in one snapshot: equal output means equal databases. */
async function contents(db: DbHandle): Promise<Record<string, string>> {
  const snap = await withReadSnapshot(db.endpoint, readSnapshot);
  return Object.fromEntries([...snap.data].map(([table, data]) => [table, data.toString('utf8')]));
}

let world: ExportWorld;
let dir: string;
let backup: CreatedBackup;

beforeAll(async () => {
  world = await seedExportTrial();
  dir = await mkdtemp(join(tmpdir(), 'edc-backup-'));
  backup = await createBackup({ db: world.t.db, dir, study: lbpTrial.id });
  // Seeding a trial through the API and a backup with its scratch restore: minutes on a busy machine.
}, 600_000);

afterAll(async () => {
  await world?.t.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes a file named for study, engine and time, and a manifest that records its checks', async () => {
    const engine = world.t.db.kind;
    expect(basename(backup.file)).toMatch(
      new RegExp(`^mini-edc_${lbpTrial.id}_${engine}_\\d{8}T\\d{6}Z\\.backup\\.zip$`),
    );
    const manifest = manifestSchema.parse(JSON.parse(await readFile(backup.manifestFile, 'utf8')));
    expect(manifest.sha256).toBe((await sha256OfFile(backup.file)).sha256);
    expect(manifest.engine).toBe(engine);
    expect(manifest.verification.passed).toBe(true);
    expect(manifest.verification.checks.map((c) => c.name)).toEqual([
      'row counts',
      'audit chain',
      'audit chain heads',
    ]);
    const db = world.t.db.db;
    const audit = await selectRows(db, { n: field.int }, sql`select count(*)::int as n from audit_log`);
    expect(manifest.rowCounts.audit_log).toBe(audit[0]?.n);
    expect(manifest.rowCounts.participants).toBe(5);
    const heads = await selectRows(
      db,
      { chain_key: schema.auditChainHead.chainKey, seq: field.text, hash: schema.auditChainHead.hash },
      sql`select chain_key, seq::text, hash from audit_chain_head order by chain_key`,
    );
    expect(manifest.auditHeads).toEqual(
      heads.map((r) => ({ chainKey: r.chain_key, seq: Number(r.seq), hash: r.hash })),
    );
  });
});

describe('restore', () => {
  it('restores into an empty database, byte for byte, and every check passes', async () => {
    const target = await emptyDatabase();
    try {
      const result = await restoreBackup({ file: backup.file, db: target });
      expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
        ['sha256', true],
        ['format', true],
        ['row counts', true],
        ['audit chain', true],
        ['audit chain heads', true],
      ]);
      expect(await contents(target)).toEqual(await contents(world.t.db));
      // The restored database works: the next audited write continues the chain.
      const next = await selectRows(
        target.db,
        { ahead: field.bool },
        sql`select nextval('audit_log_id_seq')::bigint > max(id) as ahead from audit_log`,
      );
      expect(next[0]?.ahead).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('refuses a database that holds trial data, and changes nothing in it', async () => {
    const before = await contents(world.t.db);
    await expect(restoreBackup({ file: backup.file, db: world.t.db })).rejects.toThrow(RestoreRefused);
    expect(await contents(world.t.db)).toEqual(before);
  });

  it('with replace, sets the previous contents aside in a schema and restores', async () => {
    const target = await createTestDb();
    try {
      await restoreBackup({ file: backup.file, db: target });
      await withAudit(target.db, SYSTEM_ACTOR, (tx) =>
        tx.execute(sql`update sites set name = 'Changed after the backup'`),
      );
      let aside = '';
      const result = await restoreBackup({
        file: backup.file,
        db: target,
        replace: true,
        onSetAside: (s) => (aside = s),
      });
      expect(result.checks.every((c) => c.ok)).toBe(true);
      expect(await contents(target)).toEqual(await contents(world.t.db));
      const kept = await selectRows(
        target.db,
        { n: field.int },
        sql.raw(
          `select count(*)::int as n from ${quoteIdent(aside)}.sites where name = 'Changed after the backup'`,
        ),
      );
      expect(kept[0]?.n).toBeGreaterThan(0);
    } finally {
      await target.close();
    }
  });

  it('refuses a file whose SHA-256 is not the manifest’s, and restores nothing', async () => {
    const copy = join(dir, 'tampered.backup.zip');
    const bytes = await readFile(backup.file);
    bytes[bytes.length - 30] = (bytes[bytes.length - 30] ?? 0) ^ 0xff;
    await writeFile(copy, bytes);
    await writeFile(join(dir, 'tampered.manifest.json'), await readFile(backup.manifestFile));
    const target = await createTestDb();
    try {
      const result = await restoreBackup({ file: copy, db: target });
      expect(result.restored).toBe(false);
      expect(result.checks).toEqual([expect.objectContaining({ name: 'sha256', ok: false })]);
    } finally {
      await target.close();
    }
  });

  it('fails the audit checks when an audit row in the file was altered (manifest re-hashed to match)', async () => {
    const archive = await readBackupArchive(backup.file);
    const audit = archive.snapshot.data.get('audit_log')?.toString('utf8') ?? '';
    const altered = audit.replace(world.correctionReason, 'Nothing to see here');
    expect(altered).not.toBe(audit);
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(JSON.stringify(archive.header)), 'backup.json');
    for (const t of archive.header.tables) {
      const data =
        t.name === 'audit_log'
          ? Buffer.from(altered)
          : (archive.snapshot.data.get(t.name) ?? Buffer.alloc(0));
      zip.addBuffer(data, `data/${t.name}.copy`);
    }
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(Buffer.from(c));
    const file = join(dir, 'altered.backup.zip');
    await writeFile(file, Buffer.concat(chunks));
    const manifest = manifestSchema.parse(JSON.parse(await readFile(backup.manifestFile, 'utf8')));
    const { sha256 } = await sha256OfFile(file);
    await writeFile(join(dir, 'altered.manifest.json'), JSON.stringify({ ...manifest, sha256 }));
    const target = await createTestDb();
    try {
      const result = await restoreBackup({ file, db: target });
      expect(result.restored).toBe(true);
      expect(result.checks.find((c) => c.name === 'audit chain')).toMatchObject({ ok: false });
      expect(result.checks.find((c) => c.name === 'row counts')).toMatchObject({ ok: true });
    } finally {
      await target.close();
    }
  });
});

describe('the server on the embedded database', () => {
  it('takes the backup when npm run backup asks it, and restore refuses while it runs', async () => {
    const dataDir = join(dir, 'data');
    const control = await startControlSocket({ dataDir, db: world.t.db, study: lbpTrial.id });
    try {
      const lines: string[] = [];
      const env = { EDC_DATA_DIR: dataDir, EDC_BACKUP_DIR: join(dir, 'through-server') };
      expect(await backupCli([], (l) => lines.push(l), env)).toBe(0);
      expect(lines.at(-1)).toBe('backup verified');
      expect(lines[0]).toContain(join(dir, 'through-server', `mini-edc_${lbpTrial.id}_${world.t.db.kind}_`));
      const file = lines[0]?.replace(/^backup\s+/, '') ?? '';
      const refused: string[] = [];
      expect(await restoreCli([file], (l) => refused.push(l), env)).toBe(2);
      expect(refused).toEqual([`No restore: the server is running on ${dataDir}. Stop it first.`]);
    } finally {
      await control.close();
    }
  });
});

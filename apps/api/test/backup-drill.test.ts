/**
 * The restore drill (docs/backup.md): a study with participants, records, a signature, a query
 * and an export is backed up while a coordinator keeps enrolling; the file is restored into the
 * same engine and into the other one, and the restored system is compared with the backup and
 * used through the API.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createDb, type DbHandle, schema, selectRows } from '@mini-edc/db';
import { readSnapshot, withReadSnapshot } from '@mini-edc/db/backup';
import {
  createPgDatabase,
  createTestDb,
  dropPgDatabase,
  testDbKind,
  testPgAdminUrl,
} from '@mini-edc/db/testing';
import { lbpTrial } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { readBackupArchive } from '../src/backup/archive';
import { type CreatedBackup, createBackup } from '../src/backup/create';
import { restoreBackup } from '../src/backup/restore';
import { testConfig } from '../src/config';
import { buildTestApp, type TestContext } from './helpers';
import { today } from './journey-helpers';
import { buildMonitorWorld, type MonitorWorld } from './monitor-world';
import { call, signIn } from './session';

const PASSWORD = 'Correct-Horse-42';

/** The PostgreSQL project always has a server; the PGlite one uses it for the other engine when it answers. */
function pgReachable(): Promise<boolean> {
  const url = new URL(testPgAdminUrl);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 5432) });
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A database without trial data on the given engine: migrated on this project's engine, bare on the other. */
async function emptyDatabase(engine: 'pg' | 'pglite'): Promise<DbHandle> {
  if (engine === testDbKind()) return createTestDb();
  if (engine === 'pg') {
    const name = `edc_drill_${process.pid}_${randomBytes(4).toString('hex')}_test`;
    const url = await createPgDatabase(name);
    const handle = await createDb({ databaseUrl: url, poolMax: 4 });
    const close = async () => {
      await handle.close();
      await dropPgDatabase(name);
    };
    return { ...handle, close };
  }
  return createDb({ pglite: new PGlite() });
}

async function copyText(db: DbHandle): Promise<Map<string, string>> {
  const snap = await withReadSnapshot(db.endpoint, readSnapshot);
  return new Map([...snap.data].map(([table, data]) => [table, data.toString('utf8')]));
}

const ok = async (res: Awaited<ReturnType<typeof call>>, what: string) => {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
};

let t: TestContext;
let w: MonitorWorld;
let dir: string;
let backup: CreatedBackup;
/** Participants the coordinator enrolled while the backup ran, in acknowledgement order. */
const acknowledged: string[] = [];
let ackedBeforeBackupStarted = 0;
/** Writes from this index on (1-based count) began after createBackup() returned. */
let startedAfterBackupReturned = 0;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 10_000 });
  w = await buildMonitorWorld(t);
  const { coordinator, investigator, monitor } = w.users;
  await ok(
    await call(t.app, coordinator.session, 'POST', `/api/v1/participants/${w.pA}/randomize`),
    'randomize',
  );
  await ok(
    await call(t.app, investigator.session, 'POST', `/api/v1/participants/${w.pA}/visits/BL/sign`, {
      password: PASSWORD,
    }),
    'sign',
  );
  await ok(
    await call(t.app, monitor.session, 'POST', '/api/v1/queries', {
      recordId: w.vasA,
      field: 'vas_mm',
      message: 'Please check the line length.',
    }),
    'query',
  );
  const exported = await call(t.app, coordinator.session, 'GET', '/api/v1/exports/wide.csv');
  expect(exported.statusCode).toBe(200);
  dir = await mkdtemp(join(tmpdir(), 'edc-drill-'));

  // The coordinator keeps enrolling, one acknowledged write after another, while the backup
  // runs; bounded so the loop always ends.
  let backupReturned = false;
  let afterReturn = 0;
  let firstAck: () => void = () => {};
  const firstAcks = new Promise<void>((resolve) => {
    firstAck = resolve;
  });
  const writer = (async () => {
    for (let i = 0; i < 300 && afterReturn < 3; i++) {
      if (backupReturned) afterReturn++;
      const res = await call(t.app, coordinator.session, 'POST', '/api/v1/participants', {
        siteId: w.siteA,
        screenedAt: today(),
      });
      const body = await ok(res, 'enrol');
      acknowledged.push(body.id);
      if (acknowledged.length === 3) firstAck();
    }
  })();
  await firstAcks;
  ackedBeforeBackupStarted = acknowledged.length;
  backup = await createBackup({ db: t.db, dir, study: lbpTrial.id });
  backupReturned = true;
  startedAfterBackupReturned = acknowledged.length + 1;
  await writer;
  // Seeding a trial through the API and a backup with its scratch restore: minutes on a busy machine.
}, 600_000);

afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const engines: ('pg' | 'pglite')[] = ['pglite', 'pg'];

describe(`restore drill from ${testDbKind()}`, () => {
  it('backed up a study with every kind of record, verified at backup time', () => {
    const counts = backup.manifest.rowCounts;
    for (const table of [
      'participants',
      'form_records',
      'signatures',
      'data_queries',
      'exports',
      'audit_log',
    ]) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
    expect(backup.manifest.verification.passed).toBe(true);
  });

  for (const engine of engines) {
    it(`restores into ${engine}: the same rows, a working system, and no acknowledged write lost`, {
      timeout: 600_000,
    }, async (ctx) => {
      // Without a reachable PostgreSQL there is nothing to restore into; the PGlite case still runs.
      if (engine === 'pg' && !(await pgReachable())) ctx.skip();
      const target = await emptyDatabase(engine);
      try {
        const result = await restoreBackup({ file: backup.file, db: target });
        expect(result.checks.filter((c) => !c.ok)).toEqual([]);
        expect(result.checks).toHaveLength(5);

        // Every table holds exactly the rows of the file, byte for byte in COPY text.
        const archive = await readBackupArchive(backup.file);
        const restored = await copyText(target);
        for (const [table, data] of archive.snapshot.data)
          expect(restored.get(table), table).toBe(data.toString('utf8'));

        // Everything in the backup was in the source: the audit trail is append-only, so every
        // restored audit row is one of the source's, unchanged.
        const source = await copyText(t.db);
        const sourceAudit = new Set((source.get('audit_log') ?? '').split('\n'));
        const restoredAudit = (restored.get('audit_log') ?? '').split('\n').filter(Boolean);
        expect(restoredAudit.filter((line) => !sourceAudit.has(line))).toEqual([]);
        for (const table of [
          'form_records',
          'signatures',
          'data_queries',
          'exports',
          'randomization_slots',
        ]) {
          expect(restored.get(table), table).toBe(source.get(table));
        }

        // The snapshot is consistent: the enrolments it holds are a prefix of the acknowledged
        // ones, with every write acknowledged before the backup started and none begun after it.
        const ids = new Set(
          (
            await selectRows(
              target.db,
              { id: schema.participants.id },
              sql`select id::text as id from participants`,
            )
          ).map((r) => r.id),
        );
        const present = acknowledged.map((id) => ids.has(id));
        const held = present.indexOf(false) === -1 ? present.length : present.indexOf(false);
        expect(present.slice(held).every((p) => !p)).toBe(true);
        expect(held).toBeGreaterThanOrEqual(ackedBeforeBackupStarted);
        expect(held).toBeLessThanOrEqual(startedAfterBackupReturned);

        // The restored system works: sign-in with the same password, the signature still valid,
        // the audit chain verified by the API, and new writes continue the chains.
        const app = await buildApp({ db: target, config: testConfig(), logger: false });
        try {
          const emailOf = async (id: string) =>
            (
              await selectRows(
                target.db,
                { email: schema.users.email },
                sql`select email from users where id = ${id}::uuid`,
              )
            )[0]?.email ?? '';
          const investigator = await signIn(app, await emailOf(w.users.investigator.id), PASSWORD);
          const history = await ok(
            await call(app, investigator, 'GET', `/api/v1/records/${w.vasA}/history`),
            'h',
          );
          expect(history.signatures).toEqual([expect.objectContaining({ valid: true, voidedAt: null })]);
          const monitor = await signIn(app, await emailOf(w.users.monitor.id), PASSWORD);
          const verify = await ok(await call(app, monitor, 'GET', '/api/v1/audit/verify'), 'verify');
          expect(verify.ok).toBe(true);
          // The two sign-ins were audited after the restored rows, on the same chains.
          expect(verify.rowsChecked).toBeGreaterThan(archive.header.rowCounts.audit_log ?? 0);
        } finally {
          await app.close();
        }
      } finally {
        await target.close();
      }
    });
  }
});

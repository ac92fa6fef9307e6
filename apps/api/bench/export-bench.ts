/**
 * Export benchmark: are the exports streamed with flat memory at trial scale?
 * Not part of the test suite.
 *
 * Run (PostgreSQL must be reachable; nothing else is needed):
 *   cd apps/api && node bench/build-and-run.mjs            # 10,000 participants
 *   BENCH_PARTICIPANTS=2000 node bench/build-and-run.mjs   # smaller
 *   DATABASE_URL=postgres://user@host:5432/postgres node bench/build-and-run.mjs
 *   BENCH_KEEP=1 node bench/build-and-run.mjs               # keep the database to inspect it
 * build-and-run.mjs bundles this file with esbuild (as build.mjs bundles the server) and runs it
 * with --expose-gc. DATABASE_URL names the server's admin database; the benchmark creates
 * `edc_bench_export_test` there, fills it with synthetic participants (written in bulk by SQL as
 * the explicit system actor, so the audit triggers run as in production), downloads the wide CSV,
 * the long CSV and the ODM over real HTTP while sampling the process RSS every 50 ms, prints a
 * table and drops the database.
 *
 * RSS also holds garbage V8 has not collected yet, so its peak grows with the allocation rate, not
 * only with what is alive. To show the memory bound, cap the heap: the export must still finish.
 *   BENCH_NODE_ARGS=--max-old-space-size=96 node bench/build-and-run.mjs
 * or measure the live heap alone (a full GC before each 50 ms sample; times are then not comparable):
 *   BENCH_LIVE=1 node bench/build-and-run.mjs
 * As a browser downloads them, compressed on the fly (the file is decompressed as it arrives and
 * its SHA-256 checked against the manifest; "wire MB" is what crossed the network):
 *   BENCH_ENCODING=gzip node bench/build-and-run.mjs      # or br
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import { createDb, field, SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { newSite, newUser } from '../src/seed/factories';
import { createSession } from '../src/services/sessions';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const participants = Number(process.env.BENCH_PARTICIPANTS ?? 10_000);
const live = process.env.BENCH_LIVE === '1';
const encoding =
  process.env.BENCH_ENCODING === 'br' || process.env.BENCH_ENCODING === 'gzip'
    ? process.env.BENCH_ENCODING
    : null;
const DB_NAME = 'edc_bench_export_test';
// The bundle runs from apps/api/bench/dist: the repository's migrations are four levels up.
const migrationsDir = fileURLToPath(new URL('../../../../migrations', import.meta.url));
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** CREATE/DROP DATABASE cannot run in a transaction; a pooled one-off statement does not. */
async function admin(statement: string) {
  const server = await createDb({ databaseUrl: adminUrl, poolMax: 1 });
  try {
    await server.db.execute(sql.raw(statement));
  } finally {
    await server.close();
  }
}

function benchUrl() {
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

/** Participants, allocations and VAS + ODI at four visits, all in one audited transaction. */
async function seed(db: Awaited<ReturnType<typeof createDb>>['db'], siteIds: string[]) {
  const perSite = Math.ceil(participants / siteIds.length);
  const hash = (salt: string, mod: number) =>
    sql.raw(`(abs(hashtext(p.id::text || v.code || '${salt}')) % ${mod})`);
  const odiItems = Array.from({ length: 10 }, (_, i) => {
    const q = `q${i + 1}`;
    // About 5% of answers are missing, so totals are computed from fewer than ten sections too.
    return sql`${q}::text, case when ${hash(`${q}m`, 20)} = 0 then null else ${hash(q, 6)} end`;
  });
  await withAudit(db, SYSTEM_ACTOR, async (tx) => {
    await tx.execute(sql`insert into participants (study_id, site_id, site_seq, status, sex, birth_year,
        screened_at, eligible, consent_date, randomized_at)
      select s.code || '-' || lpad(g::text, 4, '0'), s.id, g, 'randomized',
             case when g % 2 = 0 then 'female' else 'male' end, 1950 + g % 45,
             date '2025-01-01' + g % 200, true, date '2025-01-02' + g % 200,
             timestamptz '2025-01-03 09:00:00+00' + make_interval(days => g % 200)
      from sites s cross join generate_series(1, ${perSite}) g
      where s.id in (${sql.join(
        siteIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
    const [list] = await selectRows(
      tx,
      { id: schema.randomizationLists.id },
      sql`insert into randomization_lists (name, method, params, commitment)
          values ('Bench list', 'generated', '{}'::jsonb, repeat('0', 64)) returning id`,
    );
    await tx.execute(sql`insert into randomization_slots (list_id, stratum_key, seq, arm, participant_id, assigned_at)
      select ${list?.id}::uuid, s.code, p.site_seq, case when p.site_seq % 2 = 0 then 'TLF_MOB' else 'US_D5W' end,
             p.id, p.randomized_at
      from participants p join sites s on s.id = p.site_id`);
    const visits = sql`(values ('BL', 0), ('W1', 7), ('M1', 28), ('M3', 84)) as v(code, day)`;
    await tx.execute(sql`insert into form_records (participant_id, site_id, visit_code, form_code, status, data)
      select p.id, p.site_id, v.code, 'vas', 'complete', jsonb_build_object(
        'vas_mm', ${hash('vas', 101)}, 'vas_method', 'electronic', 'assessor_id', 'bench',
        'assessed_at', to_char((p.randomized_at + make_interval(days => v.day)) at time zone 'UTC',
                               'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
      from participants p cross join ${visits}`);
    await tx.execute(sql`insert into form_records (participant_id, site_id, visit_code, form_code, status, data)
      select p.id, p.site_id, v.code, 'odi', 'complete',
             jsonb_build_object('odi_version', '2.1a-en', ${sql.join(odiItems, sql`, `)})
      from participants p cross join ${visits}`);
  });
  await db.execute(sql`analyze`);
}

interface Measure {
  label: string;
  status: number;
  bytes: number;
  wireBytes: number;
  contentEncoding: string;
  ttfbMs: number;
  totalMs: number;
  rssBeforeMb: string;
  rssPeakMb: string;
  heapPeakMb: string;
  liveAfterMb: string;
  sha256Ok: boolean;
  rows: number | null;
}

interface Download {
  status: number;
  bytes: number;
  wireBytes: number;
  contentEncoding: string;
  sha256: string;
  ttfb: number;
  exportId: string;
}

function get(port: number, path: string, cookie: string) {
  return new Promise<Download>((resolve, reject) => {
    const started = performance.now();
    const headers = { cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) };
    const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const ttfb = performance.now() - started;
      const contentEncoding = String(res.headers['content-encoding'] ?? 'identity');
      const hash = createHash('sha256');
      let bytes = 0;
      let wireBytes = 0;
      res.on('data', (chunk: Buffer) => {
        wireBytes += chunk.length;
      });
      const body =
        contentEncoding === 'br'
          ? res.pipe(createBrotliDecompress())
          : contentEncoding === 'gzip'
            ? res.pipe(createGunzip())
            : res;
      body.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      body.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          wireBytes,
          contentEncoding,
          sha256: hash.digest('hex'),
          ttfb,
          exportId: String(res.headers['x-export-id']),
        }),
      );
      res.on('error', reject);
      body.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function measure(port: number, cookie: string, label: string, path: string): Promise<Measure> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  let heapPeak = 0;
  const timer = setInterval(() => {
    // BENCH_LIVE=1 collects first, so the sample is the live set alone (slower, but exact).
    if (live) gc?.();
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 50);
  const started = performance.now();
  const r = await get(port, path, cookie);
  const totalMs = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  gc?.();
  const liveAfter = process.memoryUsage().heapUsed;
  const manifest = await new Promise<{ sha256: string; rowCount: number | null }>((resolve, reject) => {
    http
      .get(
        { host: '127.0.0.1', port, path: `/api/v1/exports/${r.exportId}/manifest`, headers: { cookie } },
        (res) => {
          let body = '';
          res.on('data', (c) => {
            body += c;
          });
          res.on('end', () => resolve(JSON.parse(body)));
        },
      )
      .on('error', reject);
  });
  return {
    label,
    status: r.status,
    bytes: r.bytes,
    wireBytes: r.wireBytes,
    contentEncoding: r.contentEncoding,
    ttfbMs: Math.round(r.ttfb),
    totalMs: Math.round(totalMs),
    rssBeforeMb: mb(before),
    rssPeakMb: mb(peak),
    heapPeakMb: mb(heapPeak),
    liveAfterMb: mb(liveAfter),
    sha256Ok: manifest.sha256 === r.sha256,
    rows: manifest.rowCount,
  };
}

async function main() {
  await admin(`drop database if exists "${DB_NAME}" with (force)`);
  await admin(`create database "${DB_NAME}"`);
  const handle = await createDb({ databaseUrl: benchUrl(), poolMax: 10 });
  try {
    await handle.migrate(migrationsDir);
    const sites = [await newSite(handle.db, { code: 'S01' }), await newSite(handle.db, { code: 'S02' })];
    const user = await newUser(handle.db, { role: 'admin', siteIds: sites.map((s) => s.id) });
    let t = performance.now();
    await seed(
      handle.db,
      sites.map((s) => s.id),
    );
    const [counts] = await selectRows(
      handle.db,
      { p: field.int, r: field.int, a: field.int },
      sql`select (select count(*) from participants)::text as p, (select count(*) from form_records)::text as r,
                 (select count(*) from audit_log)::text as a`,
    );
    console.log(
      `seeded ${counts?.p} participants, ${counts?.r} form records, ${counts?.a} audit rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const app = await buildApp({ db: handle, config: testConfig({ LOG_LEVEL: 'warn' }), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const { token } = await createSession(handle.db, user.id, app.sessionPolicy);
    const cookie = `edc_session=${token}`;
    t = performance.now();
    const results: Measure[] = [];
    for (const [label, path] of [
      ['wide CSV', '/api/v1/exports/wide.csv'],
      ['long CSV', '/api/v1/exports/long.csv'],
      ['ODM 1.3.2 XML', '/api/v1/exports/odm.xml'],
    ] as const) {
      results.push(await measure(port, cookie, label, path));
    }
    await app.close();
    console.log(
      `\nexports of ${participants} participants (PostgreSQL, batches of 200, Node ${process.version})`,
    );
    console.table(
      results.map((r) => ({
        export: r.label,
        status: r.status,
        'size MB': mb(r.bytes),
        ...(encoding ? { encoding: r.contentEncoding, 'wire MB': mb(r.wireBytes) } : {}),
        rows: r.rows,
        'first byte ms': r.ttfbMs,
        'total s': (r.totalMs / 1000).toFixed(2),
        'MB/s': (r.bytes / 1024 / 1024 / (r.totalMs / 1000)).toFixed(1),
        'RSS before MB': r.rssBeforeMb,
        'RSS peak MB': r.rssPeakMb,
        [live ? 'live heap peak MB' : 'heap peak MB']: r.heapPeakMb,
        'heap after GC MB': r.liveAfterMb,
        'sha256 = manifest': r.sha256Ok,
      })),
    );
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP !== '1') await admin(`drop database if exists "${DB_NAME}" with (force)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

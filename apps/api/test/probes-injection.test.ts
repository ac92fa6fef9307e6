/**
 * SQL injection and XSS probes in every free-text field: adverse event and deviation
 * descriptions, reasons for change, a missed visit's reason, query messages, user display names
 * and site names. Each probe is stored and returned verbatim, as JSON text (never HTML), and the
 * tables are intact afterwards: every probe that names a table left it in place with its rows,
 * and the audit chain still verifies. Runs on both engines.
 */
import { field, schema, selectRows, verifyAuditChain } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { daysAgo, vasData } from './journey-helpers';
import { call, type Session } from './session';

const probes = [
  "'; drop table participants; --",
  'Robert"); DROP TABLE users;-- ',
  "x' or '1'='1",
  '1; select pg_sleep(5); --',
  '$$; delete from audit_log; $$',
  "'); truncate audit_log cascade; --",
  '<script>alert("xss")</script>',
  '<img src=x onerror="alert(document.cookie)">',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '</textarea><svg/onload=alert(1)>',
  'Ağrı — 𝕳𝖊𝖑𝖑𝖔 👩‍⚕️ \u202e gnp.exe',
].map((p) => p.trim());

let t: TestContext;
let siteId: string;
let coordinator: Session;
let admin: Session;
let monitor: Session;
let participantId: string;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 100_000 });
  siteId = (await newSite(t.db.db, { code: 'P01' })).id;
  const sessionFor = async (role: 'coordinator' | 'admin' | 'monitor') => {
    return (await signedInUser(t, { role, siteIds: [siteId] })).session;
  };
  coordinator = await sessionFor('coordinator');
  admin = await sessionFor('admin');
  monitor = await sessionFor('monitor');
  participantId = await readyForRandomization(t.app, coordinator, siteId);
  const list = await call(t.app, admin, 'POST', '/api/v1/admin/randomization-lists/generate', {
    name: 'Probe list',
  });
  expect(list.statusCode).toBe(201);
  const randomized = await call(
    t.app,
    coordinator,
    'POST',
    `/api/v1/participants/${participantId}/randomize`,
  );
  expect(randomized.statusCode).toBe(201);
}, 120_000);
afterAll(() => t?.close());

/** True when `value` holds `text` as a whole JSON string somewhere (not merely a substring). */
function holdsString(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value === text;
  if (Array.isArray(value)) return value.some((v) => holdsString(v, text));
  if (value && typeof value === 'object') return Object.values(value).some((v) => holdsString(v, text));
  return false;
}

async function readBack(session: Session, url: string) {
  const res = await call(t.app, session, 'GET', url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  // JSON, never HTML: a browser does not render it, and the web app escapes what it shows.
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  return res.json() as unknown;
}

function expectOk(res: Awaited<ReturnType<typeof call>>, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
  return res.json() as { id?: string };
}

async function tableCounts() {
  const rows = await selectRows(
    t.db.db,
    { name: field.text },
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const [row] = await selectRows(
      t.db.db,
      { n: field.int },
      sql.raw(`select count(*)::int as n from "${name}"`),
    );
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

describe(`injection and XSS probes on ${testDbKind()}`, () => {
  it('stores and returns every probe verbatim in every free-text field, and the tables stay intact', async () => {
    const tablesBefore = Object.keys(await tableCounts());
    const base = `/api/v1/participants/${participantId}`;
    const stored: { probe: string; field: string; readFrom: { session: Session; url: string } }[] = [];

    const detail = (await call(t.app, coordinator, 'GET', base)).json();
    const baselineAssessedAt = String(
      detail.records.find(
        (r: { formCode: string; visitCode: string }) => r.formCode === 'vas' && r.visitCode === 'BL',
      )?.data.assessed_at,
    );
    for (const [i, probe] of probes.entries()) {
      // Adverse event: description and action taken (a repeating form: one instance per probe).
      const ae = await call(t.app, coordinator, 'PUT', `${base}/visits/UNS/forms/adverse_event`, {
        seq: i + 1,
        status: 'complete',
        data: {
          onset_date: daysAgo(1),
          description: probe,
          serious: 'no',
          severity: 'mild',
          relatedness: 'unlikely',
          action_taken: probe,
          outcome: 'recovered',
        },
      });
      expectOk(ae, `adverse event ${i}`);
      stored.push({
        probe,
        field: 'adverse_event.description',
        readFrom: { session: coordinator, url: base },
      });

      const deviation = await call(t.app, coordinator, 'PUT', `${base}/visits/UNS/forms/deviation`, {
        seq: i + 1,
        status: 'complete',
        data: {
          date: daysAgo(1),
          category: 'other',
          major: 'no',
          description: probe,
          corrective_action: probe,
        },
      });
      expectOk(deviation, `deviation ${i}`);
      stored.push({ probe, field: 'deviation.description', readFrom: { session: coordinator, url: base } });

      // Reason for change of a completed record: kept in the audit trail.
      // The baseline was assessed before randomization; a correction keeps that time.
      const corrected = await call(t.app, coordinator, 'PUT', `${base}/visits/BL/forms/vas`, {
        data: vasData(10 + i, baselineAssessedAt),
        status: 'complete',
        reason: probe,
      });
      expectOk(corrected, `vas correction ${i}`);
      stored.push({
        probe,
        field: 'reason for change',
        readFrom: { session: admin, url: `/api/v1/audit?participantId=${participantId}&limit=200` },
      });

      const site = await call(t.app, admin, 'POST', '/api/v1/admin/sites', {
        code: `Q${String(i).padStart(2, '0')}`,
        name: probe.length >= 2 ? probe : `${probe}!`,
      });
      expectOk(site, `site ${i}`);
      stored.push({ probe, field: 'site name', readFrom: { session: admin, url: '/api/v1/admin/sites' } });

      const user = await call(t.app, admin, 'POST', '/api/v1/admin/users', {
        email: `probe-${i}@test.edc`,
        displayName: probe,
        role: 'monitor',
        siteIds: [siteId],
        temporaryPassword: 'Temporary-Pass-1',
      });
      expectOk(user, `user ${i}`);
      stored.push({
        probe,
        field: 'user display name',
        readFrom: { session: admin, url: '/api/v1/admin/users' },
      });
    }

    // Free text that is written once per record.
    const [visitProbe, queryProbe] = [probes[0] as string, probes[6] as string];
    const missed = await call(t.app, coordinator, 'PUT', `${base}/visits/W1`, {
      status: 'missed',
      missedReason: `${visitProbe} ${queryProbe}`,
    });
    expectOk(missed, 'missed visit');
    stored.push({
      probe: `${visitProbe} ${queryProbe}`,
      field: 'missed visit reason',
      readFrom: { session: coordinator, url: base },
    });
    const [record] = await selectRows(
      t.db.db,
      { id: schema.formRecords.id },
      sql`select id from form_records where participant_id = ${participantId}::uuid and form_code = 'vas'`,
    );
    for (const probe of probes) {
      const query = await call(t.app, monitor, 'POST', '/api/v1/queries', {
        recordId: record?.id,
        field: 'vas_mm',
        message: probe,
      });
      expectOk(query, 'query');
      stored.push({ probe, field: 'query message', readFrom: { session: monitor, url: '/api/v1/queries' } });
    }

    const cache = new Map<string, unknown>();
    const missing: string[] = [];
    for (const { probe, field, readFrom } of stored) {
      const key = `${readFrom.url}`;
      if (!cache.has(key)) cache.set(key, await readBack(readFrom.session, readFrom.url));
      if (!holdsString(cache.get(key), probe)) missing.push(`${field}: ${JSON.stringify(probe)}`);
    }
    expect(missing).toEqual([]);

    // Tables intact: none dropped or emptied, the probed rows all there, the chain unbroken.
    const after = await tableCounts();
    expect(Object.keys(after)).toEqual(tablesBefore);
    expect(after.participants).toBe(1);
    expect(after.sites).toBe(1 + probes.length);
    expect(after.users).toBe(3 + probes.length);
    expect(after.data_queries).toBe(probes.length);
    const [counts] = await selectRows(
      t.db.db,
      { ae: field.int, dev: field.int },
      sql`select count(*) filter (where form_code = 'adverse_event')::int as ae,
                 count(*) filter (where form_code = 'deviation')::int as dev
          from form_records where participant_id = ${participantId}::uuid`,
    );
    expect(counts).toEqual({ ae: probes.length, dev: probes.length });
    expect(after.audit_log).toBeGreaterThan(0);
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  }, 120_000);

  // PostgreSQL cannot store U+0000 in text or jsonb (SQLSTATE 22P05 / 22021); the error handler
  // answers those with 400 VALIDATION_FAILED, and the rolled-back transaction wrote nothing.
  it('refuses a NUL character in free text with a 400, not a database error', async () => {
    const before = await tableCounts();
    const attempts = [
      await call(
        t.app,
        coordinator,
        'PUT',
        `/api/v1/participants/${participantId}/visits/UNS/forms/deviation`,
        {
          seq: 99,
          status: 'complete',
          data: { date: daysAgo(1), category: 'other', major: 'no', description: 'before\u0000after' },
        },
      ),
      await call(t.app, admin, 'POST', '/api/v1/admin/sites', { code: 'N01', name: 'Site\u0000name' }),
    ];
    expect(await tableCounts()).toEqual(before);
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
  });
});

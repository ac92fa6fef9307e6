import { testDbKind } from '@mini-edc/db/testing';
import type { AuditEntry } from '@mini-edc/domain';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from './helpers';
import { vasData } from './journey-helpers';
import { buildMonitorWorld, type MonitorWorld } from './monitor-world';
import { call } from './session';

let t: TestContext;
let w: MonitorWorld;
let startedAt: string;
const awkwardReason = 'Source says "55", not 62,\nper the nurse';

beforeAll(async () => {
  t = await buildTestApp();
  startedAt = new Date(Date.now() - 1000).toISOString();
  w = await buildMonitorWorld(t);
  const res = await call(
    t.app,
    w.users.coordinator.session,
    'PUT',
    `/api/v1/participants/${w.pA}/visits/BL/forms/vas`,
    {
      data: vasData(55),
      status: 'complete',
      reason: awkwardReason,
    },
  );
  expect(res.statusCode).toBe(200);
});
afterAll(() => t?.close());

const get = (who: keyof MonitorWorld['users'], url: string) => call(t.app, w.users[who].session, 'GET', url);
const items = async (who: keyof MonitorWorld['users'], query: string): Promise<AuditEntry[]> => {
  const res = await get(who, `/api/v1/audit?limit=500&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

describe(`audit review on ${testDbKind()}`, () => {
  it('shows a monitor only the rows of their sites, newest first, in UTC', async () => {
    const rows = await items('monitor', '');
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.siteCode))).toEqual(new Set(['S01']));
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
    for (const r of rows) expect(r.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const coordinatorRow = rows.find((r) => r.actor.id === w.users.coordinator.id);
    expect(coordinatorRow?.actor.role).toBe('coordinator');
  });

  it('filters by participant, field and form, with field-level old and new values', async () => {
    const ofB = await items('monitor', `participantId=${w.pB}`);
    expect(ofB).toEqual([]);
    const vas = await items('monitor', `participantId=${w.pA}&field=data.vas_mm`);
    expect(vas.map((r) => r.action)).toEqual(['UPDATE', 'INSERT']);
    const [correction] = vas;
    expect(correction?.participantStudyId).toBe('S01-0001');
    expect(correction?.reason).toBe(awkwardReason);
    expect(correction?.changes).toContainEqual({
      field: 'data.vas_mm',
      old: 62,
      new: 55,
      item: { kind: 'field', code: 'vas_mm' },
    });
    const odi = await items('monitor', `participantId=${w.pA}&form=odi`);
    expect(odi.length).toBeGreaterThan(0);
    for (const r of odi) {
      expect(r.table).toBe('form_records');
      expect(r.changes.some((c) => c.field === 'data.q1')).toBe(true);
    }
  });

  it('names each row in codes the web words: kind, step, form and visit, field codes (R-AUDIT-5)', async () => {
    const [correction, created] = await items('monitor', `participantId=${w.pA}&field=data.vas_mm`);
    expect(correction).toMatchObject({
      entity: 'form_record',
      verb: 'changed',
      formCode: 'vas',
      visitCode: 'BL',
      participantStudyId: 'S01-0001',
    });
    expect(correction?.changes).toContainEqual({
      field: 'data.vas_mm',
      old: 62,
      new: 55,
      item: { kind: 'field', code: 'vas_mm' },
    });
    expect(created).toMatchObject({
      entity: 'form_record',
      verb: 'created',
      formCode: 'vas',
      visitCode: 'BL',
    });
    const items_ = new Map(created?.changes.map((c) => [c.field, c.item]));
    expect(items_.get('status')).toEqual({ kind: 'column', code: 'status' });
    expect(items_.get('id')).toEqual({ kind: 'key' });
    expect(items_.get('participant_id')).toEqual({ kind: 'key' });
    const enrolment = await items('monitor', `participantId=${w.pA}&table=participants`);
    expect(enrolment.at(-1)).toMatchObject({ entity: 'participant', verb: 'created', formCode: null });
    const visits = await items('monitor', `participantId=${w.pA}&table=visits`);
    for (const v of visits) expect(v).toMatchObject({ entity: 'visit', visitCode: expect.any(String) });
  });

  it('finds field changes by words of the field label in English or Turkish (R-AUDIT-5)', async () => {
    const byPath = (await items('monitor', `participantId=${w.pA}&field=data.vas_mm`)).map((r) => r.id);
    expect(byPath).toHaveLength(2);
    const found = async (words: string) =>
      (await items('monitor', `participantId=${w.pA}&fieldText=${encodeURIComponent(words)}`)).map(
        (r) => r.id,
      );
    for (const words of ['pain vas', 'PAIN VAS', 'ağrı vas', 'AĞRI VAS', 'agri v']) {
      expect(await found(words), words).toEqual(byPath);
    }
    // One word finds every field it names: the VAS and the ODI's pain intensity section.
    for (const words of ['pain', 'ağrı', 'AĞR']) {
      const ids = await found(words);
      expect(ids, words).toEqual(expect.arrayContaining(byPath));
      expect(ids.length, words).toBeGreaterThan(byPath.length);
    }
    expect(await items('monitor', `participantId=${w.pA}&fieldText=zzz-no-such-label`)).toEqual([]);
    // The CSV copy selects the same rows.
    const csv = await get(
      'monitor',
      `/api/v1/audit/export.csv?participantId=${w.pA}&fieldText=a%C4%9Fr%C4%B1%20vas`,
    );
    const rows: Record<string, string>[] = parse(csv.body, {
      comment: '#',
      comment_no_infix: true,
      columns: true,
    });
    expect(new Set(rows.map((r) => Number(r.audit_id)))).toEqual(new Set(byPath));
  });

  it('filters by user and time range, and by action and table', async () => {
    const later = new Date(Date.now() + 60_000).toISOString();
    const mine = await items('monitor', `actorId=${w.users.coordinator.id}&from=${startedAt}&to=${later}`);
    expect(mine.length).toBeGreaterThan(5);
    expect(new Set(mine.map((r) => r.actor.id))).toEqual(new Set([w.users.coordinator.id]));
    expect(await items('monitor', `actorId=${w.users.coordinator.id}&to=${startedAt}`)).toEqual([]);
    const updates = await items('monitor', 'action=UPDATE&table=participants');
    expect(updates.length).toBeGreaterThan(0);
    for (const r of updates) expect([r.action, r.table]).toEqual(['UPDATE', 'participants']);
  });

  it('pages with an opaque keyset cursor, without gaps or repeats', async () => {
    const all = await items('monitor', '');
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await get('monitor', `/api/v1/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      seen.push(...page.items.map((r: AuditEntry) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((r) => r.id));
    // With a time range pages run newest-first by time, and the cursor carries the time too.
    const range = `actorId=${w.users.coordinator.id}&from=${startedAt}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const inRange = await items('monitor', range);
    const timed: AuditEntry[] = [];
    cursor = null;
    do {
      const res = await get('monitor', `/api/v1/audit?${range}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      timed.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(timed.map((r) => r.id)).toEqual(inRange.map((r) => r.id));
    expect(new Set(timed.map((r) => r.id)).size).toBe(timed.length);
    const times = timed.map((r) => r.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    const bad = await get('monitor', '/api/v1/audit?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.cursor');
    expect((await get('monitor', '/api/v1/audit?limit=0')).statusCode).toBe(400);
    expect((await get('monitor', '/api/v1/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('keeps sites apart, keeps site-less rows for admins, and shuts out the blinded assessor', async () => {
    expect(await items('coordinatorB', `participantId=${w.pA}`)).toEqual([]);
    expect((await items('coordinatorB', '')).every((r) => r.siteCode === 'S02')).toBe(true);
    expect(await items('monitor', 'action=LOGIN')).toEqual([]);
    const logins = await items('admin', 'action=LOGIN');
    expect(logins.map((r) => r.actor.id)).toContain(w.users.monitor.id);
    expect((await get('assessor', '/api/v1/audit')).statusCode).toBe(403);
  });

  it('verifies the hash chain for admins and monitors', async () => {
    const res = await get('monitor', '/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, firstBreak: null });
    expect(res.json().rowsChecked).toBeGreaterThan(20);
    expect((await get('coordinator', '/api/v1/audit/verify')).statusCode).toBe(403);
  });

  it('exports the filtered trail as RFC 4180 CSV headed by the verification, and audits the export', async () => {
    const res = await get('monitor', `/api/v1/audit/export.csv?participantId=${w.pA}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-trail-.*\.csv"$/);
    expect(res.headers['x-audit-chain-ok']).toBe('true');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toMatch(/^# mini-EDC audit trail export, generated .*Z by monitor-/);
    expect(lines[2]).toMatch(
      /^# audit chain verification at export time: intact \(\d+ rows in \d+ chains\)$/,
    );
    expect(lines[3]).toBe(
      'audit_id,occurred_at_utc,actor_id,actor_label,actor_role,site,action,table,record_id,participant,field,old_value,new_value,reason,request_id,occurrences',
    );
    expect(res.body).toContain('"Source says ""55"", not 62,\nper the nurse"');
    const rows: Record<string, string>[] = parse(res.body, {
      comment: '#',
      comment_no_infix: true,
      columns: true,
    });
    const correction = rows.find((r) => r.field === 'data.vas_mm' && r.action === 'UPDATE');
    expect(correction).toMatchObject({
      old_value: '62',
      new_value: '55',
      reason: awkwardReason,
      site: 'S01',
    });
    expect(new Set(rows.map((r) => r.participant))).toEqual(new Set(['S01-0001']));

    const exports = (await items('admin', `action=EXPORT&actorId=${w.users.monitor.id}`)).filter((e) =>
      e.changes.some((c) => c.field === 'filters' && !JSON.stringify(c.new).includes('fieldText')),
    );
    expect(exports).toHaveLength(1);
    expect(exports[0]?.changes).toContainEqual({
      field: 'filters',
      old: null,
      new: { participantId: w.pA },
      item: { kind: 'column', code: 'filters' },
    });
  });

  it('streams a trail longer than one batch and reports a broken chain in the file', async () => {
    // Rows that are not linked into any chain: the export must say the chain is broken.
    await t.db.db.execute(sql`
      insert into audit_log (occurred_at, actor_id, actor_role, action, table_name, participant_id,
                             site_id, changes, chain_key, chain_seq, prev_hash, hash)
      select now(), 'bulk', 'coordinator', 'UPDATE', 'form_records', ${w.pA}::uuid, ${w.siteA}::uuid,
             jsonb_build_object('data.vas_mm', jsonb_build_array(g, g + 1)), 'bulk:' || g, 1,
             repeat('0', 64), repeat('f', 64)
      from generate_series(1, 2500) as g`);
    const res = await get('admin', `/api/v1/audit/export.csv?participantId=${w.pA}&actorId=bulk`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-audit-chain-ok']).toBe('false');
    expect(res.body).toMatch(
      /# audit chain verification at export time: BROKEN at audit row \d+ \(hash_mismatch\)/,
    );
    const rows: Record<string, string>[] = parse(res.body, {
      comment: '#',
      comment_no_infix: true,
      columns: true,
    });
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r) => r.audit_id)).size).toBe(2500);
  });
});

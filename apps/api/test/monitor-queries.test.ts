import { field, schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import type { DataQuery } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQueryCount } from '../src/services/queries';
import { buildTestApp, type TestContext } from './helpers';
import { demographics, vasData } from './journey-helpers';
import { buildMonitorWorld, type MonitorWorld, recordOf } from './monitor-world';
import { call } from './session';

let t: TestContext;
let w: MonitorWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildMonitorWorld(t);
});
afterAll(() => t?.close());

type Who = keyof MonitorWorld['users'];
const post = (who: Who, url: string, payload: unknown) =>
  call(t.app, w.users[who].session, 'POST', url, payload);
const get = (who: Who, url: string) => call(t.app, w.users[who].session, 'GET', url);
const open = async (who: Who, recordId: string, field: string) => {
  const res = await post(who, '/api/v1/queries', { recordId, field, message: `Please check ${field}.` });
  expect(res.statusCode).toBe(201);
  return res.json() as DataQuery;
};

describe(`data queries on ${testDbKind()}`, () => {
  it('runs open → answered → closed → reopened, each step audited', async () => {
    const q = await open('monitor', w.vasA, 'vas_mm');
    expect(q).toMatchObject({
      status: 'open',
      field: 'vas_mm',
      formCode: 'vas',
      visitCode: 'BL',
      participantStudyId: 'S01-0001',
      selfCheck: false,
    });
    expect(await openQueryCount(t.db.db, w.vasA)).toBe(1);

    // The site corrects the value through the form save (reason for change), then answers.
    const fix = await call(
      t.app,
      w.users.coordinator.session,
      'PUT',
      `/api/v1/participants/${w.pA}/visits/BL/forms/vas`,
      {
        data: vasData(58),
        status: 'complete',
        reason: 'Query: transcription error',
      },
    );
    expect(fix.statusCode).toBe(200);
    const answered = await post('coordinator', `/api/v1/queries/${q.id}/answer`, {
      message: 'Corrected to 58.',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().status).toBe('answered');
    expect(await openQueryCount(t.db.db, w.vasA)).toBe(1);

    const closed = await post('monitor', `/api/v1/queries/${q.id}/close`, {});
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().closedAt).not.toBeNull();
    expect(await openQueryCount(t.db.db, w.vasA)).toBe(0);
    expect((await post('monitor', `/api/v1/queries/${q.id}/close`, {})).statusCode).toBe(409);
    expect(
      (await post('coordinator', `/api/v1/queries/${q.id}/answer`, { message: 'late' })).statusCode,
    ).toBe(409);

    const reopened = await post('monitor', `/api/v1/queries/${q.id}/reopen`, { message: 'Source says 57.' });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, version: 4 });
    expect(reopened.json().messages.map((m: { kind: string }) => m.kind)).toEqual([
      'open',
      'answer',
      'close',
      'reopen',
    ]);
    const audited = await selectRows(
      t.db.db,
      { table_name: schema.auditLog.tableName, n: field.int },
      sql`select table_name, count(*)::int as n from audit_log
          where participant_id = ${w.pA}::uuid and table_name in ('data_queries', 'query_messages')
          group by table_name order by table_name`,
    );
    expect(audited).toEqual([
      { table_name: 'data_queries', n: 4 },
      { table_name: 'query_messages', n: 4 },
    ]);
  });

  it('refuses a field the form does not have, and records of other sites', async () => {
    const bad = await post('monitor', '/api/v1/queries', { recordId: w.vasA, field: 'q1', message: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'body.field', message: 'This field is not accepted here.', code: 'FIELD_UNKNOWN', params: {} },
    ]);
    const empty = await post('monitor', '/api/v1/queries', {
      recordId: w.vasA,
      field: 'vas_mm',
      message: ' ',
    });
    expect(empty.statusCode).toBe(400);
    const other = await post('monitor', '/api/v1/queries', {
      recordId: w.vasB,
      field: 'vas_mm',
      message: 'x',
    });
    expect(other.statusCode).toBe(404);
    const q = await open('monitor', w.vasA, 'vas_method');
    expect((await post('coordinatorB', `/api/v1/queries/${q.id}/answer`, { message: 'x' })).statusCode).toBe(
      404,
    );
    expect(
      (await post('coordinator', '/api/v1/queries', { recordId: w.vasA, field: 'vas_mm', message: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await post('monitor', `/api/v1/queries/${q.id}/answer`, { message: 'x' })).statusCode).toBe(403);
  });

  it('lets an investigator close their own self-check query, not a monitor query', async () => {
    const self = await open('investigator', w.vasA, 'assessed_at');
    expect(self.selfCheck).toBe(true);
    const monitorQuery = await open('monitor', w.vasA, 'assessor_id');
    expect((await post('investigator', `/api/v1/queries/${monitorQuery.id}/close`, {})).statusCode).toBe(403);
    const closed = await post('investigator', `/api/v1/queries/${self.id}/close`, { message: 'Checked.' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect(
      (await post('investigator', `/api/v1/queries/${self.id}/reopen`, { message: 'x' })).statusCode,
    ).toBe(403);
  });

  it('lists and counts queries within the caller’s sites; assessors see VAS and ODI queries only', async () => {
    const demo = await recordOf(t, w.pA, 'SCR', 'demographics');
    await open('monitor', demo, 'height_cm');
    const all = (await get('monitor', '/api/v1/queries')).json() as DataQuery[];
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((q) => q.siteCode))).toEqual(new Set(['S01']));
    const openOnly = (await get('monitor', '/api/v1/queries?status=open')).json() as DataQuery[];
    expect(openOnly.every((q) => q.status === 'open')).toBe(true);
    expect((await get('monitor', `/api/v1/queries?participantId=${w.pB}`)).json()).toEqual([]);
    expect((await get('coordinatorB', '/api/v1/queries')).json()).toEqual([]);
    const blind = (await get('assessor', '/api/v1/queries')).json() as DataQuery[];
    expect(blind.length).toBeGreaterThan(0);
    expect(blind.every((q) => q.formCode === 'vas' || q.formCode === 'odi')).toBe(true);
    expect((await get('monitor', '/api/v1/queries?status=pending')).statusCode).toBe(400);

    const counts = (await get('monitor', '/api/v1/queries/counts')).json();
    const unresolved = all.filter((q) => q.status !== 'closed');
    expect(counts.total.open + counts.total.answered).toBe(unresolved.length);
    expect(counts.byParticipant).toEqual([
      {
        participantId: w.pA,
        studyId: 'S01-0001',
        open: unresolved.filter((q) => q.status === 'open').length,
        answered: unresolved.filter((q) => q.status === 'answered').length,
      },
    ]);
    expect(counts.bySite.map((s: { siteCode: string }) => s.siteCode)).toEqual(['S01']);
    expect((await get('coordinatorB', '/api/v1/queries/counts')).json().total).toEqual({
      open: 0,
      answered: 0,
    });
  });

  it('keeps a corrected demographics value out of the query route', async () => {
    // Queries never change data: the record's version moves only through the form save.
    const demo = await recordOf(t, w.pA, 'SCR', 'demographics');
    const [before] = await selectRows(
      t.db.db,
      { version: schema.formRecords.version },
      sql`select version from form_records where id = ${demo}::uuid`,
    );
    const q = await open('monitor', demo, 'weight_kg');
    await post('coordinator', `/api/v1/queries/${q.id}/answer`, {
      message: `Weight is ${demographics.weight_kg}.`,
    });
    const [after] = await selectRows(
      t.db.db,
      { version: schema.formRecords.version },
      sql`select version from form_records where id = ${demo}::uuid`,
    );
    expect(after?.version).toBe(before?.version);
  });
});

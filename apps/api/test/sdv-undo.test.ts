/**
 * Source verification made in error is undone with a reason (docs/requirements.md R-MON): the
 * mark is kept but cleared, the reason is in the audit trail, only the monitor may undo, and a
 * record raised a query on from its form shows the query by record and field.
 */
import { schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from './helpers';
import { buildMonitorWorld, type MonitorWorld } from './monitor-world';
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
const sdvState = async () => {
  const res = await call(t.app, w.users.monitor.session, 'GET', `/api/v1/participants/${w.pA}/review`);
  return res.json().records.find((r: { recordId: string }) => r.recordId === w.vasA)?.sdv;
};

describe(`SDV undo and queries from the form on ${testDbKind()}`, () => {
  it('undoes a mark with an audited reason; the mark is kept, cleared', async () => {
    expect((await post('monitor', '/api/v1/sdv', { recordId: w.vasA })).statusCode).toBe(201);
    expect((await sdvState()).state).toBe('verified');

    const noReason = await post('monitor', '/api/v1/sdv/undo', { recordId: w.vasA });
    expect(noReason.statusCode).toBe(400);
    expect(
      (await post('coordinator', '/api/v1/sdv/undo', { recordId: w.vasA, reason: 'not mine' })).statusCode,
    ).toBe(403);
    expect(
      (await post('monitor', '/api/v1/sdv/undo', { recordId: w.vasB, reason: 'other site' })).statusCode,
    ).toBe(404);
    expect((await sdvState()).state).toBe('verified');

    const undone = await post('monitor', '/api/v1/sdv/undo', {
      recordId: w.vasA,
      reason: 'ticked the wrong form',
    });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().marks[0]).toMatchObject({
      recordId: w.vasA,
      clearedReason: 'undone: ticked the wrong form',
    });
    expect((await sdvState()).state).toBe('cleared');
    const [audit] = await selectRows(
      t.db.db,
      { reason: schema.auditLog.reason },
      sql`select reason from audit_log where table_name = 'sdv_marks' and action = 'UPDATE' order by id desc limit 1`,
    );
    expect(audit?.reason).toBe('ticked the wrong form');

    const again = await post('monitor', '/api/v1/sdv/undo', { recordId: w.vasA, reason: 'twice' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.messageCode).toBe('SDV_NOT_VERIFIED');
    // Verifying again after an undo works as the first time did.
    expect((await post('monitor', '/api/v1/sdv', { recordId: w.vasA })).statusCode).toBe(201);
  });

  it('a query raised on a field from the form is listed with its record and field', async () => {
    const raised = await post('monitor', '/api/v1/queries', {
      recordId: w.vasA,
      field: 'vas_mm',
      message: 'Source says 52, please check',
    });
    expect(raised.statusCode).toBe(201);
    const list = await call(
      t.app,
      w.users.coordinator.session,
      'GET',
      `/api/v1/queries?participantId=${w.pA}`,
    );
    expect(list.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recordId: w.vasA,
          field: 'vas_mm',
          visitCode: 'BL',
          formCode: 'vas',
          status: 'open',
        }),
      ]),
    );
  });
});

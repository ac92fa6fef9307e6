/**
 * The save's write path (docs/benchmarks.md "The audited write path"): its first statement locks
 * the participant and reads the record in one round trip, and the write itself is guarded (a
 * versioned UPDATE of the record the checks saw, an INSERT that does nothing when the record was
 * created meanwhile). These tests hold each rule: every save writes its audit row in its own
 * transaction, a stale version writes nothing, and on PostgreSQL, where another transaction can
 * change the record while the save waits for the participant's lock, the save is decided on the
 * record as it is after that transaction, never on the one it read before.
 */
import {
  createDb,
  field,
  SYSTEM_ACTOR,
  schema,
  selectRows,
  type Tx,
  verifyAuditChain,
  withAudit,
} from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { newParticipant, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { vasData } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteId: string;
let staff: Session;

beforeAll(async () => {
  t = await buildTestApp();
  siteId = (await newSite(t.db.db, { code: 'C01' })).id;
  staff = (await signedInUser(t, { role: 'coordinator', siteIds: [siteId] })).session;
});
afterAll(() => t?.close());

/** A consented participant, so that baseline forms may be entered. */
async function consented(): Promise<string> {
  return (await newParticipant(t.app, { staff, siteId, until: 'consented' })).id;
}

const vasUrl = (id: string) => `/api/v1/participants/${id}/visits/BL/forms/vas`;

/** The audit rows of one record, oldest first. */
const auditOf = (recordId: string) =>
  selectRows(
    t.db.db,
    { action: schema.auditLog.action, reason: schema.auditLog.reason },
    sql`select action, reason from audit_log
        where table_name = 'form_records' and record_id = ${recordId} order by chain_seq, id`,
  );

const recordOf = async (id: string) => {
  const [row] = await selectRows(
    t.db.db,
    {
      id: schema.formRecords.id,
      version: schema.formRecords.version,
      status: schema.formRecords.status,
      vas_mm: field.int,
    },
    sql`select id, version, status, (data->>'vas_mm')::int as vas_mm from form_records
        where participant_id = ${id}::uuid and visit_code = 'BL' and form_code = 'vas'`,
  );
  return row;
};

describe(`the audited save on ${testDbKind()}`, () => {
  it('writes an audit row with every version of the record, and nothing for a stale version', async () => {
    const id = await consented();
    const first = await call(t.app, staff, 'PUT', vasUrl(id), { data: vasData(40), status: 'complete' });
    expect(first.statusCode, first.body).toBe(200);
    const recordId: string = first.json().id;
    expect(await auditOf(recordId)).toEqual([{ action: 'INSERT', reason: null }]);

    const second = await call(t.app, staff, 'PUT', vasUrl(id), {
      data: vasData(42),
      status: 'complete',
      expectedVersion: 1,
      reason: 'source says 42',
    });
    expect(second.json()).toMatchObject({ version: 2, data: { vas_mm: 42 } });
    const stale = await call(t.app, staff, 'PUT', vasUrl(id), {
      data: vasData(47),
      status: 'complete',
      expectedVersion: 1,
      reason: 'an edit from an old screen',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 2 } });
    expect(await recordOf(id)).toMatchObject({ version: 2, vas_mm: 42 });
    expect(await auditOf(recordId)).toEqual([
      { action: 'INSERT', reason: null },
      { action: 'UPDATE', reason: 'source says 42' },
    ]);
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  });

  it('locks and reads only a participant of the caller’s sites: another site’s user gets 404 and writes nothing', async () => {
    // The save's first statement and GET participant's reads take the sites as one array parameter
    // (R-ACCESS-1): a user of two sites saves and reads at either, a user of another site or of
    // none finds nothing.
    const otherSiteId = (await newSite(t.db.db, { code: 'C02' })).id;
    const twoSites = (await signedInUser(t, { role: 'coordinator', siteIds: [otherSiteId, siteId] })).session;
    const otherSite = (await signedInUser(t, { role: 'coordinator', siteIds: [otherSiteId] })).session;
    const noSite = (await signedInUser(t, { role: 'coordinator', siteIds: [] })).session;
    const id = await consented();
    const saved = await call(t.app, twoSites, 'PUT', vasUrl(id), { data: vasData(30), status: 'draft' });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const session of [otherSite, noSite]) {
      const refused = await call(t.app, session, 'PUT', vasUrl(id), {
        data: vasData(55),
        status: 'draft',
        expectedVersion: 1,
      });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error).toMatchObject({ code: 'NOT_FOUND' });
      expect((await call(t.app, session, 'GET', `/api/v1/participants/${id}`)).statusCode).toBe(404);
    }
    expect(await recordOf(id)).toMatchObject({ version: 1, status: 'draft', vas_mm: 30 });
    const onOtherSite = (
      await newParticipant(t.app, { staff: otherSite, siteId: otherSiteId, until: 'consented' })
    ).id;
    const there = await call(t.app, twoSites, 'PUT', vasUrl(onOtherSite), {
      data: vasData(31),
      status: 'draft',
    });
    expect(there.statusCode, there.body).toBe(200);
    const read = await call(t.app, twoSites, 'GET', `/api/v1/participants/${onOtherSite}`);
    expect(read.json().id).toBe(onOtherSite);
    expect(read.json().records).toContainEqual(expect.objectContaining({ formCode: 'vas', version: 1 }));
  });
});

/**
 * Runs `change` in another transaction that holds the participant's lock (as every save of the
 * participant does), sends the save while it is held, lets it commit once the save waits for the
 * lock, and returns the save's answer.
 */
async function saveAfter(
  participantId: string,
  change: (tx: Tx) => Promise<unknown>,
  body: Record<string, unknown>,
) {
  const url = t.db.url;
  if (!url) throw new Error('no database URL');
  const other = await createDb({ databaseUrl: url, poolMax: 1 });
  try {
    let pending: ReturnType<typeof call> | undefined;
    await withAudit(other.db, SYSTEM_ACTOR, async (tx) => {
      await tx.execute(sql`select 1 from participants where id = ${participantId}::uuid for update`);
      await change(tx);
      pending = call(t.app, staff, 'PUT', vasUrl(participantId), body);
      // The save's first statement (participant lock and record read) is waiting for this lock.
      for (let waiting = 0; waiting === 0; ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        [{ waiting } = { waiting: 0 }] = await selectRows(
          t.db.db,
          { waiting: field.int },
          sql`select count(*)::int as waiting from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`,
        );
      }
    });
    if (!pending) throw new Error('the save was not sent');
    return await pending;
  } finally {
    await other.close();
  }
}

// PostgreSQL only: embedded PGlite has one connection, so no second transaction can hold the
// participant's lock while a save waits; the audit and version cases above run on both engines.
describe.skipIf(testDbKind() !== 'pg')(`a save racing another transaction on ${testDbKind()}`, () => {
  it('refuses to change a record locked while the save waited for the participant', async () => {
    const id = await consented();
    expect(
      (await call(t.app, staff, 'PUT', vasUrl(id), { data: vasData(50), status: 'complete' })).statusCode,
    ).toBe(200);
    const res = await saveAfter(
      id,
      (tx) =>
        tx.execute(sql`update form_records set status = 'locked'
                       where participant_id = ${id}::uuid and form_code = 'vas'`),
      { data: vasData(51), status: 'complete', reason: 'late correction' },
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('RECORD_LOCKED');
    expect(await recordOf(id)).toMatchObject({ status: 'locked', version: 1, vas_mm: 50 });
  });

  it('keeps the signature and the SDV mark of a record locked while a correction waited', async () => {
    // The correction's signature voiding and SDV clearing travel with the record's guarded UPDATE
    // (docs/benchmarks.md "The audited write path"), whose COMMIT is sent with it: when the guard
    // finds the record changed, they must write nothing either.
    const id = await consented();
    const saved = await call(t.app, staff, 'PUT', vasUrl(id), { data: vasData(52), status: 'complete' });
    const recordId: string = saved.json().id;
    await withAudit(t.db.db, SYSTEM_ACTOR, async (tx) => {
      await tx.execute(sql`update form_records set status = 'signed' where id = ${recordId}::uuid`);
      await tx.execute(sql`insert into signatures
          (record_id, record_version, participant_id, site_id, signer_id, signer_name, meaning, content_hash)
        values (${recordId}::uuid, 1, ${id}::uuid, ${siteId}::uuid, gen_random_uuid(), 'PI', 'approval', 'h')`);
      await tx.execute(sql`insert into sdv_marks (record_id, record_version, participant_id, site_id, verified_by)
        values (${recordId}::uuid, 1, ${id}::uuid, ${siteId}::uuid, gen_random_uuid())`);
    });
    const res = await saveAfter(
      id,
      (tx) => tx.execute(sql`update form_records set status = 'locked' where id = ${recordId}::uuid`),
      { data: vasData(53), status: 'complete', reason: 'late correction' },
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('RECORD_LOCKED');
    expect(await recordOf(id)).toMatchObject({ status: 'locked', version: 1, vas_mm: 52 });
    const [open] = await selectRows(
      t.db.db,
      { signatures: field.int, sdv: field.int },
      sql`select (select count(*)::int from signatures where record_id = ${recordId}::uuid and voided_at is null)
                   as signatures,
                 (select count(*)::int from sdv_marks where record_id = ${recordId}::uuid and cleared_at is null)
                   as sdv`,
    );
    expect(open).toEqual({ signatures: 1, sdv: 1 });
  });

  it('decides optimistic concurrency on the version committed while the save waited', async () => {
    const id = await consented();
    const saved = await call(t.app, staff, 'PUT', vasUrl(id), { data: vasData(60), status: 'complete' });
    const recordId: string = saved.json().id;
    const correct = (vas: number) => (tx: Tx) =>
      tx.execute(sql`update form_records set version = version + 1,
                       data = jsonb_set(data, '{vas_mm}', to_jsonb(${vas}::int))
                     where id = ${recordId}::uuid`);
    // Made from version 1, which another transaction has just replaced: refused, nothing written.
    const stale = await saveAfter(id, correct(61), {
      data: vasData(65),
      status: 'complete',
      expectedVersion: 1,
      reason: 'from an old screen',
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 2 } });
    expect(await recordOf(id)).toMatchObject({ version: 2, vas_mm: 61 });
    // Made from the version the other transaction committed: accepted, not a false conflict.
    const current = await saveAfter(id, correct(62), {
      data: vasData(66),
      status: 'complete',
      expectedVersion: 3,
      reason: 'checked against source',
    });
    expect(current.statusCode, current.body).toBe(200);
    expect(current.json()).toMatchObject({ version: 4, data: { vas_mm: 66 } });
    expect((await auditOf(recordId)).map((a) => a.action)).toEqual(['INSERT', 'UPDATE', 'UPDATE', 'UPDATE']);
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  });

  it('treats a record created while the save waited as existing: a correction, with its reason', async () => {
    const id = await consented();
    const res = await saveAfter(
      id,
      (tx) =>
        tx.execute(sql`insert into form_records
                         (participant_id, site_id, visit_code, form_code, seq, status, data, definition_version)
                       values (${id}::uuid, ${siteId}::uuid, 'BL', 'vas', 1, 'complete',
                               ${JSON.stringify(vasData(70))}::jsonb, 1)`),
      { data: vasData(71), status: 'complete' },
    );
    expect(res.json().error?.code, res.body).toBe('REASON_REQUIRED');
    const record = await recordOf(id);
    expect(record).toMatchObject({ version: 1, vas_mm: 70 });
    // One INSERT, audited once: the refused save wrote no row and no audit row.
    expect(await auditOf(record?.id ?? '')).toEqual([{ action: 'INSERT', reason: null }]);
  });
});

import { field, schema, selectRows, verifyAuditChain } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { auditChanges } from '../src/services/row-fields';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { call, type Session } from './session';

/**
 * Creating a randomization list writes no block number, block size or position of an unassigned
 * slot into the audit trail, from which any reader of the log could tell where blocks end
 * (R-RAND-4): one row per list and statement records the list, its commitment and the number of
 * slots instead. Assignment is audited slot by slot as before, and the chain still verifies.
 */
let t: TestContext;
let admin: Session;
let staff: Session;
let siteA: string;

beforeAll(async () => {
  t = await buildTestApp();
  siteA = (await newSite(t.db.db, { code: 'S01' })).id;
  const siteB = (await newSite(t.db.db, { code: 'S02' })).id;
  admin = (await signedInUser(t, { role: 'admin', siteIds: [siteA, siteB] })).session;
  staff = (await signedInUser(t, { role: 'coordinator', siteIds: [siteA] })).session;
});
afterAll(() => t?.close());

const slotAudit = () =>
  selectRows(
    t.db.db,
    {
      action: schema.auditLog.action,
      record_id: schema.auditLog.recordId,
      participant_id: schema.auditLog.participantId,
      changes: auditChanges,
    },
    sql`select action, record_id, participant_id::text as participant_id, changes from audit_log
        where table_name = 'randomization_slots' order by id`,
  );

const revealing = /block_no|block_size|pos_in_block|blockNo|blockSize|posInBlock|TLF_MOB|US_D5W/;

async function slotCounts(listId: string) {
  return selectRows(
    t.db.db,
    { stratum_key: schema.randomizationSlots.stratumKey, n: field.int },
    sql`select stratum_key, count(*)::int as n from randomization_slots
        where list_id = ${listId}::uuid group by stratum_key order by stratum_key`,
  );
}

describe(`randomization list audit on ${testDbKind()}`, () => {
  it('a generated list: the seed is not cached, and the audit holds counts and the commitment, no blocks', async () => {
    const res = await call(t.app, admin, 'POST', '/api/v1/admin/randomization-lists/generate', {
      name: 'Generated list',
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { list, seedHex } = res.json();
    expect(seedHex).toMatch(/^[0-9a-f]{64}$/);

    const rows = (await slotAudit()).filter((r) => r.record_id === list.id);
    expect(rows.map((r) => r.action)).toEqual(['INSERT']);
    for (const r of rows) expect(JSON.stringify(r.changes)).not.toMatch(revealing);
    const counts = await slotCounts(list.id);
    const total = counts.reduce((n, c) => n + c.n, 0);
    expect(rows[0]?.changes).toMatchObject({
      list_id: [null, list.id],
      commitment: [null, list.commitment],
      slots: [null, total],
      slots_by_stratum: [null, Object.fromEntries(counts.map((c) => [c.stratum_key, c.n]))],
    });
    // The generated list does have blocks, so the check above could fail.
    const [blocks] = await selectRows(
      t.db.db,
      { n: field.int },
      sql`select count(*)::int as n from randomization_slots where list_id = ${list.id}::uuid and block_no is not null`,
    );
    expect(blocks?.n).toBe(total);
  });

  it('an imported list with block columns: the same, one row for the list', async () => {
    const csv = [
      'stratum,seq,arm,block_no,block_size',
      'S01,1,TLF_MOB,1,2',
      'S01,2,US_D5W,1,2',
      'S02,1,US_D5W,1,2',
      'S02,2,TLF_MOB,1,2',
    ].join('\n');
    const res = await call(t.app, admin, 'POST', '/api/v1/admin/randomization-lists/import', {
      name: 'Imported list',
      csv: `${csv}\n`,
      // A list is in use: this import is a correction appended to it (R-RAND-5).
      reason: 'statistician list',
      password: 'Correct-Horse-42',
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = res.json();
    const rows = (await slotAudit()).filter((r) => r.record_id === list.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]?.changes)).not.toMatch(revealing);
    expect(rows[0]?.changes).toMatchObject({
      commitment: [null, list.commitment],
      slots: [null, 4],
      slots_by_stratum: [null, { S01: 2, S02: 2 }],
    });
  });

  it('assigning a slot is audited for its participant, without block or arm; the chain verifies', async () => {
    const id = await readyForRandomization(t.app, staff, siteA);
    const r = await call(t.app, staff, 'POST', `/api/v1/participants/${id}/randomize`);
    expect(r.statusCode, r.body).toBe(201);
    const assigned = (await slotAudit()).filter((a) => a.participant_id === id);
    expect(assigned.map((a) => a.action)).toEqual(['UPDATE', 'RANDOMIZED']);
    expect(Object.keys(assigned[0]?.changes ?? {})).toContain('participant_id');
    for (const a of await slotAudit()) expect(JSON.stringify(a.changes)).not.toMatch(revealing);
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditContext, databaseError, schema, withAudit } from '../src/index';
import { createTestDb, type TestDb } from '../src/testing';

// The score ranges the database itself enforces on form_records (migrations/0003_clinical_guards.sql,
// docs/architecture.md): VAS 0-100 whole mm, ODI items 0-5 whole points, a missing or null score
// allowed. They mirror the zod schemas of packages/domain, so no code path stores an impossible score.

const { formRecords, participants, sites } = schema;

const coordinator: AuditContext = {
  actorId: '00000000-0000-4000-8000-000000000002',
  actorRole: 'coordinator',
};

let t: TestDb;
let participantId = '';
let siteId = '';
let seq = 0;

beforeAll(async () => {
  t = await createTestDb();
  await withAudit(t.db, coordinator, async (tx) => {
    const [site] = await tx.insert(sites).values({ code: 'SG1', name: 'Score guards' }).returning();
    if (!site) throw new Error('no site');
    siteId = site.id;
    const [participant] = await tx
      .insert(participants)
      .values({ studyId: 'SG1-0001', siteId, siteSeq: 1 })
      .returning();
    if (!participant) throw new Error('no participant');
    participantId = participant.id;
  });
});
afterAll(async () => {
  await t?.close();
});

/** Inserts one record of formCode with data; the SQLSTATE and constraint it was refused with, or 'stored'. */
async function insert(formCode: string, data: Record<string, unknown>): Promise<string> {
  seq += 1;
  const error = await withAudit(t.db, coordinator, (tx) =>
    tx
      .insert(formRecords)
      .values({ participantId, siteId, visitCode: 'BL', formCode, seq, status: 'complete', data }),
  ).then(
    () => undefined,
    (e: unknown) => e,
  );
  return refusal(error);
}

function refusal(error: unknown): string {
  if (error === undefined) return 'stored';
  const found = databaseError(error);
  if (!found) throw error;
  const constraint = /form_records_(vas|odi)_range/.exec(found.message)?.[0] ?? '?';
  return `${found.code} ${constraint}`;
}

const odi = (over: Record<string, unknown>) => ({
  q1: 0,
  q2: 1,
  q3: 2,
  q4: 3,
  q5: 4,
  q6: 5,
  q7: 0,
  q8: 1,
  q9: 2,
  q10: 3,
  ...over,
});

describe(`score range guards on ${process.env.EDC_TEST_DB ?? 'pglite'}`, () => {
  it('stores VAS scores of 0 to 100 whole millimetres, and a missing or null one', async () => {
    for (const data of [
      { vas_mm: 0 },
      { vas_mm: 100 },
      { vas_mm: 37 },
      { vas_mm: 40.0 },
      { vas_mm: null },
      {},
    ]) {
      expect([data, await insert('vas', data)]).toEqual([data, 'stored']);
    }
  });

  it('refuses a VAS score out of range, fractional, or not a number', async () => {
    for (const vas_mm of [101, -1, 50.5, '50', true, [50], { mm: 50 }]) {
      expect([vas_mm, await insert('vas', { vas_mm })]).toEqual([vas_mm, '23514 form_records_vas_range']);
    }
  });

  it('stores ODI items of 0 to 5 whole points, and missing or null ones', async () => {
    for (const data of [
      odi({}),
      odi({ q1: 5, q10: 0 }),
      odi({ q4: null, q9: null }),
      { odi_version: '2.1a-en' },
    ]) {
      expect([data, await insert('odi', data)]).toEqual([data, 'stored']);
    }
  });

  it('refuses an ODI item out of range, fractional, or not a number, whichever item it is', async () => {
    const bad: Array<Record<string, unknown>> = [
      { q1: 6 },
      { q2: -1 },
      { q5: 2.5 },
      { q7: '3' },
      { q10: 6 },
      { q10: false },
    ];
    for (const over of bad) {
      expect([over, await insert('odi', odi(over))]).toEqual([over, '23514 form_records_odi_range']);
    }
  });

  it('checks only the form the range belongs to', async () => {
    expect(await insert('odi', { vas_mm: 500 })).toBe('stored');
    expect(await insert('vas', { q1: 9 })).toBe('stored');
    expect(await insert('ae', { vas_mm: 500, q1: 9 })).toBe('stored');
  });

  it('refuses a correction to an impossible score, and keeps the stored one', async () => {
    expect(await insert('vas', { vas_mm: 20 })).toBe('stored');
    const key = eq(formRecords.seq, seq);
    const error = await withAudit(t.db, coordinator, (tx) =>
      tx
        .update(formRecords)
        .set({ data: { vas_mm: 120 } })
        .where(key),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal(error)).toBe('23514 form_records_vas_range');
    const [row] = await t.db.select({ data: formRecords.data }).from(formRecords).where(key);
    expect(row?.data).toEqual({ vas_mm: 20 });
  });
});

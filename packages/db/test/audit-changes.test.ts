import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditContext, schema, withAudit } from '../src/index';
import { createTestDb, type TestDb } from '../src/testing';

// The exact changes document the audit trigger writes (migrations/0001_audit_core.sql,
// 0003_clinical_guards.sql): every column as [old, new], a record's data object field by field as
// "data.<field>", redacted columns as '[redacted]', and nothing at all for an UPDATE that changes
// no value (design invariant 1; docs/benchmarks.md "What an audited write costs in the database").

const { auditLog, formRecords, participants, sites, users } = schema;

const coordinator: AuditContext = {
  actorId: '00000000-0000-4000-8000-000000000003',
  actorRole: 'coordinator',
};

let t: TestDb;
let participantId = '';
let siteId = '';

beforeAll(async () => {
  t = await createTestDb();
  await withAudit(t.db, coordinator, async (tx) => {
    const [site] = await tx.insert(sites).values({ code: 'AC1', name: 'Audit changes' }).returning();
    if (!site) throw new Error('no site');
    siteId = site.id;
    const [participant] = await tx
      .insert(participants)
      .values({ studyId: 'AC1-0001', siteId, siteSeq: 1 })
      .returning();
    if (!participant) throw new Error('no participant');
    participantId = participant.id;
  });
});
afterAll(async () => {
  await t?.close();
});

/** The audit rows of one record of a table, oldest first. */
async function trail(tableName: string, recordId: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tableName, tableName), eq(auditLog.recordId, recordId)))
    .orderBy(auditLog.chainSeq);
}

type Pair = [unknown, unknown];

/** A changes document checked to be { key: [old, new] }, with its timestamps (rendered in the
 * session's time zone) as instants. */
function withInstants(changes: unknown, keys: string[]): Record<string, Pair> {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new TypeError('the changes document is not an object');
  }
  const instant = (v: unknown) => (typeof v === 'string' ? new Date(v).getTime() : v);
  const out: Record<string, Pair> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (!Array.isArray(value) || value.length !== 2) throw new TypeError(`${key} is not an [old, new] pair`);
    const [before, after]: unknown[] = value;
    out[key] = keys.includes(key) ? [instant(before), instant(after)] : [before, after];
  }
  return out;
}

const times = ['created_at', 'updated_at'];

async function insertVas(seq: number, data: Record<string, unknown>) {
  const [row] = await withAudit(t.db, coordinator, (tx) =>
    tx
      .insert(formRecords)
      .values({ participantId, siteId, visitCode: 'BL', formCode: 'vas', seq, status: 'draft', data })
      .returning(),
  );
  if (!row) throw new Error('no record');
  return row;
}

describe(`the changes document of the audit trigger on ${process.env.EDC_TEST_DB ?? 'pglite'}`, () => {
  it('records an INSERT as every column [null, new], the data object field by field', async () => {
    const row = await insertVas(1, { vas_mm: 37, vas_method: 'paper', note: null });
    const [insert, ...rest] = await trail('form_records', row.id);
    expect(rest).toEqual([]);
    expect(insert).toMatchObject({ action: 'INSERT', participantId, siteId, recordId: row.id });
    expect(withInstants(insert?.changes, times)).toEqual({
      id: [null, row.id],
      participant_id: [null, participantId],
      site_id: [null, siteId],
      visit_code: [null, 'BL'],
      form_code: [null, 'vas'],
      seq: [null, 1],
      status: [null, 'draft'],
      version: [null, 1],
      definition_version: [null, 1],
      created_at: [null, row.createdAt.getTime()],
      updated_at: [null, row.updatedAt.getTime()],
      'data.vas_mm': [null, 37],
      'data.vas_method': [null, 'paper'],
      'data.note': [null, null],
    });
  });

  it('records an UPDATE as the changed columns and data fields only: changed, added and removed', async () => {
    const row = await insertVas(2, { vas_mm: 37, vas_method: 'paper', gone: null, kept: 'same', score: 1.5 });
    const [updated] = await withAudit(t.db, { ...coordinator, reason: 'transcription error' }, (tx) =>
      tx
        .update(formRecords)
        .set({
          status: 'complete',
          version: 2,
          data: { vas_mm: 40, kept: 'same', added: [1, 2], score: 1.5 },
        })
        .where(eq(formRecords.id, row.id))
        .returning(),
    );
    const [, update, ...rest] = await trail('form_records', row.id);
    expect(rest).toEqual([]);
    expect(update).toMatchObject({ action: 'UPDATE', reason: 'transcription error', recordId: row.id });
    expect(update?.changes).toEqual({
      status: ['draft', 'complete'],
      version: [1, 2],
      'data.vas_mm': [37, 40],
      'data.vas_method': ['paper', null],
      'data.gone': [null, null],
      'data.added': [null, [1, 2]],
    });
    expect(updated?.data).toEqual({ vas_mm: 40, kept: 'same', added: [1, 2], score: 1.5 });
  });

  it('records nothing for an UPDATE of a record that changes no value, data included', async () => {
    const row = await insertVas(3, { vas_mm: 12, vas_method: 'paper' });
    await withAudit(t.db, coordinator, (tx) =>
      tx
        .update(formRecords)
        .set({ data: { vas_method: 'paper', vas_mm: 12 }, status: 'draft' })
        .where(eq(formRecords.id, row.id)),
    );
    expect((await trail('form_records', row.id)).map((r) => r.action)).toEqual(['INSERT']);
  });

  it('records a DELETE as every column [old, null], the data object field by field', async () => {
    const row = await insertVas(4, { vas_mm: 5 });
    await withAudit(t.db, coordinator, (tx) => tx.delete(formRecords).where(eq(formRecords.id, row.id)));
    const [, removal] = await trail('form_records', row.id);
    expect(removal).toMatchObject({ action: 'DELETE', participantId, siteId });
    expect(withInstants(removal?.changes, times)).toEqual({
      id: [row.id, null],
      participant_id: [participantId, null],
      site_id: [siteId, null],
      visit_code: ['BL', null],
      form_code: ['vas', null],
      seq: [4, null],
      status: ['draft', null],
      version: [1, null],
      definition_version: [1, null],
      created_at: [row.createdAt.getTime(), null],
      updated_at: [row.updatedAt.getTime(), null],
      'data.vas_mm': [5, null],
    });
  });

  it('writes a redacted column as [redacted] on INSERT and UPDATE, and audits a change to it alone', async () => {
    const [user] = await withAudit(t.db, coordinator, (tx) =>
      tx
        .insert(users)
        .values({ email: 'ac@example.org', displayName: 'AC', role: 'monitor', passwordHash: 'hash-one' })
        .returning(),
    );
    if (!user) throw new Error('no user');
    await withAudit(t.db, coordinator, (tx) =>
      tx.update(users).set({ passwordHash: 'hash-two' }).where(eq(users.id, user.id)),
    );
    await withAudit(t.db, coordinator, (tx) =>
      tx.update(users).set({ passwordHash: 'hash-two' }).where(eq(users.id, user.id)),
    );
    const [insert, update, ...rest] = await trail('users', user.id);
    expect(rest).toEqual([]);
    expect(insert?.changes).toMatchObject({
      email: [null, 'ac@example.org'],
      password_hash: [null, '[redacted]'],
    });
    expect(update?.changes).toEqual({ password_hash: ['[redacted]', '[redacted]'] });
    expect(JSON.stringify([insert?.changes, update?.changes])).not.toContain('hash-');
  });
});

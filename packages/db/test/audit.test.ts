import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditContext,
  appendAuditEvent,
  auditContextQuery,
  databaseError,
  schema,
  setAuditReason,
  verifyAuditChain,
  withAudit,
} from '../src/index';
import { createTestDb, type TestDb } from '../src/testing';

const { auditLog, participants, sites } = schema;

const coordinator: AuditContext = {
  actorId: '00000000-0000-4000-8000-000000000001',
  actorLabel: 'coord@example.org',
  actorRole: 'coordinator',
  requestId: 'req-1',
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function auditRows(tableName: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.tableName, tableName)).orderBy(auditLog.id);
}

/** Runs the statements in one transaction on a client of the test database that is not drizzle. */
async function inPlainTransaction(statements: { text: string; values: string[] }[]) {
  const endpoint = t.endpoint;
  if (endpoint.kind === 'pglite') {
    await endpoint.pglite.transaction(async (tx) => {
      for (const { text, values } of statements) await tx.query(text, values);
    });
    return;
  }
  const client = new pg.Client({ connectionString: endpoint.url });
  await client.connect();
  try {
    await client.query('begin');
    for (const { text, values } of statements) await client.query(text, values);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

async function newSite(code: string) {
  return withAudit(t.db, coordinator, async (tx) => {
    const [site] = await tx
      .insert(sites)
      .values({ code, name: `Site ${code}` })
      .returning();
    if (!site) throw new Error('no site');
    return site;
  });
}

describe(`audit core on ${process.env.EDC_TEST_DB ?? 'pglite'}`, () => {
  it('writes one row per changed record with field-level old and new values and the context', async () => {
    const site = await newSite('A01');
    const [participant] = await withAudit(t.db, coordinator, (tx) =>
      tx
        .insert(participants)
        .values({ studyId: 'A01-0001', siteId: site.id, siteSeq: 1, sex: 'female', birthYear: 1980 })
        .returning(),
    );
    if (!participant) throw new Error('no participant');
    await withAudit(t.db, { ...coordinator, reason: 'transcription error', requestId: 'req-2' }, (tx) =>
      tx.update(participants).set({ birthYear: 1981 }).where(eq(participants.id, participant.id)),
    );

    const rows = await auditRows('participants');
    expect(rows).toHaveLength(2);
    const [insert, update] = rows;
    expect(insert?.action).toBe('INSERT');
    expect(insert?.changes).toMatchObject({ birth_year: [null, 1980], study_id: [null, 'A01-0001'] });
    expect(insert?.participantId).toBe(participant.id);
    expect(insert?.siteId).toBe(site.id);
    expect(update).toMatchObject({
      action: 'UPDATE',
      actorId: coordinator.actorId,
      actorLabel: 'coord@example.org',
      actorRole: 'coordinator',
      reason: 'transcription error',
      requestId: 'req-2',
      recordId: participant.id,
      changes: { birth_year: [1980, 1981] },
    });
    // Times are UTC instants from the database clock, not the client's.
    expect(Math.abs((update?.occurredAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('records the reason set for the statements that follow it, and none once it is cleared', async () => {
    const site = await newSite('A03');
    const [participant] = await withAudit(t.db, coordinator, (tx) =>
      tx
        .insert(participants)
        .values({ studyId: 'A03-0001', siteId: site.id, siteSeq: 1, sex: 'male', birthYear: 1970 })
        .returning(),
    );
    if (!participant) throw new Error('no participant');
    await withAudit(t.db, { ...coordinator, reason: 'first reason' }, async (tx) => {
      const update = (year: number) =>
        tx.update(participants).set({ birthYear: year }).where(eq(participants.id, participant.id));
      await update(1971);
      await setAuditReason(tx, 'second reason');
      await update(1972);
      await setAuditReason(tx, null);
      await update(1973);
    });
    const updates = (await auditRows('participants')).filter(
      (row) => row.recordId === participant.id && row.action === 'UPDATE',
    );
    expect(updates.map((row) => [row.changes, row.reason])).toEqual([
      [{ birth_year: [1970, 1971] }, 'first reason'],
      [{ birth_year: [1971, 1972] }, 'second reason'],
      [{ birth_year: [1972, 1973] }, null],
    ]);
  });

  it('records nothing for an update that changes no value', async () => {
    const site = await newSite('A02');
    const before = (await auditRows('sites')).length;
    await withAudit(t.db, coordinator, (tx) =>
      tx.update(sites).set({ name: site.name }).where(eq(sites.id, site.id)),
    );
    expect(await auditRows('sites')).toHaveLength(before);
  });

  it('never copies a password hash into the log', async () => {
    await withAudit(t.db, coordinator, (tx) =>
      tx.insert(schema.users).values({
        email: 'x@example.org',
        displayName: 'X',
        role: 'monitor',
        passwordHash: '$argon2id$secret',
      }),
    );
    const [row] = await auditRows('users');
    expect(JSON.stringify(row?.changes)).not.toContain('secret');
    expect(row?.changes).toMatchObject({ password_hash: [null, '[redacted]'] });
  });

  it('leaves no audit row when the transaction rolls back', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await expect(
      withAudit(t.db, coordinator, async (tx) => {
        await tx.insert(sites).values({ code: 'R01', name: 'Rolled back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]?.n).toBe(before[0]?.n);
    expect(await t.db.select().from(sites).where(eq(sites.code, 'R01'))).toHaveLength(0);
  });

  it('refuses a write with no actor set, and changes nothing', async () => {
    const error = await t.db
      .insert(sites)
      .values({ code: 'N01', name: 'No actor' })
      .catch((e: unknown) => e);
    expect(databaseError(error)).toMatchObject({ code: 'EA001', message: expect.stringMatching(/no actor/) });
    expect(await t.db.select().from(sites).where(eq(sites.code, 'N01'))).toHaveLength(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    await newSite('G01');
    const attempts = [
      sql`update audit_log set reason = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log cascade`, // cascade: tables referencing audit_log would refuse first
      sql`delete from audit_chain_head`,
    ];
    for (const statement of attempts) {
      const error = await t.db.execute(statement).catch((e: unknown) => e);
      expect(databaseError(error)).toMatchObject({
        code: 'EA002',
        message: expect.stringMatching(/append-only/),
      });
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('records events that are not row changes on the same chain', async () => {
    await withAudit(t.db, coordinator, (tx) =>
      appendAuditEvent(tx, { action: 'LOGIN', tableName: 'sessions', details: { ip: '127.0.0.1' } }),
    );
    const before = await verifyAuditChain(t.db);
    await withAudit(t.db, coordinator, (tx) =>
      appendAuditEvent(tx, { action: 'LOGOUT', tableName: 'sessions', details: {} }),
    );
    const [row] = await auditRows('sessions');
    expect(row).toMatchObject({ action: 'LOGIN', chainKey: 'global', changes: { ip: '127.0.0.1' } });
    const after = await verifyAuditChain(t.db);
    expect(after.ok).toBe(true);
    // It counts what it checked: one row more, on the chains there are.
    expect(after.rowsChecked).toBe(before.rowsChecked + 1);
    expect(after.chains).toBeGreaterThanOrEqual(1);
    expect(after.chains).toBe(before.chains);
  });
  // Alterations of each hashed column: audit-tamper.test.ts.

  it('sets the same context from a plain client with auditContextQuery as withAudit does', async () => {
    const ctx: AuditContext = { ...coordinator, reason: "the monitor's note", requestId: 'req-plain' };
    await withAudit(t.db, ctx, (tx) => tx.insert(sites).values({ code: 'Q01', name: 'Through drizzle' }));
    await inPlainTransaction([
      auditContextQuery(ctx),
      { text: 'insert into sites (code, name) values ($1, $2)', values: ['Q02', 'Through a plain client'] },
    ]);
    const contexts = (await auditRows('sites')).slice(-2).map((row) => ({
      actorId: row.actorId,
      actorLabel: row.actorLabel,
      actorRole: row.actorRole,
      actorSiteId: row.actorSiteId,
      reason: row.reason,
      requestId: row.requestId,
      changes: row.changes,
    }));
    const expected = { ...ctx, actorSiteId: null };
    expect(contexts).toEqual([
      { ...expected, changes: expect.objectContaining({ name: [null, 'Through drizzle'] }) },
      { ...expected, changes: expect.objectContaining({ name: [null, 'Through a plain client'] }) },
    ]);
  });
});

describe('hash chain detects removal', () => {
  it('reports a gap when a middle row is deleted and a head mismatch when the newest is', async () => {
    const db = await createTestDb();
    try {
      const ctx = { ...coordinator, actorId: 'system', actorRole: 'system' };
      for (const code of ['D01', 'D02', 'D03']) {
        await withAudit(db.db, ctx, (tx) => tx.insert(sites).values({ code, name: code }));
      }
      const ids = (await db.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).map(
        (r) => r.id,
      );
      const remove = (id: number | undefined) =>
        db.db.transaction(async (tx) => {
          await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
          await tx.execute(sql`delete from audit_log where id = ${id}`);
          await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
        });
      await remove(ids[1]);
      expect((await verifyAuditChain(db.db)).firstBreak).toMatchObject({
        id: ids[2],
        problem: 'sequence_gap',
      });
      await remove(ids[2]);
      expect((await verifyAuditChain(db.db)).firstBreak).toMatchObject({
        id: ids[0],
        problem: 'head_mismatch',
      });
    } finally {
      await db.close();
    }
  });
});

describe('databaseError: the PostgreSQL error under its wrappers', () => {
  const wrapped = (inner: object, depth: number): object =>
    depth === 0 ? inner : new Error('Failed query', { cause: wrapped(inner, depth - 1) });
  const unique = { code: '23505', message: 'duplicate key value' };

  it('finds the SQLSTATE error up to six links deep, and no deeper', () => {
    expect(databaseError(unique)).toEqual(unique);
    expect(databaseError(wrapped(unique, 5))).toEqual(unique);
    expect(databaseError(wrapped(unique, 6))).toBeNull();
    expect(databaseError(new Error('x', { cause: null }))).toBeNull();
    expect(databaseError('23505')).toBeNull();
  });

  it('takes only a five-character SQLSTATE code with a message', () => {
    for (const code of ['ECONNREFUSED', '2350', '235050', 23505, 'ab123']) {
      expect(databaseError({ code, message: 'not from the database' }), String(code)).toBeNull();
    }
    // A wrapper with a code but no message is passed over for the error it wraps.
    expect(databaseError({ code: 'XX000', cause: unique })).toEqual(unique);
    expect(databaseError({ code: 'EA001', message: 7 })).toEqual({ code: 'EA001', message: '7' });
  });
});

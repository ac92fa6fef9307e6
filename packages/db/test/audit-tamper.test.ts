/**
 * The audit hash covers every column of audit_log but the surrogate id (migrations/
 * 0001_audit_core.sql, edc_audit_hash), so a superuser who switches the append-only guard off and
 * rewrites any one column is found by verifyAuditChain. Each column is altered in turn, inside a
 * transaction that is rolled back, so every case starts from the same intact chain. The column
 * list comes from the database itself: a column added to audit_log without a tamper case here
 * (and, presumably, without a place in the hash) fails the first test.
 */
import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditContext,
  type ChainVerification,
  field,
  schema,
  selectRows,
  type Tx,
  verifyAuditChain,
  withAudit,
} from '../src/index';
import { createTestDb, type TestDb, testDbKind } from '../src/testing';

const { auditLog, participants, sites } = schema;

let t: TestDb;
/** A participant chain of four rows; the victim is its third. */
let chain: { key: string; ids: number[] };

const coordinator = (siteId: string): AuditContext => ({
  actorId: '00000000-0000-4000-8000-000000000001',
  actorLabel: 'coord@example.org',
  actorRole: 'coordinator',
  actorSiteId: siteId,
  requestId: 'req-tamper',
});

beforeAll(async () => {
  t = await createTestDb();
  const [site] = await withAudit(t.db, { actorId: 'system', actorRole: 'system' }, (tx) =>
    tx.insert(sites).values({ code: 'T01', name: 'Tamper site' }).returning(),
  );
  if (!site) throw new Error('no site');
  const ctx = coordinator(site.id);
  const [p] = await withAudit(t.db, ctx, (tx) =>
    tx.insert(participants).values({ studyId: 'T01-0001', siteId: site.id, siteSeq: 1 }).returning(),
  );
  if (!p) throw new Error('no participant');
  for (const birthYear of [1970, 1971, 1972]) {
    // Every nullable hashed column is filled, so altering it changes a real value.
    await withAudit(t.db, { ...ctx, reason: `correction ${birthYear}` }, (tx) =>
      tx.update(participants).set({ birthYear }).where(eq(participants.id, p.id)),
    );
  }
  const rows = await t.db
    .select({ id: auditLog.id, key: auditLog.chainKey })
    .from(auditLog)
    .where(eq(auditLog.participantId, p.id))
    .orderBy(auditLog.chainSeq);
  chain = { key: rows[0]?.key ?? '', ids: rows.map((r) => r.id) };
});
afterAll(async () => {
  await t?.close();
});

interface Tamper {
  /** What a superuser does with the guard off (the victim's id is bound as `victim`). */
  alter: (tx: Tx, victim: number, predecessor: number) => Promise<unknown>;
  /** The row verification must name, and how. */
  expect: (ids: { victim: number; first: number }) => { id: number; problem: string };
}

const set = (assignment: ReturnType<typeof sql>) => (tx: Tx, victim: number) =>
  tx.execute(sql`update audit_log set ${assignment} where id = ${victim}`);
const atVictim = (ids: { victim: number }) => ({ id: ids.victim, problem: 'hash_mismatch' });

/** One way to forge each column; only the row hash can catch a forged value column. */
const tampers: Record<string, Tamper> = {
  occurred_at: { alter: set(sql`occurred_at = occurred_at + interval '1 second'`), expect: atVictim },
  actor_id: { alter: set(sql`actor_id = 'forged-actor'`), expect: atVictim },
  actor_label: { alter: set(sql`actor_label = 'forged@example.org'`), expect: atVictim },
  actor_role: { alter: set(sql`actor_role = 'admin'`), expect: atVictim },
  actor_site_id: { alter: set(sql`actor_site_id = gen_random_uuid()`), expect: atVictim },
  action: { alter: set(sql`action = 'DELETE'`), expect: atVictim },
  table_name: { alter: set(sql`table_name = 'sites'`), expect: atVictim },
  record_id: { alter: set(sql`record_id = 'forged-record'`), expect: atVictim },
  participant_id: { alter: set(sql`participant_id = gen_random_uuid()`), expect: atVictim },
  site_id: { alter: set(sql`site_id = gen_random_uuid()`), expect: atVictim },
  changes: { alter: set(sql`changes = '{"birth_year":[1970,1999]}'`), expect: atVictim },
  reason: { alter: set(sql`reason = 'forged reason'`), expect: atVictim },
  request_id: { alter: set(sql`request_id = 'forged-request'`), expect: atVictim },
  hash: { alter: set(sql`hash = repeat('f', 64)`), expect: atVictim },
  // The links themselves: an attacker who rewrites the predecessor and re-hashes it must then
  // re-point the victim's prev_hash, which only the victim's own hash can expose.
  prev_hash: {
    alter: async (tx, victim, predecessor) => {
      await tx.execute(sql`update audit_log set reason = 'rewritten' where id = ${predecessor}`);
      await tx.execute(sql`update audit_log a set hash = edc_audit_hash(a) where id = ${predecessor}`);
      await tx.execute(
        sql`update audit_log set prev_hash = (select hash from audit_log where id = ${predecessor})
            where id = ${victim}`,
      );
    },
    expect: atVictim,
  },
  // Moving the whole chain (and its head) under another key keeps every link intact.
  chain_key: {
    alter: async (tx) => {
      await tx.execute(
        sql`update audit_log set chain_key = 'participant:forged' where chain_key = ${chain.key}`,
      );
      await tx.execute(
        sql`update audit_chain_head set chain_key = 'participant:forged' where chain_key = ${chain.key}`,
      );
    },
    expect: (ids) => ({ id: ids.first, problem: 'hash_mismatch' }),
  },
  // A moved sequence number breaks the contiguous sequence before the hash is even compared.
  chain_seq: {
    alter: set(sql`chain_seq = chain_seq + 100`),
    expect: (ids) => ({ id: ids.victim, problem: 'sequence_gap' }),
  },
};

/** Verification of the chain as altered by `alter`, inside a transaction that is rolled back. */
async function tamperedVerification(alter: (tx: Tx) => Promise<unknown>): Promise<ChainVerification> {
  let verification: ChainVerification | undefined;
  await t.db
    .transaction(async (tx) => {
      // What a superuser could do: switch the guard off, rewrite history, switch it back on.
      await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await alter(tx);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
      verification = await verifyAuditChain(tx);
      tx.rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof TransactionRollbackError)) throw e;
    });
  if (!verification) throw new Error('the tampered chain was not verified');
  return verification;
}

describe(`audit chain tampering on ${testDbKind()}`, () => {
  it('has a tamper case for every column of audit_log but the surrogate id', async () => {
    const columns = await selectRows(
      t.db,
      { name: field.text },
      sql`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = 'audit_log' order by ordinal_position`,
    );
    expect(
      columns
        .map((c) => c.name)
        .filter((c) => c !== 'id')
        .sort(),
    ).toEqual(Object.keys(tampers).sort());
    expect(chain.ids).toHaveLength(4);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, firstBreak: null });
  });

  for (const [column, tamper] of Object.entries(tampers)) {
    it(`finds a forged ${column}`, async () => {
      const [first = 0, predecessor = 0, victim = 0] = chain.ids.slice(0, 3);
      const found = await tamperedVerification((tx) => tamper.alter(tx, victim, predecessor));
      expect(found).toMatchObject({ ok: false, firstBreak: tamper.expect({ victim, first }) });
      // The rollback restored the intact chain for the next case.
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    });
  }
});

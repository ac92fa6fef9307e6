import { type SQL, sql } from 'drizzle-orm';
import { type AuditContext, auditSettings, SYSTEM_ACTOR } from './audit-context';
import type { Db } from './client';
import { field, selectRows } from './rows';

/** A transaction of either driver; services receive this, never the root database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/**
 * An expression that sets the audit context for the rest of the transaction when it is evaluated
 * (its value, the number of settings, means nothing). A write path can put it in the select list of
 * its first read, so setting the context costs no round trip of its own.
 */
export function auditContextSql(ctx: AuditContext): SQL<number> {
  const calls = auditSettings(ctx).map(
    ([name, value]) => sql`set_config(${sql.raw(`'${name}'`)}, ${value}, true)`,
  );
  return sql<number>`num_nonnulls(${sql.join(calls, sql`, `)})`;
}

/**
 * auditContextSql for a prepared statement (prepared.ts): each setting's value is a placeholder
 * named after the setting, filled from auditContextValues(ctx) at each execution.
 */
export function auditContextPlaceholders(): SQL<number> {
  const calls = auditSettings(SYSTEM_ACTOR).map(
    ([name]) => sql`set_config(${sql.raw(`'${name}'`)}, ${sql.placeholder(name)}, true)`,
  );
  return sql<number>`num_nonnulls(${sql.join(calls, sql`, `)})`;
}

/** The placeholder values of auditContextPlaceholders for ctx. */
export function auditContextValues(ctx: AuditContext): Record<string, string> {
  return Object.fromEntries(auditSettings(ctx));
}

export async function setAuditContext(tx: Executor, ctx: AuditContext): Promise<void> {
  await tx.execute(sql`select ${auditContextSql(ctx)}`);
}

/** Changes the reason recorded for the following statements of the current transaction. */
export async function setAuditReason(tx: Executor, reason: string | null): Promise<void> {
  await tx.execute(sql`select set_config('edc.reason', ${reason ?? ''}, true)`);
}

/** Runs fn in one transaction whose every change is audited under ctx. */
export async function withAudit<T>(db: Db, ctx: AuditContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await setAuditContext(tx, ctx);
    return fn(tx);
  });
}

export interface AuditEvent {
  /** e.g. LOGIN, LOGIN_FAILED, LOGOUT, EXPORT, SIGN. */
  action: string;
  tableName: string;
  recordId?: string | null;
  participantId?: string | null;
  siteId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends an audit row for an event that is not a row change (a login, an export). Must run in
 * a transaction whose audit context is set; it shares the hash chain with trigger-written rows.
 */
export async function appendAuditEvent(tx: Executor, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select edc_audit_append(
    ${event.action}, ${event.tableName}, ${event.recordId ?? null},
    ${event.participantId ?? null}::uuid, ${event.siteId ?? null}::uuid,
    ${JSON.stringify(event.details ?? {})}::jsonb)`);
}

const chainProblems = ['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'head_mismatch'] as const;

export interface ChainBreak {
  id: number;
  chainKey: string;
  chainSeq: number;
  problem: (typeof chainProblems)[number];
}

export interface ChainVerification {
  ok: boolean;
  rowsChecked: number;
  chains: number;
  /** The first broken link in id order, if any. */
  firstBreak: ChainBreak | null;
}

/**
 * Recomputes every row's hash with the same SQL function the trigger used and checks each link:
 * sequence contiguous from 1, prev_hash equal to the previous row's hash, and the chain head
 * pointing at the last row (so removing the newest rows is detected too).
 */
export async function verifyAuditChain(db: Executor): Promise<ChainVerification> {
  // Ids and sequence numbers are bigint, selected as text and parsed to numbers.
  const rows = await selectRows(
    db,
    { id: field.int, chain_key: field.text, chain_seq: field.int, problem: field.oneOf(chainProblems) },
    sql`
    with links as (
      select a.id, a.chain_key, a.chain_seq, a.prev_hash, a.hash,
             edc_audit_hash(a) as recomputed,
             lag(a.hash) over w as expected_prev,
             lag(a.chain_seq) over w as previous_seq
      from audit_log a
      window w as (partition by a.chain_key order by a.chain_seq)
    ), problems as (
      select id, chain_key, chain_seq,
        case
          when chain_seq <> coalesce(previous_seq, 0) + 1 then 'sequence_gap'
          when prev_hash <> coalesce(expected_prev, repeat('0', 64)) then 'prev_hash_mismatch'
          when hash <> recomputed then 'hash_mismatch'
        end as problem
      from links
      union all
      select coalesce(last.id, 0), h.chain_key, h.seq, 'head_mismatch'
      from audit_chain_head h
      left join lateral (
        select a.id, a.chain_seq, a.hash from audit_log a
        where a.chain_key = h.chain_key order by a.chain_seq desc limit 1
      ) last on true
      where last.id is null and h.seq <> 0
         or last.chain_seq <> h.seq or last.hash <> h.hash
    )
    select id::text, chain_key, chain_seq::text, problem from problems
    where problem is not null order by id limit 1`,
  );
  const counts = await selectRows(
    db,
    { rows: field.int, chains: field.int },
    sql`select count(*)::text as rows, count(distinct chain_key)::text as chains from audit_log`,
  );
  const first = rows[0];
  const count = counts[0];
  return {
    ok: !first,
    rowsChecked: count?.rows ?? 0,
    chains: count?.chains ?? 0,
    firstBreak: first
      ? { id: first.id, chainKey: first.chain_key, chainSeq: first.chain_seq, problem: first.problem }
      : null,
  };
}

/**
 * An error and the errors it wraps, outermost first (drizzle wraps the driver's error in a
 * "Failed query" error's cause). Bounded, so a cause cycle cannot loop forever.
 */
export function errorChain(error: unknown, maxDepth = 6): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  while (chain.length < maxDepth && typeof current === 'object' && current !== null) {
    chain.push(current);
    current = 'cause' in current ? current.cause : undefined;
  }
  return chain;
}

/** The PostgreSQL error under drizzle's "Failed query" wrapper, if there is one. */
export function databaseError(error: unknown): { code: string; message: string } | null {
  for (const link of errorChain(error)) {
    if ('code' in link && 'message' in link) {
      const { code, message } = link;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, message: String(message) };
    }
  }
  return null;
}

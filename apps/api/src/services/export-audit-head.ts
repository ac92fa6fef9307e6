import { type Db, type Executor, field, type RowOf, selectRows } from '@mini-edc/db';
import type { ExportAuditHead } from '@mini-edc/domain';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The audit trail's state when an export starts, for its manifest: a sponsor who later
 * recomputes `headsDigest` with `auditHeadAt(maxAuditId)` proves that no audit row up to the export
 * was altered or removed, because each chain's newest hash commits to every row before it.
 */

// Counts and sequence numbers are selected as text (bigint) and parsed to numbers here.
const headRow = {
  captured_at: field.text,
  max_audit_id: field.nullable(field.int),
  chains: field.int,
  heads_digest: field.text,
  global_seq: field.nullable(field.int),
  global_hash: field.nullable(field.text),
};

// One line per chain, `chain_key TAB seq TAB hash LF`, in byte order of the key (collate "C"), so
// the digest does not depend on the server's collation and can be recomputed anywhere.
const digestOf = (rows: SQL) => sql`encode(sha256(convert_to(coalesce(string_agg(
    h.chain_key || E'\t' || h.seq::text || E'\t' || h.hash || E'\n', '' order by h.chain_key collate "C"
  ), ''), 'UTF8')), 'hex')
  from ${rows}`;

function toHead(row: RowOf<typeof headRow> | undefined): ExportAuditHead {
  if (!row) throw new Error('audit head query returned nothing');
  return {
    capturedAt: row.captured_at,
    maxAuditId: row.max_audit_id ?? 0,
    chains: row.chains,
    headsDigest: row.heads_digest,
    global:
      row.global_seq === null || row.global_hash === null
        ? null
        : { seq: row.global_seq, hash: row.global_hash },
  };
}

/**
 * Reads every chain head and the highest audit id in one snapshot. A SHARE lock on the head table
 * waits for transactions that are appending (they hold ROW EXCLUSIVE on it) and holds new appends
 * for the few milliseconds of the read, so no row with id ≤ maxAuditId commits afterwards: the cut
 * is exact and `auditHeadAt` gives the same digest later. SHARE does not conflict with itself, so
 * concurrent exports do not wait for each other. Appends are short, so the wait is bounded; the
 * lock timeout turns a stuck writer into a failed export rather than a stalled trial.
 */
export async function captureAuditHead(db: Db): Promise<ExportAuditHead> {
  return db.transaction((tx) => readAuditHeadLocked(tx));
}

/**
 * The same read inside the caller's transaction (locking the study takes its cut this way, in
 * the transaction that changes the state). The SHARE lock lasts until that transaction ends.
 */
export async function readAuditHeadLocked(tx: Executor): Promise<ExportAuditHead> {
  await tx.execute(sql`set local lock_timeout = '10s'`);
  await tx.execute(sql`lock table audit_chain_head in share mode`);
  const rows = await selectRows(
    tx,
    headRow,
    sql`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as captured_at,
        (select max(id)::text from audit_log) as max_audit_id,
        (select count(*)::text from audit_chain_head where seq > 0) as chains,
        (select ${digestOf(sql`audit_chain_head h where h.seq > 0`)}) as heads_digest,
        g.seq::text as global_seq, g.hash as global_hash
      from (select 1) one
      left join audit_chain_head g on g.chain_key = 'global'`,
  );
  return toHead(rows[0]);
}

/**
 * The head the audit trail had when its newest row was `maxAuditId`, recomputed from audit_log
 * itself (not from the head table): the verification side of the manifest's `auditHead`.
 */
export async function auditHeadAt(db: Executor, maxAuditId: number): Promise<ExportAuditHead> {
  const rows = await selectRows(
    db,
    headRow,
    sql`with h as (
          select distinct on (a.chain_key) a.chain_key, a.chain_seq as seq, a.hash
          from audit_log a where a.id <= ${maxAuditId}
          order by a.chain_key, a.chain_seq desc
        )
        select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as captured_at,
          ${String(maxAuditId)}::text as max_audit_id,
          (select count(*)::text from h) as chains,
          (select ${digestOf(sql`h`)}) as heads_digest,
          (select seq::text from h where chain_key = 'global') as global_seq,
          (select hash from h where chain_key = 'global') as global_hash`,
  );
  return toHead(rows[0]);
}

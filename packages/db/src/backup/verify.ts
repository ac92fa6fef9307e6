/**
 * The checks a restored database must pass (docs/backup.md): the same row count in every table as
 * at backup time, an intact audit trail (every chain re-hashed), and the same chain heads, so no
 * audit row was lost or added on the way.
 */
import type { BackupCheckName } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { type Executor, verifyAuditChain } from '../audit';
import { field, selectRows } from '../rows';
import { auditChainHead } from '../schema/audit';
import type { ChainHead } from './snapshot';

export interface RestoreCheck {
  name: BackupCheckName;
  ok: boolean;
  detail: string;
}

export interface ExpectedContents {
  rowCounts: Record<string, number>;
  auditHeads: ChainHead[];
}

async function currentCounts(db: Executor): Promise<Record<string, number>> {
  const tables = await selectRows(
    db,
    { name: field.text },
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await selectRows(
      db,
      { n: field.int },
      sql`select count(*)::text as n from ${sql.identifier(name)}`,
    );
    counts[name] = rows[0]?.n ?? 0;
  }
  return counts;
}

export async function checkRowCounts(db: Executor, expected: Record<string, number>): Promise<RestoreCheck> {
  const actual = await currentCounts(db);
  const names = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].sort();
  const differing = names.filter((n) => actual[n] !== expected[n]);
  const total = Object.values(actual).reduce((a, b) => a + b, 0);
  return differing.length === 0
    ? { name: 'row counts', ok: true, detail: `${names.length} tables, ${total} rows, as in the manifest` }
    : {
        name: 'row counts',
        ok: false,
        detail: differing
          .map((n) => `${n}: ${actual[n] ?? 'missing'} (manifest ${expected[n] ?? 'missing'})`)
          .join('; '),
      };
}

export async function checkAuditChain(db: Executor): Promise<RestoreCheck> {
  const result = await verifyAuditChain(db);
  const brk = result.firstBreak;
  return {
    name: 'audit chain',
    ok: result.ok,
    detail: brk
      ? `first break at audit row ${brk.id} (${brk.chainKey} #${brk.chainSeq}: ${brk.problem})`
      : `${result.rowsChecked} rows in ${result.chains} chains verified`,
  };
}

export async function checkAuditHeads(db: Executor, expected: ChainHead[]): Promise<RestoreCheck> {
  const rows = await selectRows(
    db,
    // The bigint seq as its text, compared as text with the manifest's.
    { chain_key: auditChainHead.chainKey, seq: field.text, hash: auditChainHead.hash },
    sql`select chain_key, seq::text as seq, hash from audit_chain_head order by chain_key`,
  );
  const actual = new Map(rows.map((r) => [r.chain_key, `${r.seq}:${r.hash}`]));
  const wanted = new Map(expected.map((h) => [h.chainKey, `${h.seq}:${h.hash}`]));
  const keys = [...new Set([...actual.keys(), ...wanted.keys()])].sort();
  const differing = keys.filter((k) => actual.get(k) !== wanted.get(k));
  return differing.length === 0
    ? { name: 'audit chain heads', ok: true, detail: `${keys.length} heads equal to the manifest's` }
    : {
        name: 'audit chain heads',
        ok: false,
        detail: `${differing.length} of ${keys.length} differ, first ${differing[0]}: ${actual.get(differing[0] ?? '') ?? 'missing'} (manifest ${wanted.get(differing[0] ?? '') ?? 'missing'})`,
      };
}

/** Row counts, audit chain verification and chain heads, in that order. */
export async function verifyRestoredDatabase(
  db: Executor,
  expected: ExpectedContents,
): Promise<RestoreCheck[]> {
  return [
    await checkRowCounts(db, expected.rowCounts),
    await checkAuditChain(db),
    await checkAuditHeads(db, expected.auditHeads),
  ];
}

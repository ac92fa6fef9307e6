/**
 * A logical snapshot of the whole database (docs/backup.md): every table of the public schema
 * as COPY text (PostgreSQL's own row format, exact for every type and identical on PostgreSQL and
 * PGlite), the sequences, the applied migrations, the row counts and the audit chain heads, all
 * read in one transaction so they agree with each other.
 */
import { field } from '../rows';
import type { BackupSession } from './session';

export interface TableInfo {
  name: string;
  /** Column names in table order (generated columns excluded: they are recomputed on load). */
  columns: string[];
}

export interface ChainHead {
  chainKey: string;
  seq: number;
  hash: string;
}

export interface SnapshotHeader {
  /** The snapshot's time (start of its transaction), ISO 8601 UTC. */
  takenAt: string;
  /** drizzle's record of the applied migrations (hash of each SQL file), in order. */
  migrations: string[];
  /** Tables in load order: every table after the tables its foreign keys point to. */
  tables: TableInfo[];
  rowCounts: Record<string, number>;
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  auditHeads: ChainHead[];
}

export interface Snapshot {
  header: SnapshotHeader;
  /** COPY text of each table, by table name. */
  data: Map<string, Buffer>;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The public tables with their columns, ordered so that referenced tables come first. */
export async function listTables(session: BackupSession): Promise<TableInfo[]> {
  const columns = await session.rows(
    { table_name: field.text, column_name: field.text },
    `select c.relname as table_name, a.attname as column_name
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const foreignKeys = await session.rows(
    { child: field.text, parent: field.text },
    `select ch.relname as child, pa.relname as parent
       from pg_constraint k
       join pg_class ch on ch.oid = k.conrelid
       join pg_class pa on pa.oid = k.confrelid
       join pg_namespace n on n.oid = ch.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and ch.oid <> pa.oid`,
  );
  const byTable = new Map<string, string[]>();
  for (const row of columns) {
    const list = byTable.get(row.table_name) ?? [];
    list.push(row.column_name);
    byTable.set(row.table_name, list);
  }
  const parents = new Map<string, Set<string>>();
  for (const fk of foreignKeys) {
    const set = parents.get(fk.child) ?? new Set<string>();
    set.add(fk.parent);
    parents.set(fk.child, set);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name)) return;
    if (path.has(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    path.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent, path);
    path.delete(name);
    placed.add(name);
    ordered.push({ name, columns: byTable.get(name) ?? [] });
  };
  for (const name of [...byTable.keys()].sort()) visit(name, new Set());
  return ordered;
}

export async function appliedMigrations(session: BackupSession): Promise<string[]> {
  const exists = await session.rows(
    { present: field.bool },
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists[0]?.present) return [];
  const rows = await session.rows(
    { hash: field.text },
    'select hash from drizzle.__drizzle_migrations order by id',
  );
  return rows.map((r) => r.hash);
}

export async function rowCounts(
  session: BackupSession,
  tables: TableInfo[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = await session.rows(
      { n: field.int },
      `select count(*)::text as n from ${quoteIdent(table.name)}`,
    );
    counts[table.name] = rows[0]?.n ?? 0;
  }
  return counts;
}

export async function auditHeads(session: BackupSession): Promise<ChainHead[]> {
  const rows = await session.rows(
    { chain_key: field.text, seq: field.int, hash: field.text },
    'select chain_key, seq::text as seq, hash from audit_chain_head order by chain_key',
  );
  return rows.map((r) => ({ chainKey: r.chain_key, seq: r.seq, hash: r.hash }));
}

async function sequences(session: BackupSession): Promise<SnapshotHeader['sequences']> {
  const names = await session.rows(
    { name: field.text },
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  const out: SnapshotHeader['sequences'] = [];
  for (const { name } of names) {
    const rows = await session.rows(
      { last_value: field.text, is_called: field.bool },
      `select last_value::text as last_value, is_called from ${quoteIdent(name)}`,
    );
    const row = rows[0];
    if (row) out.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return out;
}

/** Number of rows in COPY text data: one line per row (newlines inside values are escaped). */
export function copyRowCount(data: Buffer): number {
  let n = 0;
  for (const byte of data) if (byte === 0x0a) n++;
  return n;
}

/** Reads the whole database; must run inside withReadSnapshot() so every part is one snapshot. */
export async function readSnapshot(session: BackupSession): Promise<Snapshot> {
  const time = await session.rows(
    { t: field.text },
    `select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t`,
  );
  const tables = await listTables(session);
  const counts = await rowCounts(session, tables);
  const data = new Map<string, Buffer>();
  for (const table of tables) {
    const columns = table.columns.map(quoteIdent).join(', ');
    const copied = await session.copyOut(`${quoteIdent(table.name)} (${columns})`);
    if (copyRowCount(copied) !== counts[table.name]) {
      throw new Error(`table ${table.name}: COPY returned a different number of rows than count(*)`);
    }
    data.set(table.name, copied);
  }
  return {
    header: {
      takenAt: time[0]?.t ?? new Date().toISOString(),
      migrations: await appliedMigrations(session),
      tables,
      rowCounts: counts,
      sequences: await sequences(session),
      auditHeads: await auditHeads(session),
    },
    data,
  };
}

/**
 * Loads a snapshot into a migrated database that holds no trial data (docs/backup.md). The rows,
 * audit trail included, are copied as they were: the audit and guard triggers are switched off
 * for the load (ALTER TABLE ... DISABLE TRIGGER USER, which the tables' owner may do; foreign keys
 * stay enforced) and on again before commit, all in one transaction.
 */
import { field } from '../rows';
import type { BackupSession } from './session';
import {
  appliedMigrations,
  listTables,
  quoteIdent,
  rowCounts,
  type Snapshot,
  type TableInfo,
} from './snapshot';

/** Tables whose rows the migrations themselves insert (0010 inserts the study's 'open' state). */
const SEEDED_BY_MIGRATIONS = new Set(['study_status']);

export class RestoreRefused extends Error {}

/** Tables of the target that hold rows a migration did not put there (empty list: empty database). */
export async function tablesWithData(session: BackupSession): Promise<string[]> {
  const tables = await listTables(session);
  const counts = await rowCounts(session, tables);
  return tables
    .filter((t) => !SEEDED_BY_MIGRATIONS.has(t.name) && (counts[t.name] ?? 0) > 0)
    .map((t) => t.name);
}

function describeTables(tables: TableInfo[]): string {
  return tables.map((t) => `${t.name}(${t.columns.join(',')})`).join(' ');
}

export async function loadSnapshot(session: BackupSession, snapshot: Snapshot): Promise<void> {
  const { header } = snapshot;
  const migrations = await appliedMigrations(session);
  if (migrations.join() !== header.migrations.join()) {
    throw new RestoreRefused(
      `the database has ${migrations.length} migrations applied and the backup ${header.migrations.length}: restore with the mini-EDC version that made the backup`,
    );
  }
  const tables = await listTables(session);
  const byName = (list: TableInfo[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
  if (describeTables(byName(tables)) !== describeTables(byName(header.tables))) {
    throw new RestoreRefused('the tables of the database differ from those of the backup');
  }
  const occupied = await tablesWithData(session);
  if (occupied.length > 0) {
    throw new RestoreRefused(`the database is not empty (rows in ${occupied.join(', ')})`);
  }
  for (const table of header.tables) {
    await session.run(`alter table ${quoteIdent(table.name)} disable trigger user`);
  }
  for (const table of [...header.tables].reverse()) {
    await session.run(`delete from ${quoteIdent(table.name)}`);
  }
  for (const table of header.tables) {
    const data = snapshot.data.get(table.name);
    if (!data || data.length === 0) continue;
    const columns = table.columns.map(quoteIdent).join(', ');
    await session.copyIn(`${quoteIdent(table.name)} (${columns})`, data);
  }
  for (const seq of header.sequences) {
    await session.run('select setval($1::regclass, $2::bigint, $3)', [
      quoteIdent(seq.name),
      seq.lastValue,
      seq.isCalled,
    ]);
  }
  for (const table of header.tables) {
    await session.run(`alter table ${quoteIdent(table.name)} enable trigger user`);
  }
}

/**
 * Moves everything the database holds into a schema named `edc_replaced_<stamp>` (and drizzle's
 * migration record beside it), leaving an empty public schema for the restore. Nothing is
 * deleted: the operator drops that schema once the restored study has been checked.
 */
export async function setAsideContents(session: BackupSession, stamp: string): Promise<string> {
  const name = `edc_replaced_${stamp.replace(/[^0-9A-Za-z]/g, '').toLowerCase()}`;
  await session.run(`alter schema public rename to ${quoteIdent(name)}`);
  await session.run('create schema public');
  const drizzle = await session.rows(
    { present: field.bool },
    `select exists (select 1 from pg_namespace where nspname = 'drizzle') as present`,
  );
  if (drizzle[0]?.present)
    await session.run(`alter schema drizzle rename to ${quoteIdent(`${name}_drizzle`)}`);
  return name;
}

/**
 * Rows the bench reads straight from PostgreSQL (seeding, checks after a load, machine facts),
 * each checked against a row shape as the API's own raw queries are (packages/db/src/rows.ts).
 * None of these reads is inside a timed loop, so checking them changes no measured figure.
 */
import { parseRow, type RowOf, type RowShape } from '@mini-edc/db/rows';
import type pg from 'pg';

type Queryable = pg.Pool | pg.PoolClient;

/** Runs a query and checks each row against its shape. */
export async function pgRows<S extends RowShape>(
  db: Queryable,
  shape: S,
  text: string,
  params?: unknown[],
): Promise<RowOf<S>[]> {
  const result = await db.query(text, params);
  return result.rows.map((raw: unknown) => parseRow(shape, raw));
}

/** The one row a query answers (an aggregate, a SHOW); no row is a failure of the bench. */
export async function pgRow<S extends RowShape>(
  db: Queryable,
  shape: S,
  text: string,
  params?: unknown[],
): Promise<RowOf<S>> {
  const [row] = await pgRows(db, shape, text, params);
  if (!row) throw new Error(`no row from: ${text.slice(0, 60)}`);
  return row;
}

import { fillPlaceholders, type Query, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './audit';
import { parseRow, type RowOf, type RowShape } from './rows';

/**
 * Statements that run on every request or every save, prepared: the SQL text is built once when
 * the module loads, and node-postgres sends it to each pooled connection once under its name;
 * later executions send only the parameters, so neither drizzle's query building in Node nor
 * PostgreSQL's parse (and, once it settles on a generic plan, its planning) is paid again
 * (docs/benchmarks.md, "The audited write path"). PGlite runs the same text unnamed.
 */
export interface PreparedStatement<K extends string> {
  readonly name: string;
  readonly query: Query;
  /** The placeholders the statement takes (each execution gives a value for each). */
  readonly keys: readonly K[];
}

const dialect = new PgDialect();

/**
 * A statement named `name` (unique in the application); `build` gets a placeholder for each of
 * `keys` and returns the SQL. A list (the user's sites) is one array placeholder (`= any(...)`),
 * so the text does not vary with the list's length.
 */
export function preparedStatement<const K extends string>(
  name: string,
  keys: readonly K[],
  build: (placeholders: Record<K, SQL>) => SQL,
): PreparedStatement<K> {
  const placeholders = Object.fromEntries(keys.map((key) => [key, sql`${sql.placeholder(key)}`]));
  // Each of keys was given its placeholder just above.
  const query = dialect.sqlToQuery(build(placeholders as Record<K, SQL>));
  return { name, query, keys };
}

/**
 * Executes a prepared statement with a value for each placeholder (and any placeholder `build`
 * added itself, such as auditContextPlaceholders'); the rows unchecked, for parseRow.
 */
export async function runPrepared<K extends string>(
  db: Executor,
  statement: PreparedStatement<K>,
  values: Record<K, unknown>,
): Promise<unknown[]> {
  const result: unknown = await db._.session
    .prepareQuery(statement.query, undefined, statement.name, false)
    .execute(values);
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) {
    throw new TypeError('The driver answered no rows');
  }
  return result.rows;
}

/** Executes a prepared statement and checks each row against its shape (as selectRows does). */
export async function selectPrepared<S extends RowShape, K extends string>(
  db: Executor,
  shape: S,
  statement: PreparedStatement<K>,
  values: Record<K, unknown>,
): Promise<RowOf<S>[]> {
  return (await runPrepared(db, statement, values)).map((raw) => parseRow(shape, raw));
}

/**
 * The values of one execution in the order of the statement's parameters, for a plain
 * node-postgres client sending the statement under its name (the bench's database ceiling sends
 * the API's own save statements). Throws if a placeholder has no value.
 */
export function preparedValues<K extends string>(
  statement: PreparedStatement<K>,
  values: Record<K, unknown>,
): unknown[] {
  return fillPlaceholders(statement.query.params, values);
}

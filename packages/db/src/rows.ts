import { Column, type GetColumnData, is, type SQL, sql } from 'drizzle-orm';
import type { Executor } from './audit';

/**
 * Typed rows for raw SQL. A row shape names each selected alias with the drizzle column it reads
 * (or a field for a computed value), so the row's type comes from the schema: dropping or renaming
 * a column there stops every query selecting it from compiling. Each value is checked and
 * normalised at run time, and the two drivers' differences end here: a timestamp is a Date and a
 * date is its 'YYYY-MM-DD' text on PGlite and node-postgres alike.
 */

/** A computed value's parser (counts, aggregates, expressions no column describes). */
export interface Field<T> {
  readonly parse: (value: unknown, name: string) => T;
}

/** Each selected name with the column it reads or the field that parses it. */
export type RowShape = Record<string, Column | Field<unknown>>;

type ValueOf<F> = F extends Column ? GetColumnData<F> : F extends Field<infer T> ? T : never;

/** The row a shape describes. */
export type RowOf<S extends RowShape> = { [K in keyof S]: ValueOf<S[K]> };

function fail(name: string, expected: string, value: unknown): never {
  throw new TypeError(`Row value ${name}: expected ${expected}, got ${JSON.stringify(value)}`);
}

function toDate(value: unknown, name: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (date === null || Number.isNaN(date.getTime())) fail(name, 'a timestamp', value);
  return date;
}

function toDay(value: unknown, name: string): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  fail(name, 'a date', value);
}

function toNumber(value: unknown, name: string): number {
  // Counts and bigint columns arrive as text from node-postgres and as numbers from PGlite.
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) fail(name, 'a number', value);
  return n;
}

function toText(value: unknown, name: string): string {
  if (typeof value !== 'string') fail(name, 'text', value);
  return value;
}

function toBoolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') fail(name, 'a boolean', value);
  return value;
}

function parseColumn(column: Column, value: unknown, name: string): unknown {
  if (value === null || value === undefined) {
    if (column.notNull) fail(name, `${column.name} (not null)`, value);
    return null;
  }
  switch (column.dataType) {
    case 'date':
      return toDate(value, name);
    case 'number':
      return toNumber(value, name);
    case 'boolean':
      return toBoolean(value, name);
    case 'array':
      return Array.isArray(value) ? value : fail(name, 'an array', value);
    case 'string': {
      if (column.columnType === 'PgDateString') return toDay(value, name);
      const text = toText(value, name);
      if (column.enumValues?.length && !column.enumValues.includes(text)) {
        fail(name, column.enumValues.join(' | '), value);
      }
      return text;
    }
    default:
      // json and the rest arrive already decoded by both drivers.
      return value;
  }
}

/** Fields for values no schema column describes. */
export const field = {
  text: { parse: toText } satisfies Field<string>,
  int: { parse: toNumber } satisfies Field<number>,
  bool: { parse: toBoolean } satisfies Field<boolean>,
  timestamp: { parse: toDate } satisfies Field<Date>,
  day: { parse: toDay } satisfies Field<string>,
  json: { parse: (value: unknown) => value } satisfies Field<unknown>,
  /** Text that must be one of `values` (the labels of a CASE expression, a checked text column). */
  oneOf<const T extends string>(values: readonly T[]): Field<T> {
    return {
      parse: (value, name) => {
        const text = toText(value, name);
        const known = values.find((v) => v === text);
        if (known === undefined) fail(name, values.join(' | '), value);
        return known;
      },
    };
  },
  /** A column or field that may be null anyway (the far side of a left join). */
  nullable<F extends Column | Field<unknown>>(inner: F): Field<ValueOf<F> | null> {
    return {
      parse: (value, name) => {
        if (value === null || value === undefined) return null;
        // The inner value's type is ValueOf<F> by the inner parser.
        return parseValue(inner, value, name) as ValueOf<F>;
      },
    };
  },
};

function parseValue(spec: Column | Field<unknown>, value: unknown, name: string): unknown {
  return is(spec, Column) ? parseColumn(spec, value, name) : spec.parse(value, name);
}

/**
 * Checks one raw row against its shape; throws on a value the shape does not allow. With `prefix`,
 * the shape's values are read from the row's names `prefix` + name (one of two joined tables
 * selected with the same prefix, see selectList).
 */
export function parseRow<S extends RowShape>(shape: S, raw: unknown, prefix = ''): RowOf<S> {
  if (typeof raw !== 'object' || raw === null) throw new TypeError('Row is not an object');
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(shape)) {
    out[name] = parseValue(spec, Reflect.get(raw, prefix + name), prefix + name);
  }
  // Every key of the shape was set by the parser of its type just above.
  return out as RowOf<S>;
}

/** The rows a raw query answers, on either driver (both answer `{ rows }`). */
async function rawRows(db: Executor, query: SQL): Promise<unknown[]> {
  const result: unknown = await db.execute(query);
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) {
    throw new TypeError('The driver answered no rows');
  }
  return result.rows;
}

/** Runs a raw query and checks each row against its shape. */
export async function selectRows<S extends RowShape>(
  db: Executor,
  shape: S,
  query: SQL,
): Promise<RowOf<S>[]> {
  return (await rawRows(db, query)).map((raw) => parseRow(shape, raw));
}

/**
 * The select list of a shape's columns read from the table aliased `alias`, each under its shape
 * name (after `prefix`, for parseRow with the same prefix): `v.target_date::text as target_date`.
 * Dates are read as text so neither driver turns a calendar date into an instant. Computed fields
 * are left to the caller's query.
 */
export function selectList(alias: string, shape: RowShape, prefix = ''): SQL {
  const items = Object.entries(shape).flatMap(([name, spec]) =>
    is(spec, Column)
      ? [
          sql`${sql.identifier(alias)}.${sql.identifier(spec.name)}${spec.columnType === 'PgDateString' ? sql`::text` : sql``} as ${sql.identifier(prefix + name)}`,
        ]
      : [],
  );
  return sql.join(items, sql`, `);
}

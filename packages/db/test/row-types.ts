/**
 * Type-level test, checked by the package's typecheck (pnpm run check), never run: a raw query's
 * row is typed from the drizzle schema, so a query selecting a column the schema does not have
 * does not compile. Each `@ts-expect-error` fails the typecheck if the line below it compiles.
 */
import { field, type RowOf, schema } from '../src/index';

const { visits, participants } = schema;

const visitShape = { id: visits.id, target_date: visits.targetDate, version: visits.version };
type VisitRow = RowOf<typeof visitShape>;

export const typed: VisitRow = { id: 'v', target_date: '2026-01-01', version: 1 };

// @ts-expect-error a date column is its text, never an instant
export const wrongDate: VisitRow = { id: 'v', target_date: new Date(), version: 1 };

export const droppedColumn = {
  id: participants.id,
  // @ts-expect-error the schema has no such column: a dropped or renamed column stops the query compiling
  nickname: participants.nickname,
};

const randomizedShape = { randomized_at: participants.randomizedAt, n: field.int };
// A timestamp is a Date on both drivers (never `Date | string`), and nullable when the column is.
export const randomized: RowOf<typeof randomizedShape> = { randomized_at: null, n: 0 };
// @ts-expect-error a timestamp row value is a Date, not its text
export const randomizedText: RowOf<typeof randomizedShape> = { randomized_at: '2026-01-01T00:00:00Z', n: 0 };

const problemShape = { problem: field.oneOf(['sequence_gap', 'hash_mismatch']) };
// A labelled value is one of its labels, never any text.
export const problem: RowOf<typeof problemShape> = { problem: 'sequence_gap' };
// @ts-expect-error a label outside the list does not type
export const unknownProblem: RowOf<typeof problemShape> = { problem: 'unknown' };

import type { Field } from '@mini-edc/db';
import { roleSchema } from '@mini-edc/domain';
import { z } from 'zod';

/**
 * Row fields for computed values whose structure no schema column describes (an array_agg, a
 * jsonb_build_object list): the value is checked by a zod schema, so a raw row is parsed, never cast.
 */
export function parsedBy<T>(schema: z.ZodType<T>): Field<T> {
  return {
    parse: (value, name) => {
      const result = schema.safeParse(value);
      if (!result.success) throw new TypeError(`Row value ${name}: ${z.prettifyError(result.error)}`);
      return result.data;
    },
  };
}

/** A list of text (array_agg of a text column), null when nothing was aggregated. */
export const textList = parsedBy(z.array(z.string()).nullable());

/** A list of text the query coalesces to '{}' when nothing was aggregated. */
export const texts = parsedBy(z.array(z.string()));

/** A user's role (users.role is text in the schema; its check constraint names the same roles). */
export const roleField = parsedBy(roleSchema);

/** A user's interface language (users.locale). */
export const localeField = parsedBy(z.enum(['en', 'tr']));

/**
 * An audit row's changes written by the row trigger (migrations/0001_audit_core.sql):
 * `{"field": [old, new]}`.
 */
export const fieldChanges = parsedBy(z.record(z.string(), z.tuple([z.unknown(), z.unknown()])));

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An audit row's changes of any kind: a row change's pairs or an event's details (a JSON object).
 * Checked without zod: exports read the whole trail through it.
 */
export const auditChanges: Field<Record<string, unknown>> = {
  parse: (value, name) => {
    if (!isJsonObject(value)) throw new TypeError(`Row value ${name}: expected a JSON object`);
    return value;
  },
};

import type { DefinitionChange } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The study definition as immutable, numbered versions (R-DEF-2): version 1 is seeded from the
 * compiled definition of the trial; each amendment adds the next version with its reason and the
 * computed difference. Rows are never updated or deleted (migrations/0021); publishing writes a DEFINITION_PUBLISHED audit event.
 */
export const studyDefinitions = pgTable(
  'study_definitions',
  {
    version: integer('version').primaryKey(),
    definition: jsonb('definition').notNull(),
    reason: text('reason').notNull(),
    /** What changed against the previous version (empty for version 1). */
    diff: jsonb('diff').$type<DefinitionChange[]>().notNull().default(sql`'[]'::jsonb`),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the seeded version 1. */
    publishedBy: uuid('published_by'),
  },
  (t) => [
    check('study_definitions_version_positive', sql`${t.version} >= 1`),
    check('study_definitions_definition_object', sql`jsonb_typeof(${t.definition}) = 'object'`),
  ],
);

/**
 * Amendments being prepared (R-DEF-5): a whole definition an admin stored to review its difference
 * from the current version before publishing it. Publishing copies it into study_definitions and
 * marks the draft with the version it became; a draft is never trial data.
 */
export const studyDefinitionDrafts = pgTable('study_definition_drafts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  definition: jsonb('definition').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by').notNull(),
  publishedVersion: integer('published_version'),
});

import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The study's licensed instrument texts, loaded by an admin as data (protocol §3.4: the ODI
 * statements are never in the repository). Each load adds one row per language; the newest row of
 * a language is in force. Rows are never updated or deleted (migrations/0029); each load writes an
 * INSTRUMENT_TEXTS_LOADED audit event naming the languages and a digest, not the licensed text.
 */
export const instrumentTexts = pgTable(
  'instrument_texts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    instrument: text('instrument').notNull(),
    language: text('language').notNull(),
    /** The ODI's ten sections of six statements: `texts[section - 1][score]`. */
    texts: jsonb('texts').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
    loadedBy: uuid('loaded_by').notNull(),
  },
  (t) => [
    check('instrument_texts_instrument', sql`${t.instrument} in ('oswestry_disability_index')`),
    check('instrument_texts_language', sql`${t.language} in ('en', 'tr')`),
    check('instrument_texts_array', sql`jsonb_typeof(${t.texts}) = 'array'`),
    index('instrument_texts_current').on(t.instrument, t.language, t.id),
  ],
);

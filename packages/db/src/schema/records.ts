import type { FormRecord } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { participants } from './participants';
import { sites } from './sites';

/**
 * One eCRF instance (a form at a visit) for a participant. Fields live in `data`, shaped and
 * validated by the study definition's form (packages/domain); the audit trigger records each field
 * of `data` separately. Lifecycle (design invariant 3): draft → complete → signed → locked.
 */
export const formRecords = pgTable(
  'form_records',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    // Copied from the participant so site scope is one indexed column in every query.
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    visitCode: text('visit_code').notNull(),
    formCode: text('form_code').notNull(),
    // Repeating forms (sessions, injections, adverse events) count 1, 2, 3…
    seq: integer('seq').notNull().default(1),
    status: text('status').$type<FormRecord['status']>().notNull().default('draft'),
    version: integer('version').notNull().default(1),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    // The study definition version the data was last entered under (R-DEF-3); rows from before
    // versioning were entered under version 1.
    definitionVersion: integer('definition_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('form_records_instance').on(t.participantId, t.visitCode, t.formCode, t.seq),
    index('form_records_site_idx').on(t.siteId, t.formCode),
    check('form_records_status_check', sql`${t.status} in ('draft', 'complete', 'signed', 'locked')`),
    check('form_records_data_object', sql`jsonb_typeof(${t.data}) = 'object'`),
  ],
);

/** The visit schedule, created at randomization from the study definition (protocol §5.1). */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    visitCode: text('visit_code').notNull(),
    targetDate: date('target_date').notNull(),
    windowStart: date('window_start').notNull(),
    windowEnd: date('window_end').notNull(),
    // upcoming / due / overdue are computed from the dates at read time; only facts are stored.
    status: text('status').$type<'scheduled' | 'done' | 'missed'>().notNull().default('scheduled'),
    visitDate: date('visit_date'),
    outOfWindowReason: text('out_of_window_reason'),
    missedReason: text('missed_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('visits_participant_visit').on(t.participantId, t.visitCode),
    index('visits_site_window_idx').on(t.siteId, t.windowEnd),
    check('visits_status_check', sql`${t.status} in ('scheduled', 'done', 'missed')`),
    check(
      'visits_window_check',
      sql`${t.windowStart} <= ${t.targetDate} and ${t.targetDate} <= ${t.windowEnd}`,
    ),
  ],
);

/** Hands out per-site participant numbers (S01-0007) under a row lock, without gaps or repeats. */
export const siteCounters = pgTable('site_counters', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id),
  lastSeq: integer('last_seq').notNull().default(0),
});

import type { ParticipantStatus, ParticipantSummary } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { sites } from './sites';

/** A screened patient. No names or national ids are stored: the study id is the only handle. */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    studyId: text('study_id').notNull().unique(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    siteSeq: integer('site_seq').notNull(),
    status: text('status').$type<ParticipantStatus>().notNull().default('screening'),
    sex: text('sex').$type<NonNullable<ParticipantSummary['sex']>>(),
    birthYear: integer('birth_year'),
    screenedAt: date('screened_at'),
    // Summary of the eligibility form: kept for screen failures too (CONSORT).
    eligible: boolean('eligible'),
    failedCriteria: jsonb('failed_criteria').$type<string[]>(),
    consentDate: date('consent_date'),
    randomizedAt: timestamp('randomized_at', { withTimezone: true }),
    // An abandoned screening closed with a reason (docs/requirements.md R-LIFE): the closure stands.
    screeningClosedAt: timestamp('screening_closed_at', { withTimezone: true }),
    screeningClosedReason: text('screening_closed_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('participants_site_seq').on(t.siteId, t.siteSeq),
    check(
      'participants_status_check',
      sql`${t.status} in ('screening', 'screen_failed', 'screening_closed', 'enrolled', 'randomized', 'completed', 'withdrawn')`,
    ),
    check(
      'participants_screening_closed_check',
      sql`(${t.status} = 'screening_closed') = (${t.screeningClosedAt} is not null and ${t.screeningClosedReason} is not null)`,
    ),
    check('participants_sex_check', sql`${t.sex} is null or ${t.sex} in ('male', 'female')`),
  ],
);

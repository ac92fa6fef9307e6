import type { DataQuery, QueryStatus } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { participants } from './participants';
import { formRecords } from './records';
import { sites } from './sites';

/**
 * Electronic signatures (21 CFR 11.50/11.70): who signed which version of a record, when, with
 * what meaning, and a hash of exactly the signed content. A later change voids the signature; the
 * row stays, so history shows it.
 */
export const signatures = pgTable(
  'signatures',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    recordId: uuid('record_id')
      .notNull()
      .references(() => formRecords.id),
    recordVersion: integer('record_version').notNull(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    signerId: uuid('signer_id').notNull(),
    signerName: text('signer_name').notNull(),
    meaning: text('meaning').notNull(),
    contentHash: text('content_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
  },
  (t) => [index('signatures_record_idx').on(t.recordId)],
);

/** Data queries (design "Query"): a question on one field of one record, answered by the site. */
export const dataQueries = pgTable(
  'data_queries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    recordId: uuid('record_id')
      .notNull()
      .references(() => formRecords.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    field: text('field').notNull(),
    status: text('status').$type<QueryStatus>().notNull().default('open'),
    openedBy: uuid('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('data_queries_site_status_idx').on(t.siteId, t.status),
    index('data_queries_record_idx').on(t.recordId),
    check('data_queries_status_check', sql`${t.status} in ('open', 'answered', 'closed')`),
  ],
);

export const queryMessages = pgTable(
  'query_messages',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    queryId: uuid('query_id')
      .notNull()
      .references(() => dataQueries.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    authorId: uuid('author_id').notNull(),
    authorRole: text('author_role').notNull(),
    kind: text('kind').$type<DataQuery['messages'][number]['kind']>().notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('query_messages_query_idx').on(t.queryId),
    check('query_messages_kind_check', sql`${t.kind} in ('open', 'answer', 'close', 'reopen', 'comment')`),
  ],
);

/** Source data verification marks; a later change to the record clears the mark, with the reason. */
export const sdvMarks = pgTable(
  'sdv_marks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    recordId: uuid('record_id')
      .notNull()
      .references(() => formRecords.id),
    recordVersion: integer('record_version').notNull(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    verifiedBy: uuid('verified_by').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    clearedReason: text('cleared_reason'),
  },
  (t) => [index('sdv_marks_record_idx').on(t.recordId)],
);

import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { participants } from './participants';

/**
 * A randomization list (protocol §4.2). Only a commitment to the seed is stored: the seed is shown
 * to the admin once, for the statistician, and proves later that the list was not altered.
 */
export const randomizationLists = pgTable(
  'randomization_lists',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    method: text('method').notNull(),
    params: jsonb('params').notNull(),
    commitment: text('commitment').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * A correction appends a segment after the list in use (R-RAND-5): allocation continues with
     * the segment's slots once the earlier ones of the stratum are used, and its seq continues from
     * theirs (seq_offsets: per stratum, the slots before it). Null for a first list.
     */
    followsListId: uuid('follows_list_id').references((): AnyPgColumn => randomizationLists.id),
    seqOffsets: jsonb('seq_offsets').notNull().default(sql`'{}'::jsonb`),
    /** Why a correction was made; required for every segment that follows another. */
    reason: text('reason'),
  },
  (t) => [
    check('randomization_lists_reason_check', sql`${t.followsListId} is null or ${t.reason} is not null`),
    check('randomization_lists_method_check', sql`${t.method} in ('generated', 'imported')`),
    // At most one list hands out allocations at a time.
    uniqueIndex('randomization_lists_one_active').on(t.active).where(sql`${t.active}`),
  ],
);

/**
 * The slots of a list. Assignment fills participant_id once; a trigger refuses any later change or
 * deletion (protocol §4.3, design invariant 4). Unassigned slots are never sent by the API.
 */
export const randomizationSlots = pgTable(
  'randomization_slots',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    listId: uuid('list_id')
      .notNull()
      .references(() => randomizationLists.id),
    stratumKey: text('stratum_key').notNull(),
    seq: integer('seq').notNull(),
    blockNo: integer('block_no'),
    blockSize: integer('block_size'),
    posInBlock: integer('pos_in_block'),
    arm: text('arm').notNull(),
    participantId: uuid('participant_id')
      .unique()
      .references(() => participants.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    assignedBy: uuid('assigned_by'),
  },
  (t) => [
    unique('randomization_slots_list_stratum_seq').on(t.listId, t.stratumKey, t.seq),
    check('randomization_slots_seq_positive', sql`${t.seq} >= 1`),
  ],
);

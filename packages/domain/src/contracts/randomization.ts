import { z } from 'zod';

export const randomizationListSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  method: z.enum(['generated', 'imported']),
  commitment: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** Per stratum: total slots and how many are assigned; never which arm comes next. */
  strata: z.array(z.object({ stratum: z.string(), total: z.int(), assigned: z.int() })),
  /** The list this segment is appended to by a correction (R-RAND-5); null for a first list. */
  followsListId: z.uuid().nullable(),
  /** Per stratum, the slots before this segment: its seq continues from there. */
  seqOffsets: z.record(z.string(), z.int()),
  reason: z.string().nullable(),
  /** Still handing out allocations: the active list and the segments it follows. */
  inUse: z.boolean(),
});
export type RandomizationList = z.infer<typeof randomizationListSchema>;

const listName = z.string().trim().min(3, 'Name the list (at least 3 characters)').max(120);

/**
 * Replacing or extending the list in use is a documented correction (R-RAND-5): the reason and the
 * password again are required then (the server names the missing field); a first list needs neither.
 * `strata` limits the correction to some strata (a site added later); by default every site's.
 */
const correctionFields = {
  reason: z.string().trim().min(3, 'Give a reason (at least 3 characters)').max(1000).optional(),
  password: z.string().min(1, 'Enter your password').max(200).optional(),
  strata: z.array(z.string().min(1).max(40)).min(1).max(100).optional(),
};

export const generateListRequestSchema = z.strictObject({ name: listName, ...correctionFields });

export const generateListResponseSchema = z.object({
  list: randomizationListSchema,
  /** Shown once, for the statistician; only its commitment is stored. */
  seedHex: z.string(),
});

const listCsv = z.string().min(1, 'Paste or upload the CSV').max(2_000_000, 'The file is too large');

export const importListRequestSchema = z.strictObject({ name: listName, csv: listCsv, ...correctionFields });

/** What a list would change, before it is generated or imported. */
export const listChangePreviewRequestSchema = z.strictObject({
  method: z.enum(['generated', 'imported']),
  csv: listCsv.optional(),
  strata: correctionFields.strata,
});

export const listChangePreviewSchema = z.object({
  /** A list is in use: the new slots are appended, and a reason and the password are required. */
  correction: z.boolean(),
  /** For a generated list the counts are minimums: its last block is kept whole. */
  atLeast: z.boolean(),
  strata: z.array(
    z.object({
      stratum: z.string(),
      used: z.int(),
      remaining: z.int(),
      toAppend: z.int(),
      firstNewSeq: z.int().nullable(),
      added: z.boolean(),
    }),
  ),
  /** Sites the list in use has no stratum for yet (added after it): the web offers to extend it. */
  uncovered: z.array(z.string()),
});
export type ListChangePreview = z.infer<typeof listChangePreviewSchema>;

export const assignedSlotSchema = z.object({
  stratum: z.string(),
  seq: z.int(),
  arm: z.string(),
  studyId: z.string(),
  assignedAt: z.string(),
});

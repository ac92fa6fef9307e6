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
});
export type RandomizationList = z.infer<typeof randomizationListSchema>;

export const generateListRequestSchema = z.strictObject({
  name: z.string().trim().min(3, 'Name the list (at least 3 characters)').max(120),
});

export const generateListResponseSchema = z.object({
  list: randomizationListSchema,
  /** Shown once, for the statistician; only its commitment is stored. */
  seedHex: z.string(),
});

export const importListRequestSchema = z.strictObject({
  name: z.string().trim().min(3, 'Name the list (at least 3 characters)').max(120),
  csv: z.string().min(1, 'Paste or upload the CSV').max(2_000_000, 'The file is too large'),
});

export const assignedSlotSchema = z.object({
  stratum: z.string(),
  seq: z.int(),
  arm: z.string(),
  studyId: z.string(),
  assignedAt: z.string(),
});

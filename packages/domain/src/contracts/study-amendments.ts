import { z } from 'zod';
import { amendmentConflictKinds } from '../study/amendment-conflicts';
import { definitionChangeKinds } from '../study/definition-diff';
import { studyDefinitionSchema } from '../study/definition-schema';

/**
 * Protocol amendments as new versions of the study definition (R-DEF-5, R-DEF-6;
 * docs/study-definition.md "Amendments"): an admin stores a draft, reviews its difference from the
 * current version and what it would invalidate, and publishes it with the password and a reason.
 */

/** A draft is a whole definition, validated like the seed (the shape and every cross-check). */
export const amendmentDraftRequestSchema = z.strictObject({ definition: studyDefinitionSchema });
export type AmendmentDraftRequest = z.infer<typeof amendmentDraftRequestSchema>;

export const amendmentDraftSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Set once the draft was published as this version. */
  publishedVersion: z.int().nullable(),
});
export type AmendmentDraft = z.infer<typeof amendmentDraftSchema>;

export const definitionChangeSchema = z.object({
  change: z.enum(definitionChangeKinds),
  params: z.record(z.string(), z.string()),
});

export const amendmentConflictSchema = z.object({
  problem: z.enum(amendmentConflictKinds),
  studyId: z.string(),
  visit: z.string(),
  form: z.string().optional(),
  field: z.string().optional(),
  value: z.string().optional(),
});

/** The draft against the current version: what changes, and which entered data it would break. */
export const amendmentReviewSchema = z.object({
  draft: amendmentDraftSchema,
  baseVersion: z.int().min(1),
  changes: z.array(definitionChangeSchema),
  conflicts: z.array(amendmentConflictSchema),
});
export type AmendmentReview = z.infer<typeof amendmentReviewSchema>;

export const publishAmendmentRequestSchema = z.strictObject({
  reason: z.string().trim().min(3, 'Give a reason (at least 3 characters)').max(1000),
  /** Re-entered password (21 CFR 11.200). */
  password: z.string().min(1, 'Enter your password').max(200),
});
export type PublishAmendmentRequest = z.infer<typeof publishAmendmentRequestSchema>;

export const publishedAmendmentSchema = z.object({
  version: z.int().min(2),
  changes: z.array(definitionChangeSchema),
  /** Visits the amendment added to the schedules of participants already randomized. */
  scheduledVisits: z.int().min(0),
});
export type PublishedAmendment = z.infer<typeof publishedAmendmentSchema>;

/** One stored version, as the admin's list shows it. */
export const definitionVersionEntrySchema = z.object({
  version: z.int().min(1),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  reason: z.string(),
  changes: z.array(definitionChangeSchema),
});
export type DefinitionVersionEntry = z.infer<typeof definitionVersionEntrySchema>;

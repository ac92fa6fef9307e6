import { z } from 'zod';
import { requestDate } from './request-dates';

const isoDate = requestDate();

export const participantStatuses = [
  'screening',
  'screen_failed',
  'screening_closed',
  'enrolled',
  'randomized',
  'completed',
  'withdrawn',
] as const;

export const visitStatusSchema = z.enum(['upcoming', 'due', 'overdue', 'missed', 'done']);

export const visitRecordSchema = z.object({
  id: z.uuid(),
  visitCode: z.string(),
  targetDate: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: visitStatusSchema,
  visitDate: z.string().nullable(),
  /** Visit free text; absent for a blinded viewer (R-BLIND-2, visitAsSeenBy). */
  outOfWindowReason: z.string().nullable().optional(),
  missedReason: z.string().nullable().optional(),
  /** Whether an out-of-window reason is on file (no text), so a blinded viewer is not asked again. */
  windowReasonOnFile: z.boolean().optional(),
  version: z.int(),
});
export type VisitRecord = z.infer<typeof visitRecordSchema>;

export const recordStatusSchema = z.enum(['draft', 'complete', 'signed', 'locked']);

export const formRecordSchema = z.object({
  id: z.uuid(),
  visitCode: z.string(),
  formCode: z.string(),
  seq: z.int(),
  status: recordStatusSchema,
  version: z.int(),
  data: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});
export type FormRecord = z.infer<typeof formRecordSchema>;

/**
 * What an assessor may see of a participant: no arm, no allocation, nothing that reveals it
 * (design invariant 5). The full view below extends it; the serializer of the blinded view drops
 * every field this schema does not name.
 */
export const participantSummaryBlindedSchema = z.object({
  id: z.uuid(),
  studyId: z.string(),
  siteId: z.uuid(),
  siteCode: z.string(),
  status: z.enum(participantStatuses),
  sex: z.enum(['male', 'female']).nullable(),
  birthYear: z.int().nullable(),
  screenedAt: z.string().nullable(),
  eligible: z.boolean().nullable(),
  failedCriteria: z.array(z.string()).nullable(),
  consentDate: z.string().nullable(),
  /** Why an abandoned screening was closed (status screening_closed), else null. */
  screeningClosedReason: z.string().nullable(),
  randomized: z.boolean(),
  nextVisit: visitRecordSchema.nullable(),
});
export type ParticipantSummaryBlinded = z.infer<typeof participantSummaryBlindedSchema>;

export const allocationSchema = z.object({
  arm: z.string(),
  stratum: z.string(),
  seq: z.int(),
  randomizedAt: z.string(),
});
export type Allocation = z.infer<typeof allocationSchema>;

export const participantSummarySchema = participantSummaryBlindedSchema.extend({
  allocation: allocationSchema.nullable(),
});
export type ParticipantSummary = z.infer<typeof participantSummarySchema>;

export const participantDetailBlindedSchema = participantSummaryBlindedSchema.extend({
  visits: z.array(visitRecordSchema),
  records: z.array(formRecordSchema),
});
export type ParticipantDetailBlinded = z.infer<typeof participantDetailBlindedSchema>;

export const participantDetailSchema = participantSummarySchema.extend({
  visits: z.array(visitRecordSchema),
  records: z.array(formRecordSchema),
});
export type ParticipantDetail = z.infer<typeof participantDetailSchema>;

export const createParticipantRequestSchema = z.strictObject({
  siteId: z.uuid('Choose a site'),
  screenedAt: isoDate,
});
export type CreateParticipantRequest = z.infer<typeof createParticipantRequestSchema>;

/** Closing an abandoned screening (docs/requirements.md R-ELIG-4): the reason is required. */
export const closeScreeningRequestSchema = z.strictObject({
  reason: z.string().trim().min(3, 'Give a reason (at least 3 characters)').max(1000),
});
export type CloseScreeningRequest = z.infer<typeof closeScreeningRequestSchema>;

export const participantListQuerySchema = z.object({
  siteId: z.uuid().optional(),
  status: z.enum(participantStatuses).optional(),
});

export const participantParamsSchema = z.object({ id: z.uuid('Not a valid participant id') });

export const formParamsSchema = z.object({
  id: z.uuid('Not a valid participant id'),
  visitCode: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'Not a visit code'),
  formCode: z.string().regex(/^[a-z][a-z0-9_]*$/, 'Not a form code'),
});

/**
 * Saving a form: the data (validated against the study definition's form), whether it is a draft
 * or complete, the version the user edited (optimistic concurrency) and, once a record is complete,
 * the reason for the change (design invariant 3).
 */
export const saveFormRequestSchema = z.strictObject({
  data: z.record(z.string(), z.unknown()),
  status: z.enum(['draft', 'complete']),
  /** The version edited; 0 when creating, so a record someone else created meanwhile conflicts. */
  expectedVersion: z.int().min(0).optional(),
  seq: z.int().min(1).max(999).optional(),
  /** Why the form is entered outside its visit's window (R-VISIT-2); kept on the visit, audited. */
  outOfWindowReason: z.string().trim().min(3).max(1000).optional(),
  reason: z
    .string()
    .trim()
    .min(3, 'Give a reason for this change (at least 3 characters)')
    .max(1000)
    .optional(),
});
export type SaveFormRequest = z.infer<typeof saveFormRequestSchema>;

export const eligibilityRequestSchema = z.strictObject({
  answers: z.record(z.string(), z.enum(['yes', 'no'], { error: 'Answer yes or no' })),
  expectedVersion: z.int().min(0).optional(),
  reason: z.string().trim().min(3).max(1000).optional(),
});
export type EligibilityRequest = z.infer<typeof eligibilityRequestSchema>;

export const eligibilityResultSchema = z.object({
  eligible: z.boolean(),
  failedCriteria: z.array(z.string()),
  participant: participantSummaryBlindedSchema,
});

export const randomizeResponseSchema = z.object({
  allocation: allocationSchema,
  armLabel: z.string(),
  visits: z.array(visitRecordSchema),
  /** False when this call found the allocation already made (idempotent repeat). */
  created: z.boolean(),
});
export type RandomizeResponse = z.infer<typeof randomizeResponseSchema>;

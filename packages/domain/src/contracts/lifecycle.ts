import { z } from 'zod';
import { formRecordSchema, visitRecordSchema } from './participants';
import { requestDate } from './request-dates';

const isoDate = requestDate();

export const visitParamsSchema = z.object({
  id: z.uuid('Not a valid participant id'),
  visitCode: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'Not a visit code'),
});

/** Marks a scheduled visit done (with its date) or missed (with a reason), protocol §5.1. */
export const updateVisitRequestSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('done'),
    visitDate: isoDate,
    outOfWindowReason: z
      .string()
      .trim()
      .min(3, 'Say why the visit was outside its window')
      .max(1000)
      .optional(),
    expectedVersion: z.int().min(1).optional(),
  }),
  z.strictObject({
    status: z.literal('missed'),
    missedReason: z.string().trim().min(3, 'Say why the visit was missed').max(1000),
    expectedVersion: z.int().min(1).optional(),
  }),
]);
export type UpdateVisitRequest = z.infer<typeof updateVisitRequestSchema>;

export const worklistItemSchema = z.object({
  participantId: z.uuid(),
  studyId: z.string(),
  siteCode: z.string(),
  visit: visitRecordSchema,
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;

export const worklistQuerySchema = z.object({ siteId: z.uuid().optional() });

/**
 * A score as an outcome assessor without `see_outcome_comparison` gets it: the value at a
 * follow-up visit only. Baseline values, change from baseline and MCID flags would bias the
 * assessment (R-BLIND-2), so this schema has no field for them and the serializer cannot send one.
 */
export const scorePointBlindedSchema = z.object({
  visitCode: z.string(),
  vasMm: z.int().nullable(),
  odiPctX10: z.int().nullable(),
});
export type ScorePointBlinded = z.infer<typeof scorePointBlindedSchema>;

export const scoresBlindedResponseSchema = z.object({ points: z.array(scorePointBlindedSchema) });
export type ScoresBlindedResponse = z.infer<typeof scoresBlindedResponseSchema>;

export const scorePointSchema = scorePointBlindedSchema.extend({
  vasDelta: z.number().nullable(),
  vasResponder: z.boolean().nullable(),
  vasLargeChange: z.boolean(),
  odiDeltaX10: z.int().nullable(),
  odiResponder: z.boolean().nullable(),
});
export type ScorePoint = z.infer<typeof scorePointSchema>;

export const scoresResponseSchema = z.object({
  thresholds: z.object({
    vas: z.object({ absoluteMm: z.number(), relativeFraction: z.number() }),
    odi: z.object({ absolutePoints: z.number(), relativeFraction: z.number() }),
  }),
  points: z.array(scorePointSchema),
});
export type ScoresResponse = z.infer<typeof scoresResponseSchema>;

export const signVisitRequestSchema = z.strictObject({
  password: z.string().min(1, 'Enter your password to sign').max(200),
});

export const signVisitResponseSchema = z.object({
  signed: z.int(),
  signedAt: z.string(),
  meaning: z.string(),
});

export const recordParamsSchema = z.object({ recordId: z.uuid('Not a valid record id') });

export const lockRecordResponseSchema = z.object({ id: z.uuid(), status: z.literal('locked') });

export const signatureSchema = z.object({
  id: z.uuid(),
  recordVersion: z.int(),
  signerName: z.string(),
  meaning: z.string(),
  contentHash: z.string(),
  signedAt: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** False when the record changed after signing (the hash no longer matches). */
  valid: z.boolean(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const historyEntrySchema = z.object({
  auditId: z.int(),
  occurredAt: z.string(),
  actorLabel: z.string().nullable(),
  actorRole: z.string(),
  action: z.string(),
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const recordHistorySchema = z.object({
  record: formRecordSchema,
  history: z.array(historyEntrySchema),
  signatures: z.array(signatureSchema),
});
export type RecordHistory = z.infer<typeof recordHistorySchema>;

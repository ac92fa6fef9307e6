import { z } from 'zod';
import { lifecycleActions, preLockCheckCodes, studyStates } from '../closeout/study-lifecycle';

const reasonText = z.string().trim().min(3, 'Give a reason (at least 3 characters)').max(1000);

/** The study's close-out state, readable by every signed-in user (the web shows a banner). */
export const studyStatusSchema = z.object({
  state: z.enum(studyStates),
  changedAt: z.string(),
  lockedAt: z.string().nullable(),
  /** When an admin released the allocation to blinded roles (only after lock), else null. */
  allocationReleasedAt: z.string().nullable(),
});
export type StudyStatus = z.infer<typeof studyStatusSchema>;

export const preLockItemSchema = z.object({
  studyId: z.string().nullable(),
  visitCode: z.string().nullable(),
  formCode: z.string().nullable(),
  field: z.string().nullable(),
  /** A code qualifying the item: query status, draft, or the kind of audit chain break. */
  note: z.string().nullable(),
});
export type PreLockItem = z.infer<typeof preLockItemSchema>;

export const preLockCheckSchema = z.object({
  code: z.enum(preLockCheckCodes),
  /** How many items are open; 0 means the check passes. */
  count: z.int(),
  /** Up to 20 items a person can act on; the web names visits, forms and fields by their labels. */
  examples: z.array(preLockItemSchema),
});
export type PreLockCheck = z.infer<typeof preLockCheckSchema>;

export const preLockChecksSchema = z.object({
  state: z.enum(studyStates),
  checks: z.array(preLockCheckSchema),
  /** Sum of every check's count: above zero, locking needs an override reason. */
  openItems: z.int(),
  checkedAt: z.string(),
});
export type PreLockChecks = z.infer<typeof preLockChecksSchema>;

export const lifecycleEventSchema = z.object({
  auditId: z.int(),
  occurredAt: z.string(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  from: z.enum(studyStates).nullable(),
  to: z.enum(studyStates).nullable(),
  reason: z.string().nullable(),
});
export type LifecycleEvent = z.infer<typeof lifecycleEventSchema>;

export const studyLifecycleSchema = z.object({
  status: studyStatusSchema,
  history: z.array(lifecycleEventSchema),
});
export type StudyLifecycle = z.infer<typeof studyLifecycleSchema>;

export const lifecycleActionParamsSchema = z.object({ action: z.enum(lifecycleActions) });

export const lifecycleActionRequestSchema = z.strictObject({
  reason: reasonText.optional(),
  /** Re-entered password, required to unlock (21 CFR 11.200). */
  password: z.string().min(1, 'Enter your password').max(200).optional(),
});
export type LifecycleActionRequest = z.infer<typeof lifecycleActionRequestSchema>;

import { z } from 'zod';
import type { Role } from './auth';

/**
 * Emergency unblinding of one participant before lock (R-BLIND-4, docs/closeout.md "Unblinding"):
 * an investigator of the participant's site, with a reason and the password again.
 */
/** Who may unblind one participant in an emergency: the route declares it, the web mirrors it. */
export const emergencyUnblindingRoles: readonly Role[] = ['investigator'];

export const emergencyUnblindingRequestSchema = z.strictObject({
  reason: z.string().trim().min(3, 'Give a reason (at least 3 characters)').max(1000),
  /** Re-entered password (21 CFR 11.200). */
  password: z.string().min(1, 'Enter your password').max(200),
});
export type EmergencyUnblindingRequest = z.infer<typeof emergencyUnblindingRequestSchema>;

/** One emergency unblinding as the dashboard lists it to unblinded roles (no arm). */
export const emergencyUnblindingEntrySchema = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  studyId: z.string(),
  siteCode: z.string(),
  unblindedAt: z.string(),
  unblindedBy: z.string(),
  reason: z.string(),
});
export type EmergencyUnblindingEntry = z.infer<typeof emergencyUnblindingEntrySchema>;

/** What the investigator receives: the event and the participant's arm. */
export const emergencyUnblindingSchema = emergencyUnblindingEntrySchema.extend({ arm: z.string() });
export type EmergencyUnblinding = z.infer<typeof emergencyUnblindingSchema>;

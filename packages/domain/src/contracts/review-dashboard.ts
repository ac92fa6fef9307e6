import { z } from 'zod';
import { emergencyUnblindingEntrySchema } from './unblinding';

/**
 * The study dashboard and its CONSORT counts. Blinded roles get the *Blinded
 * schemas, which have no per-arm field at all: the serializer cannot leak what is not named
 * (docs/architecture.md, invariant 5).
 */

const count = z.int().min(0);
const bilingual = z.object({ en: z.string(), tr: z.string() });

export const consortFollowUpSchema = z.object({
  visitCode: z.string(),
  label: bilingual,
  /** Visit done, or its VAS or ODI record complete. */
  followedUp: count,
  /** Not followed up, and the end-of-study form says withdrawn. */
  withdrawn: count,
  /** Not followed up although the visit window has closed (lost, missed, not entered). */
  missing: count,
  /** Not followed up yet, and the window is still open or ahead. */
  notYetDue: count,
});
export type ConsortFollowUp = z.infer<typeof consortFollowUpSchema>;

export const consortCountsBlindedSchema = z.object({
  /** Participants screened. */
  assessed: count,
  excluded: z.object({
    /** assessed − randomized. */
    total: count,
    notEligible: count,
    /** Screen failures per failed criterion (one participant may fail several). */
    byCriterion: z.array(z.object({ criterion: z.string(), count })),
    /** Eligible but not (yet) randomized: declined consent, or pending. */
    eligibleNotRandomized: count,
    /** Eligibility not decided yet (an open screening). */
    eligibilityPending: count,
    /** Abandoned screenings closed with a reason (docs/requirements.md R-ELIG-4). */
    screeningClosed: count,
  }),
  randomized: count,
  followUp: z.array(consortFollowUpSchema),
  /** Randomized with a complete baseline VAS and at least one complete follow-up VAS. */
  analysed: count,
  /**
   * Randomized, not analysed, and no longer analysable: withdrawn, or every follow-up visit's
   * window has closed without the outcome. Those whose follow-up is still ahead are not counted.
   */
  excludedFromAnalysis: count,
});
export type ConsortCountsBlinded = z.infer<typeof consortCountsBlindedSchema>;

export const consortArmSchema = z.object({
  code: z.string(),
  label: bilingual,
  allocated: count,
  followUp: z.array(consortFollowUpSchema),
  analysed: count,
  excludedFromAnalysis: count,
});
export type ConsortArm = z.infer<typeof consortArmSchema>;

export const consortCountsSchema = consortCountsBlindedSchema.extend({ arms: z.array(consortArmSchema) });
export type ConsortCounts = z.infer<typeof consortCountsSchema>;

export const enrollmentMonthSchema = z.object({
  /** YYYY-MM in the study's time zone. */
  month: z.string(),
  randomized: count,
  cumulative: count,
});

export const visitProgressSchema = z.object({
  visitCode: z.string(),
  upcoming: count,
  due: count,
  overdue: count,
  missed: count,
  done: count,
});

export const dashboardBlindedSchema = z.object({
  generatedAt: z.string(),
  enrollment: z.object({
    target: count,
    randomized: count,
    months: z.array(enrollmentMonthSchema),
    bySite: z.array(
      z.object({
        siteId: z.uuid(),
        siteCode: z.string(),
        randomized: count,
        months: z.array(enrollmentMonthSchema),
      }),
    ),
  }),
  consort: consortCountsBlindedSchema,
  visits: z.array(visitProgressSchema),
  queries: z.object({ open: count, answered: count }),
  /** Emergency unblindings at the caller's sites; blinded roles get the number only. */
  emergencyUnblindingCount: count,
});
export type DashboardBlinded = z.infer<typeof dashboardBlindedSchema>;

export const dashboardSchema = dashboardBlindedSchema.extend({
  consort: consortCountsSchema,
  /** Who unblinded which participant, when and why, newest first (R-BLIND-4). */
  emergencyUnblindings: z.array(emergencyUnblindingEntrySchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const consortSvgQuerySchema = z.object({
  locale: z.enum(['en', 'tr']).optional(),
  /** 1: send as a download (content-disposition attachment). */
  download: z.enum(['0', '1']).optional(),
});

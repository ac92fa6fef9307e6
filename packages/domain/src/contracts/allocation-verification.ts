import { z } from 'zod';
import { seedHexPattern } from './named-patterns';
import { requestDateTime } from './request-dates';

/** The admin reveals the seed of a generated list, or uploads the file of an imported list. */
export const verifyAllocationRequestSchema = z
  .strictObject({
    listId: z.uuid('Choose a randomization list'),
    seedHex: z.string().trim().regex(seedHexPattern, 'The seed is 64 hexadecimal digits').optional(),
    csv: z.string().min(1, 'Upload the list file').max(2_000_000, 'The file is too large').optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.seedHex === undefined) === (v.csv === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['seedHex'],
        message: 'Give either the seed (generated list) or the list file (imported list)',
        params: { code: 'SEED_OR_LIST_FILE' },
      });
    }
  });
export type VerifyAllocationRequest = z.infer<typeof verifyAllocationRequestSchema>;

export const allocationMismatchSchema = z.object({
  kind: z.string(),
  stratum: z.string().nullable(),
  seq: z.int().nullable(),
  expected: z.union([z.string(), z.number()]).nullable(),
  stored: z.union([z.string(), z.number()]).nullable(),
  studyId: z.string().nullable(),
});

export const allocationVerificationSummarySchema = z.object({
  id: z.uuid(),
  listId: z.uuid(),
  listName: z.string(),
  verifiedAt: z.string(),
  verifiedBy: z.string(),
  match: z.boolean(),
  commitmentMatches: z.boolean(),
  mismatchCount: z.int(),
  firstMismatch: allocationMismatchSchema.nullable(),
  /** The verdict sentence printed on the report (English, like the report itself). */
  verdict: z.string(),
  allocations: z.int(),
  htmlSha256: z.string(),
  pdfSha256: z.string(),
});
export type AllocationVerificationSummary = z.infer<typeof allocationVerificationSummarySchema>;

export const listIdParamsSchema = z.object({ listId: z.uuid('Not a valid list id') });

/** A casebook or a site's casebooks "as of" a time, in English or Turkish. */
// Who receives casebooks (ICH E6: the sites keep them): the read_casebooks capability of the
// access policy (packages/domain/src/access).

export const casebookQuerySchema = z.strictObject({
  asOf: requestDateTime('Use a date and time like 2026-06-30T17:00:00Z').optional(),
  lang: z.enum(['en', 'tr']).optional(),
});
export type CasebookRequestQuery = z.infer<typeof casebookQuerySchema>;

export const participantIdParamsSchema = z.object({ participantId: z.uuid('Not a valid participant id') });
export const siteIdParamsSchema = z.object({ siteId: z.uuid('Not a valid site id') });

export const closeoutFileSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.string(),
  asOf: z.string(),
  language: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  sha256: z.string().nullable(),
  byteCount: z.number().nullable(),
  manifest: z.record(z.string(), z.unknown()).nullable(),
});

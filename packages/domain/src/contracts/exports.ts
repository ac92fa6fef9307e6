import { z } from 'zod';
import { roleSchema } from './auth';

/**
 * Exports: the analysis files, their data dictionary and CDISC ODM, each streamed and
 * each described afterwards by a manifest that a sponsor can check the file and the audit trail
 * against (21 CFR 11.10(b): accurate and complete copies; ICH E6(R3) §4.2: exports are audited).
 */

export const exportFormats = ['wide_csv', 'long_csv', 'dictionary_csv', 'dictionary_md', 'odm_xml'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** Query of every export route. Unknown keys are refused so a typo never widens an export. */
export const exportQuerySchema = z.strictObject({
  siteId: z.uuid('Not a valid site id').optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const exportParamsSchema = z.object({ exportId: z.uuid('Not a valid export id') });

/**
 * The audit trail as it stood when the export began, taken under a lock so no append was half
 * way. `headsDigest` is SHA-256 over one line per chain, `chain_key TAB seq TAB hash LF`, sorted
 * by chain key (byte order); recomputing it later from the newest audit_log row of each chain with
 * id ≤ `maxAuditId` gives the same digest unless a row up to that point was altered or removed.
 */
export const exportAuditHeadSchema = z.object({
  capturedAt: z.string(),
  maxAuditId: z.int(),
  chains: z.int(),
  headsDigest: z.string().regex(/^[0-9a-f]{64}$/),
  global: z.object({ seq: z.int(), hash: z.string() }).nullable(),
});
export type ExportAuditHead = z.infer<typeof exportAuditHeadSchema>;

export const exportStatusSchema = z.enum(['started', 'completed', 'failed']);

export const exportManifestSchema = z.object({
  exportId: z.uuid(),
  format: exportFormatSchema,
  status: exportStatusSchema,
  fileName: z.string(),
  contentType: z.string(),
  exportedBy: z.object({ userId: z.uuid(), email: z.string(), role: roleSchema }),
  /** True for an assessor's export: no arm anywhere, no intervention forms (design invariant 5). */
  blinded: z.boolean(),
  /** What was asked for (`siteId`) and the site codes the caller's scope actually covered. */
  filters: z.object({ siteId: z.uuid().nullable(), siteCodes: z.array(z.string()) }),
  study: z.object({ nctId: z.string(), sourceSystem: z.string() }),
  /** UTC instants (ISO 8601). */
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Data rows of the file (CSV without its header, one per SubjectData in ODM, one per variable). */
  rowCount: z.int().nullable(),
  counts: z.object({ participants: z.int(), records: z.int(), auditEntries: z.int() }).nullable(),
  byteCount: z.int().nullable(),
  /** SHA-256 (hex) of exactly the bytes sent, computed while streaming. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  auditHead: exportAuditHeadSchema,
});
export type ExportManifest = z.infer<typeof exportManifestSchema>;

import { z } from 'zod';
import { auditItemSchema } from '../audit/audit-items';
import { auditEntitySchema, auditVerbSchema } from '../audit/audit-terms';
import { requestDateTime } from './request-dates';

/**
 * Contracts of the monitor journey: audit review and export, data queries, SDV marks
 * and the per-participant review state. The dashboard and CONSORT counts are in
 * review-dashboard.ts.
 */
export * from './review-dashboard';

// ---------------------------------------------------------------------------------------------
// Audit review (21 CFR 11.10(e): reviewable and copyable; EMA 2023 §6.2: audit review)
// ---------------------------------------------------------------------------------------------

const isoDateTime = requestDateTime();

/** Filters shared by the review page and the CSV export. */
export const auditFilterSchema = z.object({
  participantId: z.uuid('Not a valid participant id').optional(),
  siteId: z.uuid('Not a valid site id').optional(),
  /** The acting user's id (or 'system'). */
  actorId: z.string().trim().min(1).max(100).optional(),
  /** INSERT, UPDATE, DELETE, LOGIN, EXPORT, SIGN… */
  action: z
    .string()
    .regex(/^[A-Z_]{2,40}$/, 'An action is upper-case, e.g. UPDATE')
    .optional(),
  table: z
    .string()
    .regex(/^[a-z_]{2,60}$/, 'Not a table name')
    .optional(),
  /** Rows of form_records of this form (e.g. vas). */
  form: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'Not a form code')
    .optional(),
  /** Rows whose changes name this field, e.g. data.vas_mm or status. */
  field: z
    .string()
    .regex(/^[A-Za-z0-9_.]{1,100}$/, 'Not a field name')
    .optional(),
  /**
   * Rows that changed a form field whose label (English or Turkish) or name contains these words,
   * e.g. "pain" or "ağrı" (R-AUDIT-5); case and diacritics do not matter.
   */
  fieldText: z.string().trim().min(1).max(100).optional(),
  /** Inclusive lower bound on the time of the entry. */
  from: isoDateTime.optional(),
  /** Exclusive upper bound on the time of the entry. */
  to: isoDateTime.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditListQuerySchema = auditFilterSchema.extend({
  /** Opaque: the nextCursor of the previous page. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,120}$/, 'Not a cursor from this API')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditChangeSchema = z.object({
  /** The raw name: a column, or "data.<field>" for form data. */
  field: z.string(),
  old: z.unknown(),
  new: z.unknown(),
  /** What the item is, in codes the web words (R-AUDIT-5). */
  item: auditItemSchema,
});

export const auditEntrySchema = z.object({
  id: z.int(),
  /** UTC, ISO 8601 to the microsecond, exactly as stored and hashed. */
  occurredAt: z.string(),
  actor: z.object({ id: z.string(), label: z.string().nullable(), role: z.string() }),
  siteCode: z.string().nullable(),
  action: z.string(),
  table: z.string(),
  recordId: z.string().nullable(),
  participantStudyId: z.string().nullable(),
  /** The kind of thing the row is about and what happened to it, as codes (R-AUDIT-5). */
  entity: auditEntitySchema,
  verb: auditVerbSchema,
  /** The form and visit of the form record the row is about (a record, its query, SDV or signature). */
  formCode: z.string().nullable(),
  visitCode: z.string().nullable(),
  changes: z.array(auditChangeSchema),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  /**
   * Security events (ACCESS_REFUSED) are coalesced per user, route and minute: how many refusals
   * the window counted and when the last one came (docs/security.md §4). Absent on other rows.
   */
  occurrences: z.object({ count: z.int(), lastAt: z.string() }).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  rowsChecked: z.int(),
  chains: z.int(),
  firstBreak: z
    .object({
      id: z.int(),
      chainKey: z.string(),
      chainSeq: z.int(),
      problem: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'head_mismatch']),
    })
    .nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

// ---------------------------------------------------------------------------------------------
// Data queries (design "Query": open → answered → closed, reopened)
// ---------------------------------------------------------------------------------------------

const message = z
  .string({ error: 'Write a message' })
  .trim()
  .min(1, 'Write a message')
  .max(2000, 'At most 2000 characters');

export const queryStatusSchema = z.enum(['open', 'answered', 'closed']);
export type QueryStatus = z.infer<typeof queryStatusSchema>;

export const createQueryRequestSchema = z.strictObject({
  recordId: z.uuid('Not a valid record id'),
  /** A field of the record's form (study definition), e.g. vas_mm. */
  field: z.string().regex(/^[a-z][A-Za-z0-9_]*$/, 'Not a field name'),
  message,
});
export type CreateQueryRequest = z.infer<typeof createQueryRequestSchema>;

export const queryMessageRequestSchema = z.strictObject({ message });
export type QueryMessageRequest = z.infer<typeof queryMessageRequestSchema>;

export const closeQueryRequestSchema = z.strictObject({ message: message.optional() });
export type CloseQueryRequest = z.infer<typeof closeQueryRequestSchema>;

export const queryParamsSchema = z.object({ id: z.uuid('Not a valid query id') });

export const queryListQuerySchema = z.object({
  status: queryStatusSchema.optional(),
  participantId: z.uuid('Not a valid participant id').optional(),
});

export const queryMessageSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['open', 'answer', 'close', 'reopen', 'comment']),
  message: z.string(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  authorRole: z.string(),
  createdAt: z.string(),
});

export const dataQuerySchema = z.object({
  id: z.uuid(),
  recordId: z.uuid(),
  participantId: z.uuid(),
  participantStudyId: z.string(),
  siteId: z.uuid(),
  siteCode: z.string(),
  visitCode: z.string(),
  formCode: z.string(),
  field: z.string(),
  status: queryStatusSchema,
  openedBy: z.object({ id: z.string(), name: z.string().nullable(), role: z.string().nullable() }),
  /** Opened by an investigator as a check of their own site's data, not by a monitor. */
  selfCheck: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.int(),
  messages: z.array(queryMessageSchema),
});
export type DataQuery = z.infer<typeof dataQuerySchema>;

const unresolvedCounts = { open: z.int(), answered: z.int() };
export const queryCountsSchema = z.object({
  /** Open + answered: both block signing until closed. */
  total: z.object(unresolvedCounts),
  byParticipant: z.array(z.object({ participantId: z.uuid(), studyId: z.string(), ...unresolvedCounts })),
  bySite: z.array(z.object({ siteId: z.uuid(), siteCode: z.string(), ...unresolvedCounts })),
});
export type QueryCounts = z.infer<typeof queryCountsSchema>;

// ---------------------------------------------------------------------------------------------
// Source data verification and the review state of a participant's records
// ---------------------------------------------------------------------------------------------

export const sdvRequestSchema = z.union([
  z.strictObject({ recordId: z.uuid('Not a valid record id') }),
  z.strictObject({
    participantId: z.uuid('Not a valid participant id'),
    visitCode: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'Not a visit code'),
  }),
]);
export type SdvRequest = z.infer<typeof sdvRequestSchema>;

/** Undoing a mark made in error (a wrong record, a source not actually seen): audited reason. */
export const sdvUndoRequestSchema = z.strictObject({
  recordId: z.uuid('Not a valid record id'),
  reason: z.string().trim().min(3, 'Give a reason (at least 3 characters)').max(1000),
});
export type SdvUndoRequest = z.infer<typeof sdvUndoRequestSchema>;

export const sdvMarkSchema = z.object({
  id: z.uuid(),
  recordId: z.uuid(),
  recordVersion: z.int(),
  verifiedBy: z.object({ id: z.string(), name: z.string().nullable() }),
  verifiedAt: z.string(),
  clearedAt: z.string().nullable(),
  clearedReason: z.string().nullable(),
});
export type SdvMark = z.infer<typeof sdvMarkSchema>;

export const sdvResponseSchema = z.object({
  /** The marks now in force on the addressed records. */
  marks: z.array(sdvMarkSchema),
  /** How many of them this call created (0: all were already verified at their version). */
  created: z.int(),
});
export type SdvResponse = z.infer<typeof sdvResponseSchema>;

export const signatureStateSchema = z.object({
  state: z.enum(['signed', 'voided', 'none']),
  signerName: z.string().nullable(),
  meaning: z.string().nullable(),
  recordVersion: z.int().nullable(),
  signedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});

export const recordReviewSchema = z.object({
  recordId: z.uuid(),
  visitCode: z.string(),
  formCode: z.string(),
  seq: z.int(),
  status: z.enum(['draft', 'complete', 'signed', 'locked']),
  version: z.int(),
  updatedAt: z.string(),
  /** verified: a mark is in force; cleared: the last mark was cleared (with its reason). */
  sdv: z.object({ state: z.enum(['verified', 'cleared', 'none']), mark: sdvMarkSchema.nullable() }),
  openQueries: z.int(),
  signature: signatureStateSchema,
});
export type RecordReview = z.infer<typeof recordReviewSchema>;

export const participantReviewSchema = z.object({
  participantId: z.uuid(),
  studyId: z.string(),
  siteCode: z.string(),
  records: z.array(recordReviewSchema),
});
export type ParticipantReview = z.infer<typeof participantReviewSchema>;

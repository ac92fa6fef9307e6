import { z } from 'zod';

/**
 * What one changed item of an audit row is, for the review screen (the API answer keeps the raw
 * name too): a field of the study definition's form ('field', code = the field's name, worded by
 * the web from the definition), a column the web has words for ('column'), or a technical key
 * (ids, hashes, versions, bookkeeping times) that a reader of the review does not need: it is in
 * the API answer and the CSV copy, and the screen says how many it leaves out.
 */
export const auditColumns = [
  'status',
  'visit_code',
  'form_code',
  'visit_date',
  'target_date',
  'window_start',
  'window_end',
  'out_of_window_reason',
  'missed_reason',
  'consent_date',
  'eligible',
  'failed_criteria',
  'screened_at',
  'randomized_at',
  'screening_closed_at',
  'screening_closed_reason',
  'birth_year',
  'sex',
  'study_id',
  'arm',
  'assigned_at',
  'signed_at',
  'signer_name',
  'meaning',
  'voided_at',
  'void_reason',
  'verified_at',
  'cleared_at',
  'cleared_reason',
  'field',
  'opened_at',
  'closed_at',
  'kind',
  'message',
  'author_role',
  'format',
  'filters',
  'row_count',
  'name',
  'method',
  'active',
  'code',
  'email',
  'display_name',
  'role',
  'locale',
  'must_change_password',
  'failed_logins',
  'locked_until',
  'state',
  'reason',
  'language',
  'instrument',
  'expires_at',
  'ended_at',
  'route',
  'count',
  'published_version',
] as const;
export type AuditColumn = (typeof auditColumns)[number];

export const auditItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), code: z.string() }),
  z.object({ kind: z.literal('column'), code: z.enum(auditColumns) }),
  z.object({ kind: z.literal('key') }),
]);
export type AuditItem = z.infer<typeof auditItemSchema>;

const isColumn = (name: string): name is AuditColumn => (auditColumns as readonly string[]).includes(name);

/** Form data is audited per field as "data.<field>" (migrations/0003_clinical_guards.sql). */
export function auditItemOf(name: string): AuditItem {
  if (name.startsWith('data.') && name.length > 5) return { kind: 'field', code: name.slice(5) };
  return isColumn(name) ? { kind: 'column', code: name } : { kind: 'key' };
}

import { z } from 'zod';

/**
 * The words of the audit review as codes (docs/requirements.md R-AUDIT-5; design: the server speaks
 * in codes, the web words them in English and Turkish): what kind of thing an audit row is about,
 * what happened to it, and what each changed item is. The raw table, action and column names stay
 * in the API answer and the CSV copy for auditors; the review screen shows these.
 */

/** The audited tables (migrations' *_audit triggers and event rows) as kinds of thing. */
const entityByTable = {
  participants: 'participant',
  form_records: 'form_record',
  visits: 'visit',
  randomization_slots: 'randomization',
  randomization_lists: 'randomization_list',
  signatures: 'signature',
  data_queries: 'query',
  query_messages: 'query_message',
  sdv_marks: 'sdv',
  exports: 'export',
  sites: 'site',
  users: 'user',
  user_sites: 'user_site',
  sessions: 'session',
  emergency_unblindings: 'unblinding',
  study_status: 'study_state',
  security_events: 'security_event',
  study_definitions: 'study_definition',
  study_definition_drafts: 'study_definition_draft',
  instrument_texts: 'instrument_texts',
  allocation_verifications: 'allocation_verification',
  closeout_files: 'closeout_file',
} as const;

export const auditEntities = [...new Set(Object.values(entityByTable)), 'other'] as const;
export const auditEntitySchema = z.enum(auditEntities);
export type AuditEntity = z.infer<typeof auditEntitySchema>;

export function auditEntityOf(table: string): AuditEntity {
  return Object.hasOwn(entityByTable, table) ? entityByTable[table as keyof typeof entityByTable] : 'other';
}

/**
 * What happened, read from the row: a write of a row (created, changed, deleted) is named by the
 * step it took where the row's status says so (a form completed, a query answered, an SDV mark
 * undone); an event row (sign-in, export, randomization…) is 'event' and is named by its action.
 */
export const auditVerbs = [
  'created',
  'changed',
  'deleted',
  'completed',
  'signed',
  'locked',
  'reopened',
  'withdrawn',
  'verified',
  'verification_undone',
  'voided',
  'opened',
  'answered',
  'closed',
  'event',
] as const;
export const auditVerbSchema = z.enum(auditVerbs);
export type AuditVerb = z.infer<typeof auditVerbSchema>;

type Changes = Readonly<Record<string, unknown>>;

/** The new value of a column a row change set (undefined when the column did not change). */
function newValue(changes: Changes, key: string): unknown {
  const value = changes[key];
  return Array.isArray(value) && value.length === 2 ? value[1] : undefined;
}

const statusVerb: Partial<Record<AuditEntity, Readonly<Record<string, AuditVerb>>>> = {
  form_record: { complete: 'completed', signed: 'signed', locked: 'locked', draft: 'reopened' },
  participant: { withdrawn: 'withdrawn' },
  query: { answered: 'answered', closed: 'closed', open: 'reopened' },
};

export function auditVerbOf(action: string, table: string, changes: Changes): AuditVerb {
  const entity = auditEntityOf(table);
  if (action === 'DELETE') return 'deleted';
  if (action === 'INSERT') {
    if (entity === 'sdv') return 'verified';
    if (entity === 'signature') return 'signed';
    if (entity === 'query') return 'opened';
    return 'created';
  }
  if (action !== 'UPDATE') return 'event';
  if (entity === 'sdv' && newValue(changes, 'cleared_at')) return 'verification_undone';
  if (entity === 'signature' && newValue(changes, 'voided_at')) return 'voided';
  const status = newValue(changes, 'status');
  const verb = typeof status === 'string' ? statusVerb[entity]?.[status] : undefined;
  return verb ?? 'changed';
}

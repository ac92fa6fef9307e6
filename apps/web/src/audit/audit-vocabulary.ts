import { type Role, roles } from '@mini-edc/domain';
/**
 * What the audit trail can name: the audited tables (migrations' *_audit triggers) and the
 * actions written by the triggers and by the API's event rows. Unknown values still display raw.
 */
export const auditTables = [
  'participants',
  'form_records',
  'visits',
  'randomization_slots',
  'randomization_lists',
  'signatures',
  'data_queries',
  'query_messages',
  'sdv_marks',
  'exports',
  'sites',
  'users',
  'user_sites',
  'sessions',
  'emergency_unblindings',
  'study_status',
  'security_events',
  'study_definitions',
  'study_definition_drafts',
  'instrument_texts',
] as const;

export const auditActions = [
  'INSERT',
  'UPDATE',
  'DELETE',
  'RANDOMIZED',
  'SIGN',
  'EXPORT',
  'LOGIN',
  'LOGIN_FAILED',
  'LOGOUT',
  'REAUTHENTICATED',
  'REAUTHENTICATION_FAILED',
  'EMERGENCY_UNBLINDED',
  'ALLOCATION_RELEASED',
  // Refused requests, coalesced per user, route and minute (docs/security.md §4).
  'ACCESS_REFUSED',
  // A study definition version published (version 1 is the seed; later ones are amendments).
  'DEFINITION_PUBLISHED',
  // A draft amendment stored for review (R-DEF-5).
  'DEFINITION_DRAFTED',
  // The study's licensed ODI statements loaded (protocol §3.4); the event names languages, not text.
  'INSTRUMENT_TEXTS_LOADED',
] as const;

export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(name: string): name is AuditAction {
  return (auditActions as readonly string[]).includes(name);
}

export type KnownRole = Role;

/** A role the catalogue has a name for (audit rows keep whatever role the actor had then). */
export function isKnownRole(name: string): name is KnownRole {
  return (roles as readonly string[]).includes(name);
}

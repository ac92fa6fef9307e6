/**
 * Every access question the product asks, by name (docs/capabilities.md lists which roles hold
 * each, with ./capability-descriptions.ts; docs/architecture.md "Access and blinding"). Routes
 * declare one; services, SQL scoping and the web ask `can(subject, capability)`. A capability not
 * in this list cannot be asked.
 */
export const capabilities = [
  'use_account',
  'read_participants',
  'use_record_grid',
  'see_allocation',
  'see_arm_revealing_data',
  'see_outcome_comparison',
  'register_participants',
  'randomize',
  'record_visits',
  'enter_forms',
  'enter_all_forms',
  'enter_outcome_forms',
  'sign_records',
  'emergency_unblind',
  'lock_records',
  'read_queries',
  'raise_query',
  'raise_self_check',
  'answer_query',
  'close_query',
  'close_own_self_check',
  'reopen_query',
  'verify_source',
  'undo_source_verification',
  'read_review_state',
  'review_audit',
  'review_study_audit',
  'verify_audit_chain',
  'export_audit',
  'view_dashboard',
  'export_data',
  'read_others_exports',
  'read_casebooks',
  'manage_users',
  'manage_sites',
  'manage_randomization_lists',
  'manage_study',
  'publish_amendments',
  'load_instrument_texts',
  'verify_allocation',
  'review_backups',
] as const;

export type Capability = (typeof capabilities)[number];

const known: ReadonlySet<string> = new Set(capabilities);

export function isCapability(name: string): name is Capability {
  return known.has(name);
}

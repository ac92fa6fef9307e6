import { type Role, roles } from '../contracts/auth';
import type { Capability } from './capabilities';

/**
 * Who holds which capability (docs/capabilities.md is generated from this table). Denied by
 * default: a role not in the table, or a capability not in a role's list, answers no.
 *
 * `blinded` lists what a role is blind to while the allocation is concealed; once the study state
 * says the allocation was released to blinded roles (after lock, docs/closeout.md), those
 * capabilities are granted too. A role that is blind to nothing has an empty list.
 */
interface RoleGrant {
  holds: readonly Capability[];
  blinded: readonly Capability[];
}

const blindingCapabilities = ['see_allocation', 'see_arm_revealing_data', 'see_outcome_comparison'] as const;
const reading = [
  'use_account',
  'read_participants',
  'read_queries',
  'view_dashboard',
  'export_data',
] as const;
const siteStaff = [
  ...reading,
  ...blindingCapabilities,
  'register_participants',
  'randomize',
  'record_visits',
  'use_record_grid',
  'enter_forms',
  'enter_all_forms',
  'answer_query',
  'read_review_state',
  'review_audit',
  'read_casebooks',
] as const;

const roleGrants: Readonly<Record<Role, RoleGrant>> = {
  admin: {
    holds: [
      ...reading,
      ...blindingCapabilities,
      'lock_records',
      'read_review_state',
      'review_audit',
      'review_study_audit',
      'verify_audit_chain',
      'export_audit',
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
    ],
    blinded: [],
  },
  coordinator: { holds: siteStaff, blinded: [] },
  investigator: {
    holds: [...siteStaff, 'sign_records', 'emergency_unblind', 'raise_self_check', 'close_own_self_check'],
    blinded: [],
  },
  // The outcome assessor scores VAS and ODI without knowing the arm (protocol §4.3).
  assessor: {
    holds: [...reading, 'enter_forms', 'enter_outcome_forms'],
    blinded: blindingCapabilities,
  },
  monitor: {
    holds: [
      ...reading,
      ...blindingCapabilities,
      'use_record_grid',
      'raise_query',
      'close_query',
      'reopen_query',
      'verify_source',
      'undo_source_verification',
      'read_review_state',
      'review_audit',
      'verify_audit_chain',
      'export_audit',
      'read_others_exports',
    ],
    blinded: [],
  },
};

/**
 * Who asks: a role (any string: unknown ones hold nothing) and, where known, whether the study
 * released the allocation to blinded roles. Without that input the allocation stays concealed.
 */
export interface AccessSubject {
  role: string;
  allocationReleased?: boolean | undefined;
}

const grantsByRole: ReadonlyMap<string, RoleGrant> = new Map(Object.entries(roleGrants));

function grantOf(role: string): RoleGrant | undefined {
  return grantsByRole.get(role);
}

/** The one access question: does this subject hold this capability? */
export function can(subject: AccessSubject | null | undefined, capability: Capability): boolean {
  // An unknown capability is in no grant, so it is denied like any capability not granted.
  if (!subject) return false;
  const grant = grantOf(subject.role);
  if (!grant) return false;
  if (grant.holds.includes(capability)) return true;
  return subject.allocationReleased === true && grant.blinded.includes(capability);
}

/** Any of the capabilities (a route that several kinds of user reach for different reasons). */
export function canAny(subject: AccessSubject | null | undefined, wanted: readonly Capability[]): boolean {
  return wanted.some((c) => can(subject, c));
}

/** Blind to the arm: may not see arm-revealing data (what that covers: ./blinding.ts). */
export function isBlinded(subject: AccessSubject | null | undefined): boolean {
  return !can(subject, 'see_arm_revealing_data');
}

/** The table as data, for docs/capabilities.md and tests. */
export function capabilityGrants(): {
  role: Role;
  holds: readonly Capability[];
  blinded: readonly Capability[];
}[] {
  return roles.map((role) => ({ role, ...roleGrants[role] }));
}

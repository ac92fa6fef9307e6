import type { Capability } from './capabilities';

/** What each capability allows, for docs/capabilities.md (kept out of the web app's entry). */
export const capabilityDescriptions: Readonly<Record<Capability, string>> = {
  use_account: 'Sign out, read and change the own account, its password and language; re-authenticate',
  read_participants:
    'Read the participants of the own sites: list, detail, visits, worklist, scores, records, study state',
  use_record_grid:
    'Work from the record status grid of the own sites (participants × visits × forms); sign-in lands on it',
  see_allocation: 'See the arm of a participant, per-arm counts and the CONSORT arms',
  see_arm_revealing_data:
    'See records, fields and choice values the study definition marks as revealing the arm (intervention, safety, deviations, end of study)',
  see_outcome_comparison: 'See baseline values, change from baseline and MCID flags of the outcome scores',
  register_participants: 'Register a patient for screening and answer the eligibility criteria',
  randomize: 'Randomize an eligible, consented participant',
  record_visits: 'Mark a visit done or missed',
  enter_forms: 'Save eCRF records (which forms: enter_all_forms or enter_outcome_forms)',
  enter_all_forms: 'Enter every form of the study definition',
  enter_outcome_forms: 'Enter the outcome assessment forms the study definition names (VAS, ODI)',
  emergency_unblind:
    "Reveal one own-site participant's arm in an emergency before lock, with a reason and the password",
  sign_records: 'Sign the completed records of a visit (21 CFR 11)',
  lock_records: 'Lock a single record for good',
  read_queries: 'Read the data queries on records the reader may see',
  raise_query: 'Open a data query on any visible record',
  raise_self_check: 'Open a data query as a self-check on an own-site record',
  answer_query: 'Answer a data query',
  close_query: 'Close any data query',
  close_own_self_check: 'Close a self-check query one opened oneself',
  reopen_query: 'Reopen a closed data query',
  verify_source: 'Mark records as source-data verified',
  undo_source_verification: 'Undo a source-data verification mark, with a reason',
  read_review_state: 'Read the per-record review state (SDV marks, queries, signatures)',
  review_audit: 'Read the audit trail of the own sites',
  review_study_audit:
    "Read the whole audit trail: every site's rows and the rows of no site (logins, accounts, sites, lists, study state)",
  verify_audit_chain: 'Recompute the hash chain of the audit trail',
  export_audit: 'Download the audit trail as CSV',
  view_dashboard: 'Read the study dashboard and the CONSORT diagram',
  export_data: 'Export the data of the own sites (wide, long, dictionary, ODM) and read the export log',
  read_others_exports:
    "Read the manifest of someone else's export that covers only own sites (sponsor check)",
  read_casebooks: "Download participants' casebooks (PDF) and read close-out files",
  manage_users: 'Create and change user accounts, roles and site assignments',
  manage_sites: 'Create and change sites',
  manage_randomization_lists: 'Generate or import randomization lists',
  manage_study: 'Close data entry, lock the study, release the allocation, build the final bundle',
  publish_amendments:
    'Draft a protocol amendment, see its difference and publish it as a new definition version',
  load_instrument_texts:
    "Load the study's licensed ODI statement texts (English, Turkish) shown on the ODI form",
  review_backups: 'See the newest backup, its verification and whether one is overdue',
  verify_allocation: 'Verify the randomization list after lock',
};

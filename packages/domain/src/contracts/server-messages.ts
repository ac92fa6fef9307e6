/**
 * The sentences the API words a refusal with, each under a code with named parameters
 * (docs/errors.md, "Message codes"). Every refusal carries one: `DomainError` takes a code from
 * this table, never a sentence. The API sends the code and parameters next to the English
 * sentence rendered from this table; the web words each code itself in the interface language
 * (apps/web/src/i18n/server-messages.*.ts, a test checks both languages have every code), so no
 * English sentence reaches a Turkish screen. Parameters are ids, numbers and dates, never prose,
 * field codes or status codes.
 */
export const serverMessages = {
  // Participants, screening and eligibility
  SCREENING_CLOSED: 'This screening was closed as abandoned; nothing more is recorded for it.',
  SCREENING_NOT_OPEN: 'Only a screening that has not reached a decision can be closed.',
  PARTICIPANT_NOT_FOUND: 'No such participant at your sites.',
  SCREENING_DATE_FUTURE: 'The screening date cannot be in the future.',
  ELIGIBILITY_AFTER_RANDOMIZATION: 'Eligibility cannot change after randomization.',
  ELIGIBILITY_ANSWERS_INVALID: 'Answer every criterion consistently.',
  STATUS_CHANGE_INVALID: 'That status change is not part of the participant lifecycle.',
  STATUS_CONTRADICTS_RECORDS: "That status contradicts the participant's records.",
  RANDOMIZED_KEEPS_ALLOCATION: 'A randomized participant keeps its allocation and eligibility.',
  ONLY_RANDOMIZED_COMPLETE: 'Only a randomized participant completes the study.',
  // Study forms and records
  RECORD_NOT_FOUND: 'No such record at your sites.',
  REASON_REQUIRED_FOR_CHANGE: 'Give a reason for this change.',
  RECORD_LOCKED: 'This record is locked and cannot change.',
  RECORD_VERSION_CONFLICT:
    'Someone saved a newer version ({{current}}) while you were editing version {{expected}}. Nothing was overwritten.',
  VISIT_NOT_IN_STUDY: 'The study has no visit {{visit}}.',
  FORM_NOT_IN_VISIT: 'This form is not part of visit {{visit}}.',
  ELIGIBILITY_THROUGH_STEP: 'Eligibility is recorded through the eligibility step.',
  ROLE_DOES_NOT_ENTER_FORM: 'Your role does not enter this form.',
  FORM_ONCE_PER_VISIT: 'This form is entered once per visit.',
  FIELDS_INVALID: 'Some entries are not valid; see the marked fields.',
  WRONG_ARM_FORM: "This form belongs to the other arm than {{studyId}}'s.",
  SCREEN_FAILED_NO_DATA: '{{studyId}} failed screening; no further data is collected.',
  CONSENT_BEFORE_BASELINE: 'Record informed consent before any baseline data.',
  RANDOMIZATION_BEFORE_FOLLOW_UP: 'Follow-up and treatment data come after randomization.',
  FORM_OUT_OF_WINDOW:
    "This visit's window is {{windowStart}} to {{windowEnd}}; entering its forms on {{date}} needs a reason.",
  // Visits and signatures
  VISIT_NOT_SCHEDULED: 'No scheduled visit {{visit}} for this participant.',
  VISIT_CHANGED: 'Someone updated this visit meanwhile; reload it.',
  VISIT_DATE_FUTURE: 'A visit date cannot be in the future.',
  VISIT_BEFORE_CONSENT: 'A visit cannot predate consent.',
  VISIT_OUT_OF_WINDOW:
    'The visit date is outside its window ({{windowStart}} to {{windowEnd}}); give a reason.',
  SIGN_NOTHING_AT_VISIT: 'No records at visit {{visit}} to sign.',
  SIGN_FORMS_NOT_COMPLETE: 'Complete every required form of the visit before signing.',
  SIGN_OPEN_QUERY: 'A record of this visit has an unresolved data query; resolve it before signing.',
  LOCK_DRAFT: 'A draft cannot be locked; complete it first.',
  // Queries and source data verification
  QUERY_NOT_FOUND: 'No such query at your sites.',
  QUERY_FIELD_UNKNOWN: 'The form has no such field.',
  QUERY_RECORD_LOCKED: 'This record is locked; its data can no longer be queried.',
  QUERY_CLOSE_OWN_ONLY: 'Investigators close only the self-check queries they opened.',
  QUERY_CLOSED: 'This query is closed; it must be reopened first.',
  QUERY_ALREADY_CLOSED: 'This query is already closed.',
  QUERY_REOPEN_ONLY_CLOSED: 'Only a closed query can be reopened.',
  SDV_NOT_VERIFIED: 'This record is not marked as source-verified.',
  SDV_DRAFT: 'A draft cannot be verified; the site must complete it first.',
  SDV_NOTHING_AT_VISIT: 'No completed records at visit {{visit}} to verify.',
  // Randomization and unblinding
  READY_NOT_ELIGIBLE: '{{studyId}} is not confirmed eligible.',
  READY_CONSENT_REQUIRED: 'Record informed consent first.',
  READY_NOT_ENROLLED: '{{studyId}} is not enrolled (screening not finished, or withdrawn).',
  READY_BASELINE_INCOMPLETE: 'Complete the baseline VAS and ODI (each with a score) first.',
  READY_BASELINE_OUT_OF_WINDOW: 'The baseline VAS and ODI must be assessed between {{from}} and {{to}}.',
  ENROLLMENT_CAP_REACHED: 'The trial has randomized its {{cap}} participants.',
  NO_ACTIVE_LIST: 'No randomization list is active; ask an admin.',
  LIST_EXHAUSTED: 'The list has no free slot for stratum {{stratum}}.',
  LIST_PROBLEMS: 'The list has {{count}} problem(s); nothing was imported.',
  LIST_CSV_INVALID: 'The file is not valid CSV.',
  LIST_NOT_FOUND: 'No such randomization list.',
  STRATUM_NOT_IN_LIST:
    'The randomization list has no stratum for site {{stratum}} yet; ask an administrator to extend the list for the site.',
  LIST_CHANGED_MEANWHILE: 'The list in use changed meanwhile; look at the preview again.',
  LIST_CORRECTION_REASON: 'A list in use is changed only with a reason.',
  LIST_CORRECTION_PASSWORD: 'Enter your password again to change the list in use.',
  LIST_STRATA_UNKNOWN: 'No site has the code {{strata}}.',
  LIST_FIRST_ALL_STRATA: 'The first list covers every site.',
  LIST_CSV_REQUIRED: 'Paste or upload the CSV.',
  NOT_RANDOMIZED: 'This participant has not been randomized.',
  // Sign-in, sessions and passwords
  SIGN_IN_FAILED: 'Sign-in failed: the email or password is wrong, or the account is temporarily locked.',
  SIGN_IN_FIRST: 'Sign in first.',
  SESSION_ENDED: 'Your session has ended. Sign in again to continue.',
  CSRF_FAILED: 'The request lacks a valid security token; reload the page.',
  CHANGE_TEMPORARY_PASSWORD: 'Change your temporary password first.',
  ROLE_NOT_ALLOWED: 'Your role does not allow this.',
  CURRENT_PASSWORD_WRONG: 'The current password is wrong.',
  PASSWORD_WRONG: 'The password is wrong.',
  PASSWORD_NOT_ACCEPTED: 'The new password is not accepted; see the password field.',
  PASSWORD_TO_CONFIRM: 'Enter your password to confirm.',
  // Administration
  SITE_NOT_FOUND: 'No such site among yours.',
  SITE_CODE_TAKEN: 'Site code {{code}} is already taken.',
  USER_NOT_FOUND: 'No such user.',
  SITES_UNKNOWN: 'Some of the chosen sites do not exist.',
  EMAIL_TAKEN: 'A user with this email already exists.',
  OWN_ACCOUNT: 'You cannot deactivate yourself or remove your own admin role.',
  OWN_SITES: 'Another admin must change your sites.',
  AMENDMENT_DRAFT_NOT_FOUND: 'No such draft of the study definition.',
  AMENDMENT_CONFLICTS:
    'The amendment would invalidate or orphan {{count}} entry(ies) already made (the first 50 are listed); nothing was published.',
  AMENDMENT_ALREADY_PUBLISHED: 'This draft was already published as version {{version}}.',
  AMENDMENT_UNCHANGED: 'The draft is the same as the current version {{version}}.',
  // Study lifecycle, close-out and files
  STUDY_LOCKED: 'The study database is locked; nothing can change until an admin unlocks it.',
  DATA_ENTRY_CLOSED: 'Data entry is closed: no new participants or allocations.',
  STUDY_STEP_NOT_NOW: 'This step is not possible in the study’s current state.',
  ALLOCATION_ALREADY_RELEASED: 'The allocation was already released.',
  STUDY_STATE_CHANGED: 'Someone changed the study state meanwhile; reload the page.',
  STEP_NEEDS_REASON: 'This step needs a reason.',
  LOCK_OVERRIDE_REASON: '{{count}} pre-lock item(s) are still open; locking anyway needs an override reason.',
  AFTER_DATABASE_LOCK: 'This step comes after the database is locked.',
  BUNDLE_NEEDS_VERIFICATION: 'Verify the allocation first: the bundle carries the verification report.',
  VERIFICATION_INPUT_WRONG: 'This list cannot be verified with what was given.',
  VERIFICATION_NOT_FOUND: 'No such verification report.',
  EXPORT_NOT_FOUND: 'No such export that you may see.',
  FILE_NOT_FOUND: 'No such file that you may see.',
  AS_OF_FUTURE: 'The as-of time cannot be in the future.',
  CURSOR_INVALID: 'The cursor is not one this API gave out.',
  // Transport
  PATH_NOT_FOUND: 'No such path.',
  BODY_TOO_LARGE: 'The request body is too large.',
  BODY_NOT_JSON: 'The request body is not valid JSON.',
  BODY_UNSUPPORTED: 'The request body has an unsupported content type.',
  TOO_MANY_REQUESTS: 'Too many requests; try again later.',
  TEXT_NUL: 'Text may not contain the NUL character.',
  DATABASE_UNAVAILABLE:
    'The database cannot be reached right now. Nothing was saved; please try again in a moment.',
  INTERNAL: 'Something went wrong on our side (request {{requestId}}).',
  ODI_STATEMENTS_NOT_LOADED: 'The ODI statements were not loaded: see what is wrong with the file.',
} as const satisfies Record<string, string>;

export type ServerMessageCode = keyof typeof serverMessages;
export type MessageParams = Record<string, string | number>;

export function isServerMessageCode(value: unknown): value is ServerMessageCode {
  return typeof value === 'string' && Object.hasOwn(serverMessages, value);
}

/** The English sentence of a code, its {{placeholders}} filled from the parameters. */
export function serverMessageText(code: ServerMessageCode, params: MessageParams = {}): string {
  return serverMessages[code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

import { definitionProblemMessages } from '../study/definition-problems';
import type { FieldError } from './errors';
import type { FieldCode } from './field-codes';
import type { MessageParams } from './server-messages';

/**
 * The English sentence of each field code, for API clients other than the web app; the web's
 * English catalogue is this table (apps/web/src/i18n/field-messages.en.ts), so it is written once.
 * Worded for the person beside the field: no field names, codes or formulas.
 */
export const fieldMessages: Record<FieldCode, string> = {
  FIELD_REQUIRED: 'Fill in this field.',
  FIELD_REQUIRED_WHEN: 'Fill in this field: another answer of the form asks for it.',
  FIELD_TYPE: 'This value is not of the kind this field holds.',
  FIELD_MIN: 'Enter {{min}} or more.',
  FIELD_MAX: 'Enter {{max}} or less.',
  FIELD_TOO_LONG: 'Use at most {{max}} characters.',
  FIELD_NOT_ALLOWED: 'This value is not one the field allows.',
  FIELD_UNKNOWN: 'This field is not accepted here.',
  TEXT_INVALID_CHARACTERS: 'Contains characters that are not text (NUL or a broken UTF-16 symbol).',
  DATE_TOO_EARLY: 'Cannot be before {{date}}.',
  DATE_TOO_LATE: 'Cannot be after {{date}}.',
  FIELD_INVALID: 'This value is not valid.',
  TOO_SHORT: 'Use at least {{minimum}} characters.',
  TOO_LONG: 'Use at most {{maximum}} characters.',
  TOO_SMALL: 'Enter {{minimum}} or more.',
  TOO_BIG: 'Enter {{maximum}} or less.',
  NOT_ABOVE: 'Enter more than {{minimum}}.',
  NOT_BELOW: 'Enter less than {{maximum}}.',
  TOO_FEW: 'Choose at least {{minimum}}.',
  TOO_MANY: 'Choose at most {{maximum}}.',
  NOT_A_NUMBER: 'Enter a number.',
  NOT_A_WHOLE_NUMBER: 'Enter a whole number.',
  NOT_MULTIPLE_OF: 'Enter a multiple of {{divisor}}.',
  NOT_TEXT: 'Enter text.',
  NOT_YES_NO: 'Choose yes or no.',
  NOT_A_LIST: 'Choose from the list.',
  WRONG_TYPE: 'This value is not of the expected kind.',
  INVALID_FORMAT: 'This value is not in the expected form.',
  INVALID_CHOICE: 'Choose one of the offered values.',
  DATE_OUT_OF_RANGE: 'Use a date between {{earliest}} and {{latest}}.',
  PASSWORD_TOO_SHORT: 'Use at least {{min}} characters.',
  PASSWORD_TOO_LONG: 'Use at most {{max}} characters.',
  PASSWORD_TOO_GUESSABLE: 'This password is too easy to guess.',
  PASSWORD_UNCHANGED: 'The new password must differ from the current one.',
  PASSWORD_WRONG: 'The password is wrong; {{attemptsLeft}} attempts left before the account locks.',
  CURRENT_PASSWORD_WRONG: 'The current password is wrong.',
  NOTHING_TO_CHANGE: 'Nothing to change.',
  SEED_OR_LIST_FILE: 'Give either the seed (generated list) or the list file (imported list).',
  SEED_FORMAT: 'The seed is 64 hexadecimal digits.',
  SITE_CODE_FORMAT: 'Use a capital letter and two digits, e.g. S03.',
  LIST_NEEDS_FILE: 'An imported list is verified with its file.',
  LIST_NEEDS_SEED: 'A generated list is verified with its seed.',
  NOT_YOUR_SITE: 'Not one of your sites.',
  SITE_UNKNOWN: 'Some of the chosen sites do not exist.',
  SITE_CODE_TAKEN: 'This code is already taken.',
  EMAIL_TAKEN: 'A user with this email already exists.',
  OWN_SITES: 'You cannot change your own sites; another admin can.',
  DATE_IN_FUTURE: 'Cannot be in the future.',
  CURSOR_INVALID: 'Not a cursor from this API.',
  REASON_REQUIRED: 'Give a reason.',
  FORM_NOT_REPEATING: 'This form is entered once per visit.',
  VISIT_WINDOW_NOT_OPEN: 'The visit window opens on {{windowStart}}; give a reason for entering on {{date}}.',
  VISIT_WINDOW_CLOSED: 'The visit window closed on {{windowEnd}}; give a reason for entering on {{date}}.',
  FORMS_NOT_COMPLETE: 'Complete every required form of the visit first.',
  NOT_ELIGIBLE: 'Eligibility is not confirmed.',
  CONSENT_REQUIRED: 'Informed consent is not recorded.',
  NOT_ENROLLED: 'The participant is not enrolled.',
  BASELINE_INCOMPLETE: 'The baseline {{form}} is not complete with a score.',
  BASELINE_OUT_OF_WINDOW: 'The baseline {{form}} was assessed outside {{from}} to {{to}}.',
  COMPLETED_BEFORE_RANDOMIZATION: 'Only a randomized participant completes the study.',
  CRITERION_UNKNOWN: 'Not a criterion of this study.',
  ANSWER_YES_OR_NO: 'Answer yes or no.',
  CRITERION_NOT_FOR_MALE: 'Cannot be answered yes for a male participant.',
  CORRECTION_REASON_REQUIRED: 'Give the reason for correcting the list in use.',
  CORRECTION_PASSWORD_REQUIRED: 'Enter your password again to change the list in use.',
  FIRST_LIST_ALL_STRATA: 'The first list covers every site.',
  CSV_REQUIRED: 'Paste or upload the CSV.',
  CSV_INVALID: 'Not a valid CSV file (line {{line}}).',
  STRATUM_UNKNOWN: 'No site has these codes: {{strata}}.',
  STRATUM_NOT_IN_LIST: 'The list has no stratum for site {{stratum}} yet; an admin extends it.',
  LIST_NO_ROWS: 'The file has no data rows.',
  LIST_BLOCKS_REQUIRED: 'Give block_no (and block_size) for every row.',
  ROW_VALUE_REQUIRED: 'Row {{row}}: {{column}} is empty.',
  ROW_NOT_POSITIVE_INTEGER: 'Row {{row}}: {{column}} must be a positive whole number.',
  ROW_STRATUM_UNKNOWN: 'Row {{row}}: no site has the stratum {{stratum}}.',
  ROW_ARM_UNKNOWN: 'Row {{row}}: {{arm}} is not an arm of the study.',
  LIST_STRATUM_EMPTY: 'The file has no rows for the stratum {{stratum}}.',
  ROW_SEQ_DUPLICATE: 'Row {{row}}: number {{seq}} of stratum {{stratum}} is also on row {{other}}.',
  ROW_SEQ_GAP: 'Row {{row}}: stratum {{stratum}} skips number {{missing}}.',
  ROW_BLOCK_NOT_CONTIGUOUS: 'Row {{row}}: block {{block}} of stratum {{stratum}} is split.',
  ROW_BLOCK_SIZES_DIFFER: 'Row {{row}}: block {{block}} of stratum {{stratum}} has more than one size.',
  ROW_BLOCK_SIZE_WRONG:
    'Row {{row}}: block {{block}} of stratum {{stratum}} declares {{declared}} rows but has {{count}}.',
  ROW_BLOCK_UNBALANCED:
    'Row {{row}}: block {{block}} of stratum {{stratum}} does not hold the arms in ratio.',
  ODI_STATEMENTS_INCOMPLETE:
    '{{language}}: {{missing}} statements missing; the first is section {{section}}, statement {{index}}.',
  ODI_STATEMENT_TWICE: '{{language}}: section {{section}}, statement {{index}} is given twice.',
  ODI_STATEMENT_LINE_INVALID:
    'Line {{line}}: the {{column}} column is not valid (section 1–10, statement 0–5, language en or tr, a text).',
  ODI_STATEMENTS_NONE: 'The file holds no statements.',
  ODI_STATEMENTS_ONE_FORMAT: 'Send either JSON rows or a CSV file, not both.',
  record_orphaned: '{{studyId}}, {{visit}}: the {{form}} record would no longer belong to the study',
  scheduled_visit_removed: '{{studyId}}: visit {{visit}} is on the schedule',
  field_removed_with_data: '{{studyId}}, {{visit}}, {{form}}: {{field}} holds {{value}}',
  field_type_changed_with_data: '{{studyId}}, {{visit}}, {{form}}: {{field}} holds {{value}} of the old type',
  value_out_of_range: '{{studyId}}, {{visit}}, {{form}}: {{field}} = {{value}} is outside the new range',
  choice_removed_in_use: '{{studyId}}, {{visit}}, {{form}}: {{field}} uses the removed choice {{value}}',
  required_value_missing:
    '{{studyId}}, {{visit}}, {{form}}: the completed record leaves {{field}} empty, now required',
  date_out_of_limits:
    '{{studyId}}, {{visit}}, {{form}}: {{field}} = {{value}} is outside the new date limits',
  ...definitionProblemMessages,
};

/** The English sentence of a field code, its {{placeholders}} filled from the parameters. */
export function fieldMessageText(code: FieldCode, params: MessageParams = {}): string {
  return fieldMessages[code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** A refused input at `path` (e.g. "body.siteIds"), with its code, parameters and English sentence. */
export function fieldError(path: string, code: FieldCode, params: MessageParams = {}): FieldError {
  return { path, code, params, message: fieldMessageText(code, params) };
}

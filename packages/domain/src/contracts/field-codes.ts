import { formIssueCodes } from '../forms/form-issues';
import { amendmentConflictKinds } from '../study/amendment-conflicts';
import { definitionProblemCodes } from '../study/definition-problems';

/**
 * Why the server refused one input, as a code with named parameters (docs/errors.md, "Field
 * codes"). Every field error the API sends carries one of these: the contracts' zod rules are
 * mapped to the generic codes by the API's error handler, a contract refinement and a service name
 * their own. The web words each code in English and Turkish (apps/web/src/i18n/field-messages.*.ts;
 * a test walks this list in both languages), so no server sentence reaches the screen.
 * Parameters are numbers, dates, row numbers and codes the person typed, never prose.
 */
export const fieldCodes = [
  // Any request field: the contracts' rules, mapped from zod's issue codes.
  ...formIssueCodes,
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_SMALL',
  'TOO_BIG',
  'NOT_ABOVE',
  'NOT_BELOW',
  'TOO_FEW',
  'TOO_MANY',
  'NOT_A_NUMBER',
  'NOT_A_WHOLE_NUMBER',
  'NOT_MULTIPLE_OF',
  'NOT_TEXT',
  'NOT_YES_NO',
  'NOT_A_LIST',
  'WRONG_TYPE',
  'INVALID_FORMAT',
  'INVALID_CHOICE',
  'DATE_OUT_OF_RANGE',
  // Contract refinements and service refusals.
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_GUESSABLE',
  'PASSWORD_UNCHANGED',
  'PASSWORD_WRONG',
  'CURRENT_PASSWORD_WRONG',
  'NOTHING_TO_CHANGE',
  'SEED_OR_LIST_FILE',
  'SEED_FORMAT',
  'SITE_CODE_FORMAT',
  'LIST_NEEDS_FILE',
  'LIST_NEEDS_SEED',
  'NOT_YOUR_SITE',
  'SITE_UNKNOWN',
  'SITE_CODE_TAKEN',
  'EMAIL_TAKEN',
  'OWN_SITES',
  'DATE_IN_FUTURE',
  'CURSOR_INVALID',
  'REASON_REQUIRED',
  'FORM_NOT_REPEATING',
  'VISIT_WINDOW_NOT_OPEN',
  'VISIT_WINDOW_CLOSED',
  'FORMS_NOT_COMPLETE',
  // Randomization readiness (packages/domain/src/randomization/readiness.ts), one per unmet condition.
  'NOT_ELIGIBLE',
  'CONSENT_REQUIRED',
  'NOT_ENROLLED',
  'BASELINE_INCOMPLETE',
  'BASELINE_OUT_OF_WINDOW',
  'COMPLETED_BEFORE_RANDOMIZATION',
  'CRITERION_UNKNOWN',
  'ANSWER_YES_OR_NO',
  'CRITERION_NOT_FOR_MALE',
  // Randomization lists and their CSV import (`row` is the data row, 1-based; 0 the whole file).
  'CORRECTION_REASON_REQUIRED',
  'CORRECTION_PASSWORD_REQUIRED',
  'FIRST_LIST_ALL_STRATA',
  'CSV_REQUIRED',
  'CSV_INVALID',
  'STRATUM_UNKNOWN',
  'STRATUM_NOT_IN_LIST',
  'LIST_NO_ROWS',
  'LIST_BLOCKS_REQUIRED',
  'ROW_VALUE_REQUIRED',
  'ROW_NOT_POSITIVE_INTEGER',
  'ROW_STRATUM_UNKNOWN',
  'ROW_ARM_UNKNOWN',
  'LIST_STRATUM_EMPTY',
  'ROW_SEQ_DUPLICATE',
  'ROW_SEQ_GAP',
  'ROW_BLOCK_NOT_CONTIGUOUS',
  'ROW_BLOCK_SIZES_DIFFER',
  'ROW_BLOCK_SIZE_WRONG',
  'ROW_BLOCK_UNBALANCED',
  // Licensed ODI statement loads (docs/study-definition.md, "Instrument texts").
  'ODI_STATEMENTS_INCOMPLETE',
  'ODI_STATEMENT_TWICE',
  'ODI_STATEMENT_LINE_INVALID',
  'ODI_STATEMENTS_NONE',
  'ODI_STATEMENTS_ONE_FORMAT',
  // An amendment's conflicts with data entered (R-DEF-5).
  ...amendmentConflictKinds,
  // A draft definition's cross-checks (packages/domain/src/study/definition-problems.ts).
  ...definitionProblemCodes,
] as const;
export type FieldCode = (typeof fieldCodes)[number];

export function isFieldCode(value: unknown): value is FieldCode {
  return typeof value === 'string' && (fieldCodes as readonly string[]).includes(value);
}

/**
 * The cross-checks of a study definition (definition-checks.ts and the checks it calls) as codes
 * with parameters (docs/errors.md, "Field codes"): an amendment refused by them reaches the admin
 * as field errors the web words in English and Turkish (apps/web/src/admin/definition-problem-text.ts),
 * naming forms, fields and visits by their labels in the draft, never by a path. Parameters are
 * the codes, names and numbers the definition holds.
 */
export const definitionProblemCodes = [
  'DEF_DUPLICATE_ARM',
  'DEF_DUPLICATE_STRATUM',
  'DEF_DUPLICATE_CRITERION',
  'DEF_DUPLICATE_VISIT',
  'DEF_DUPLICATE_FORM',
  'DEF_DUPLICATE_CONSENT_VERSION',
  'DEF_DUPLICATE_FIELD',
  'DEF_DUPLICATE_CHOICE',
  'DEF_FORM_UNDEFINED',
  'DEF_FIELD_UNDEFINED',
  'DEF_VISIT_ANCHOR',
  'DEF_ONE_BASELINE_VISIT',
  'DEF_ONE_SCREENING_VISIT',
  'DEF_INCLUSION_EXPECTS_YES',
  'DEF_EXCLUSION_EXPECTS_NO',
  'DEF_AGE_MIN_ABOVE_MAX',
  'DEF_MIN_ABOVE_MAX',
  'DEF_CHOICES_REQUIRED',
  'DEF_TARGET_ABOVE_CAP',
  'DEF_RATIO_PARTS',
  'DEF_BLOCK_NOT_MULTIPLE',
  'DEF_SLOTS_BELOW_CAP',
  'DEF_OUTCOME_FORM_REVEALING',
  'DEF_SAFE_FIELD_TEXT',
  'DEF_SAFE_FIELD_NOT_REVEALING',
  'DEF_VALUE_NOT_A_CHOICE',
  'DEF_FORM_NOT_AT_BASELINE',
  'DEF_FORM_NOT_AT_SCREENING',
  'DEF_VISIT_CODE_SCHEDULED',
  'DEF_SAME_AS_TREATMENT_VISIT',
  'DEF_INSTRUMENT_TWICE',
  'DEF_YES_NO_CHOICE',
  'DEF_CONDITION_FIELD',
  'DEF_CONDITION_VALUE',
  'DEF_DATE_LIMIT_NOT_DATE',
  'DEF_DATE_LIMIT_FIELD',
  'DEF_VISIT_DATE_LIMIT_FIELD',
  'DEF_EARLIEST_AFTER_LATEST',
] as const;
export type DefinitionProblemCode = (typeof definitionProblemCodes)[number];

/** One problem: where in the definition (for the seed's boot message and the field error's path), what, and with which values. */
export interface DefinitionProblem {
  path: (string | number)[];
  code: DefinitionProblemCode;
  params: Record<string, string | number>;
}

/** The English sentence of each problem (the API's `message`, the seed's boot error, the web's English). */
export const definitionProblemMessages: Record<DefinitionProblemCode, string> = {
  DEF_DUPLICATE_ARM: 'Another arm already has the code “{{code}}”.',
  DEF_DUPLICATE_STRATUM: 'Another stratum already has the key “{{code}}”.',
  DEF_DUPLICATE_CRITERION: 'Another criterion already has the id “{{code}}”.',
  DEF_DUPLICATE_VISIT: 'Another visit already has the code “{{code}}”.',
  DEF_DUPLICATE_FORM: 'Another form already has the code “{{code}}”.',
  DEF_DUPLICATE_CONSENT_VERSION: 'Consent form version “{{code}}” is listed twice.',
  DEF_DUPLICATE_FIELD: 'Form “{{form}}” has two fields named “{{code}}”.',
  DEF_DUPLICATE_CHOICE: 'Field “{{field}}” of form “{{form}}” offers the choice “{{code}}” twice.',
  DEF_FORM_UNDEFINED: 'The definition has no form “{{form}}”.',
  DEF_FIELD_UNDEFINED: 'Form “{{form}}” has no field “{{field}}”.',
  DEF_VISIT_ANCHOR: 'Visit “{{visit}}”: screening and baseline visits are timed from randomization.',
  DEF_ONE_BASELINE_VISIT: 'Exactly one visit must be the baseline visit.',
  DEF_ONE_SCREENING_VISIT: 'Exactly one visit must be the screening visit.',
  DEF_INCLUSION_EXPECTS_YES: 'Criterion {{criterion}} is an inclusion criterion: it is met by “yes”.',
  DEF_EXCLUSION_EXPECTS_NO: 'Criterion {{criterion}} is an exclusion criterion: it is met by “no”.',
  DEF_AGE_MIN_ABOVE_MAX: 'The lowest age ({{ageMin}}) is above the highest ({{ageMax}}).',
  DEF_MIN_ABOVE_MAX:
    'Field “{{field}}” of form “{{form}}”: the lowest value {{min}} is above the highest {{max}}.',
  DEF_CHOICES_REQUIRED: 'Field “{{field}}” of form “{{form}}” is a choice and needs its list of choices.',
  DEF_TARGET_ABOVE_CAP: 'The enrollment target ({{target}}) is above the cap ({{cap}}).',
  DEF_RATIO_PARTS: 'The allocation ratio needs one part per arm ({{arms}}).',
  DEF_BLOCK_NOT_MULTIPLE: 'Block size {{size}} is not a multiple of the ratio total {{total}}.',
  DEF_SLOTS_BELOW_CAP: 'The list has {{slots}} places per stratum, fewer than the enrollment cap {{cap}}.',
  DEF_OUTCOME_FORM_REVEALING: 'Outcome form “{{form}}” would show the arm to the blinded assessor.',
  DEF_SAFE_FIELD_TEXT:
    'Field “{{field}}” of form “{{form}}” is free text, which is never safe on a form that shows the arm.',
  DEF_SAFE_FIELD_NOT_REVEALING: 'Form “{{form}}” does not show the arm, so no field of it is marked safe.',
  DEF_VALUE_NOT_A_CHOICE: '“{{value}}” is not a choice of field “{{field}}” of form “{{form}}”.',
  DEF_FORM_NOT_AT_BASELINE: 'Form “{{form}}” is not a form of the baseline visit “{{visit}}”.',
  DEF_FORM_NOT_AT_SCREENING: 'Form “{{form}}” is not a form of the screening visit “{{visit}}”.',
  DEF_VISIT_CODE_SCHEDULED: 'The visit code “{{code}}” is already a scheduled visit.',
  DEF_SAME_AS_TREATMENT_VISIT: 'The unscheduled visit has the same code (“{{code}}”) as the treatment visit.',
  DEF_INSTRUMENT_TWICE: 'Another form already holds the instrument “{{instrument}}”.',
  DEF_YES_NO_CHOICE:
    'Field “{{field}}” of form “{{form}}” is yes/no: its choices are yes and no, not “{{value}}”.',
  DEF_CONDITION_FIELD:
    'Field “{{field}}” of form “{{form}}” depends on “{{other}}”, which is not another field of the form.',
  DEF_CONDITION_VALUE:
    'Field “{{field}}” of form “{{form}}” depends on the answer “{{value}}”, which field “{{other}}” cannot hold.',
  DEF_DATE_LIMIT_NOT_DATE: 'Field “{{field}}” of form “{{form}}” is not a date, so it has no date limits.',
  DEF_DATE_LIMIT_FIELD:
    'Field “{{field}}” of form “{{form}}” is limited by “{{other}}”, which is not another date field of the form.',
  DEF_VISIT_DATE_LIMIT_FIELD: 'A visit date is limited by events and fixed dates, not by a form field.',
  DEF_EARLIEST_AFTER_LATEST: 'The earliest plausible date ({{earliest}}) is after the latest ({{latest}}).',
};

/** A problem at `path`. */
export function definitionProblem(
  path: (string | number)[],
  code: DefinitionProblemCode,
  params: Record<string, string | number> = {},
): DefinitionProblem {
  return { path, code, params };
}

/** The English sentence of a problem, its {{placeholders}} filled. */
export function definitionProblemText(problem: DefinitionProblem): string {
  return definitionProblemMessages[problem.code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(problem.params, name) ? String(problem.params[name]) : whole,
  );
}

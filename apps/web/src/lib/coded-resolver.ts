import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import { codedFieldIssues } from '@mini-edc/domain';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { i18n } from '../i18n';
import { codedFieldText } from '../i18n/field-codes';

/** The value at a zod path of the form's values, or undefined. */
function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let value = values;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

/** A screen's own refinement worded in the interface language: `params: { worded: true }`. */
function ownWords(issue: z.core.$ZodIssue): string | null {
  return issue.code === 'custom' && issue.params?.worded === true ? issue.message : null;
}

/**
 * One issue of a contract as the sentence the server's field error with the same code would show,
 * in the interface language (`values`: what the contract was given, to tell an absent input).
 */
export function codedIssueText(issue: z.core.$ZodIssue, values: unknown): string {
  const own = ownWords(issue);
  if (own) return own;
  const missing = valueAt(values, issue.path) === undefined;
  const [coded] = codedFieldIssues(issue.code, issue, missing);
  if (!coded) return i18n.t('fieldFormats.refused');
  return codedFieldText(
    { path: issue.path.join('.'), message: '', code: coded.code, params: coded.params },
    i18n.t,
  );
}

/**
 * react-hook-form's resolver for a domain contract, worded from field codes (docs/errors.md,
 * "Field codes"): each zod issue is mapped to its code exactly as the API maps it
 * (`codedFieldIssues`) and worded from the same catalogue as a server field error, so a browser
 * check and a server refusal read alike, in the interface language. The contract's English
 * sentences are for API clients and never shown. A screen's own refinement keeps its text when it
 * says so (`params: { worded: true }`).
 */
export function codedResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
): Resolver<Input, unknown, Output> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: result.data, errors: {} };
    }
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= { type: issue.code, message: codedIssueText(issue, values) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

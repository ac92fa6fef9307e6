import type { FormDefinition } from '../study/definition-schema';
import { type FormData, formDataSchema } from './form-data-schema';
import { codedIssues, type FormIssue, type RecordMode } from './form-issues';
import { type FormRuleContext, formRuleIssues } from './form-rules';

export type FormValidation = { success: true; data: FormData } | { success: false; issues: FormIssue[] };

/**
 * Every constraint the study definition puts on a record (R-REC-3), in one pure function the API's
 * save and the web form both call: types, ranges, allowed values and required fields
 * (`formDataSchema`), then conditional requirements and date rules (`formRuleIssues`). One issue
 * per field, each a code with parameters.
 */
export function validateFormData(
  form: FormDefinition,
  mode: RecordMode,
  input: unknown,
  context: FormRuleContext,
): FormValidation {
  const parsed = formDataSchema(form, mode).safeParse(input);
  const issues = parsed.success ? [] : parsed.error.issues.flatMap((issue) => codedIssues(form, issue));
  const values = parsed.success ? parsed.data : input;
  if (typeof values === 'object' && values !== null && !Array.isArray(values)) {
    issues.push(...formRuleIssues(form, Object.fromEntries(Object.entries(values)), mode, context));
  }
  const seen = new Set<string>();
  const first = issues.filter((issue) => {
    const key = issue.path[0] ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (first.length > 0 || !parsed.success) return { success: false, issues: first };
  return { success: true, data: parsed.data };
}

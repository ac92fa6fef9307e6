import type { FieldError, FormIssue } from '@mini-edc/domain';

/** Each refused value as a field error: its path in the request under `prefix`, a code, its parameters. */
export function fieldErrorsAt(prefix: readonly string[], issues: readonly FormIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path].join('.'),
    message: issue.message,
    code: issue.code,
    params: issue.params,
  }));
}

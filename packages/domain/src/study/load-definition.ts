import type { z } from 'zod';
import { type StudyDefinition, studyDefinitionSchema } from './definition-schema';

/** "visits[2].forms[0]" from a zod path; "(root)" for the whole document. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** One line per problem, each naming the path that is wrong. */
export function formatDefinitionIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => `  - ${formatIssuePath(issue.path)}: ${issue.message}`);
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return `Invalid study definition (${count}):\n${lines.join('\n')}`;
}

/**
 * Validates a study definition (shape and cross-checks) and returns it typed. Throws an Error whose
 * message lists every bad path on its own line, so a broken definition fails at boot, loudly.
 */
export function loadStudyDefinition(raw: unknown): StudyDefinition {
  const result = studyDefinitionSchema.safeParse(raw);
  if (!result.success) throw new Error(formatDefinitionIssues(result.error.issues));
  return result.data;
}

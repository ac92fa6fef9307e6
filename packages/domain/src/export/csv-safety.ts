/**
 * Formula injection in CSV files (OWASP "CSV Injection"; ASVS 5.0 V1.2.10): a spreadsheet opening
 * the file runs a cell that starts with = + - @, a tab or a carriage return as a formula. Every CSV
 * export writes text cells through `neutralizeCsvText`, which prepends one apostrophe (the
 * spreadsheet's "this is text" mark) to such a cell.
 *
 * Numbers are left as they are, negative ones too: "-16" cannot be a formula, and statistics
 * packages re-importing the file must read a change score of -16 as the number -16. Text that
 * already starts with apostrophes before such a character gets one more, so `restoreCsvText`
 * gives back exactly what was stored (the data dictionary states the rule for analysts).
 */
const NEEDS_MARK = /^'*[=+\-@\t\r\0]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function needsMark(text: string): boolean {
  return NEEDS_MARK.test(text) && !PLAIN_NUMBER.test(text);
}

/** The text as a CSV cell a spreadsheet cannot run. */
export function neutralizeCsvText(text: string): string {
  return needsMark(text) ? `'${text}` : text;
}

/** The stored text of a cell written by `neutralizeCsvText` (for re-imports and tests). */
export function restoreCsvText(cell: string): string {
  return cell.startsWith("'") && needsMark(cell.slice(1)) ? cell.slice(1) : cell;
}

/** The sentence the data dictionaries carry about this rule. */
export const CSV_FORMULA_NOTE =
  'Text cells that would start with =, +, -, @, a tab or a carriage return (also after leading ' +
  'apostrophes) are written with one apostrophe in front, so that a spreadsheet shows them as text ' +
  'instead of running them as a formula (OWASP CSV injection); numbers, negative ones included, are ' +
  'written as they are. To get the stored text back, remove that one apostrophe.';

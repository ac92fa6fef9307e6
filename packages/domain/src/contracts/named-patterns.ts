import type { FieldCode } from './field-codes';

/** A site code: one capital letter and two digits (S03), as typed on the admin's sites screen. */
export const siteCodePattern = /^[A-Z][0-9]{2}$/;
/** A generated list's seed as the admin types it to verify the allocation: 64 hexadecimal digits. */
export const seedHexPattern = /^[0-9a-fA-F]{64}$/;

/**
 * The patterns a person types against, each with the field code that says what the value should
 * look like (docs/errors.md, "Field codes"). Any other contract pattern (a code the app itself
 * sends) stays the plain INVALID_FORMAT; the pattern itself is never sent.
 */
const patternCodes = new Map<string, FieldCode>([
  [siteCodePattern.toString(), 'SITE_CODE_FORMAT'],
  [seedHexPattern.toString(), 'SEED_FORMAT'],
]);

/** The field code of a typed value's pattern (zod's issue gives it as `/source/flags`), if it has one. */
export function patternFieldCode(pattern: string | undefined): FieldCode | undefined {
  return pattern === undefined ? undefined : patternCodes.get(pattern);
}

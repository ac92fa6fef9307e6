/** Unpaired UTF-16 surrogates: not text in any encoding, and PostgreSQL refuses them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text a person could have typed: no NUL (PostgreSQL cannot store it in text or jsonb) and no lone
 * surrogate (JSON can carry one, UTF-8 cannot). Input failing this is refused with 400, never
 * passed on to the database (docs/errors.md).
 */
export function isWellFormedText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

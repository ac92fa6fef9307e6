/**
 * What a new password must be, as codes the web words in each language (docs/security.md, "New
 * passwords"). Length is checked here, by the contract both the server and the web forms use;
 * guessability only on the server, by a strength estimator with its dictionaries.
 */

/** OWASP ASVS 4.0.3 V2.1.1 (at least 12); NIST SP 800-63B (allow at least 64, no composition rules). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Why the estimator found a password guessable: its warning, or `guessable` when it gave none. */
export const passwordWeaknesses = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
  'guessable',
] as const;
export type PasswordWeakness = (typeof passwordWeaknesses)[number];

export type PasswordRefusal =
  | { code: 'PASSWORD_TOO_SHORT'; params: { min: number } }
  | { code: 'PASSWORD_TOO_LONG'; params: { max: number } }
  | { code: 'PASSWORD_TOO_GUESSABLE'; params: { reason: PasswordWeakness } };

export type PasswordRefusalCode = PasswordRefusal['code'];

/** The English sentence sent with each refusal, for API clients other than the web app. */
export function passwordRefusalMessage(refusal: PasswordRefusal): string {
  switch (refusal.code) {
    case 'PASSWORD_TOO_SHORT':
      return `Use at least ${refusal.params.min} characters`;
    case 'PASSWORD_TOO_LONG':
      return `Use at most ${refusal.params.max} characters`;
    case 'PASSWORD_TOO_GUESSABLE':
      return 'This password is too easy to guess';
  }
}

/** The length rule alone (counted in code points, as a person counts characters). */
export function passwordLengthRefusal(password: string): PasswordRefusal | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return { code: 'PASSWORD_TOO_SHORT', params: { min: PASSWORD_MIN_LENGTH } };
  if (length > PASSWORD_MAX_LENGTH)
    return { code: 'PASSWORD_TOO_LONG', params: { max: PASSWORD_MAX_LENGTH } };
  return null;
}

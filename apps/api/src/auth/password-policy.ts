import {
  DomainError,
  fieldError,
  type PasswordRefusal,
  type PasswordWeakness,
  passwordLengthRefusal,
  passwordWeaknesses,
} from '@mini-edc/domain';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { publishedPasswords } from './demo-passwords';
import { studyWords, turkishFirstNames, turkishPasswords, turkishWords } from './password-dictionary-tr';

/**
 * New passwords (docs/security.md): at least PASSWORD_MIN_LENGTH characters and an estimated
 * strength of MIN_SCORE on zxcvbn's 0-4 scale ("very unguessable": at least 10^10 guesses) against the
 * common, English and Turkish dictionaries, this study's own words, the published demo passwords,
 * and the user's email and name.
 * Only new passwords are checked (create, reset, change, first administrator): an existing
 * password keeps working until its owner changes it.
 */
const MIN_SCORE = 4;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use (the dictionaries take a second or two to index), then kept. */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: {
      ...zxcvbnCommon.dictionary,
      ...zxcvbnEn.dictionary,
      // Names tell the feedback which warning to give: "passwords" → common password, "names" →
      // names, "userInputs" → words of the user or of this service.
      'passwords-tr': turkishPasswords,
      'firstnames-tr': turkishFirstNames,
      'commonWords-tr': turkishWords,
      'userInputs-study': studyWords,
      // The demo passwords are printed for everyone: refused as new passwords ("passwords" → common).
      'passwords-published': publishedPasswords,
    },
  });
  return estimator;
}

const knownWeakness = new Set<string>(passwordWeaknesses);
const isWeakness = (key: string | null): key is PasswordWeakness => key !== null && knownWeakness.has(key);

/** The words of the account itself: email, its local part, and the parts of the display name. */
function accountWords(account: PasswordAccount): string[] {
  const email = account.email?.toLowerCase() ?? '';
  const local = email.split('@')[0] ?? '';
  const name = (account.displayName ?? '').toLowerCase();
  const localParts = local.split(/[._+-]+/);
  const nameParts = name.split(/\s+/);
  return [email, local, localParts.join(''), ...localParts, name, nameParts.join(''), ...nameParts].filter(
    (w) => w.length >= 3,
  );
}

export interface PasswordAccount {
  email?: string | null;
  displayName?: string | null;
}

/** Why this new password is refused, or null when it is acceptable. */
export function passwordRefusal(password: string, account: PasswordAccount = {}): PasswordRefusal | null {
  const length = passwordLengthRefusal(password);
  if (length) return length;
  const result = strengthEstimator().check(password, accountWords(account));
  if (result.score >= MIN_SCORE) return null;
  // Without translations zxcvbn-ts returns its warning keys, which the web words itself.
  const warning = result.feedback.warning;
  return { code: 'PASSWORD_TOO_GUESSABLE', params: { reason: isWeakness(warning) ? warning : 'guessable' } };
}

/** Refuses a weak new password as a 400 naming the field, with the reason as a code. */
export function assertAcceptablePassword(password: string, account: PasswordAccount, path: string): void {
  const refusal = passwordRefusal(password, account);
  if (!refusal) return;
  throw new DomainError('VALIDATION_FAILED', 'PASSWORD_NOT_ACCEPTED', {}, [
    fieldError(path, refusal.code, refusal.params),
  ]);
}

/** Indexes the dictionaries in the background at start, so the first password change is quick. */
export function warmPasswordEstimator(): void {
  setImmediate(() => strengthEstimator());
}

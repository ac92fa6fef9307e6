import { type AuditContext, appendAuditEvent, type Db, schema, type Tx, withAudit } from '@mini-edc/db';
import { DomainError, fieldError } from '@mini-edc/domain';
import { eq } from 'drizzle-orm';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { clearFailures, countFailure, isLockedOut, type LockoutPolicy } from './lockout';
import { endAllSessionsOf } from './sessions';

/**
 * Why a password is being checked. Every purpose counts towards the same lockout (docs/security.md,
 * "one lockout"): a guess at change-password or at a signature is as much a guess as one at login.
 */
type PasswordPurpose = 'login' | 'change_password' | 'reauthenticate' | 'sign';

const failedAction: Record<PasswordPurpose, string> = {
  login: 'LOGIN_FAILED',
  change_password: 'PASSWORD_CHANGE_FAILED',
  reauthenticate: 'REAUTHENTICATION_FAILED',
  sign: 'REAUTHENTICATION_FAILED',
};

const failedReason: Record<PasswordPurpose, string> = {
  login: 'failed login',
  change_password: 'failed password change',
  reauthenticate: 'failed re-authentication',
  sign: 'failed re-authentication for a signature',
};

/**
 * The answer to a failed check; never says which of wrong, locked or unknown it was. An in-session
 * check (the user is known to be who they are) states the attempts left before the lockout as the
 * field's parameter, so the web can say it in one message (R-SIGN-1).
 */
function refusal(purpose: PasswordPurpose, attemptsLeft: number): DomainError {
  switch (purpose) {
    case 'login':
      return new DomainError('INVALID_CREDENTIALS', 'SIGN_IN_FAILED');
    case 'change_password':
      return new DomainError('VALIDATION_FAILED', 'CURRENT_PASSWORD_WRONG', {}, [
        fieldError('body.currentPassword', 'CURRENT_PASSWORD_WRONG'),
      ]);
    case 'reauthenticate':
    case 'sign':
      return new DomainError('INVALID_CREDENTIALS', 'PASSWORD_WRONG', { attemptsLeft }, [
        fieldError('body.password', 'PASSWORD_WRONG', { attemptsLeft }),
      ]);
  }
}

export interface PasswordCheck {
  /** Sign-in names the account by email; the other checks by the signed-in user's id. */
  account: { email: string } | { userId: string };
  password: string;
  purpose: PasswordPurpose;
  /** The audit context of the request: the user for in-session checks, anonymous for sign-in. */
  ctx: AuditContext;
  /** Extra audit details of a failure (the client address of a sign-in). */
  details?: Record<string, unknown>;
}

export type CheckedUser = typeof schema.users.$inferSelect;

/**
 * The one password check (docs/security.md): argon2 verification (against a decoy hash when the
 * account is unknown, so timing tells nothing), the account's lock, and on failure one audited
 * transaction that counts the failure and locks the account at the limit. The count is
 * incremented in SQL, so parallel guesses each count. When an in-session check locks the
 * account, every session of the user ends: whoever holds the session is guessing the password.
 * On success nothing is written here; the caller clears the count with `clearFailures` in the
 * transaction of what the password allowed (a sign-in, a signature, a new password).
 */
export async function checkPassword(
  db: Db,
  check: PasswordCheck,
  lockout: LockoutPolicy,
): Promise<CheckedUser> {
  const where =
    'email' in check.account
      ? eq(schema.users.email, check.account.email)
      : eq(schema.users.id, check.account.userId);
  const [user] = await db.select().from(schema.users).where(where);
  const locked = !!user && isLockedOut(user);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), check.password);
  if (user?.active && !locked && passwordOk) return user;

  let attemptsLeft = 0;
  const why = !user ? 'unknown email' : !user.active ? 'deactivated' : locked ? 'locked' : 'wrong password';
  await withAudit(db, { ...check.ctx, reason: `${failedReason[check.purpose]}: ${why}` }, async (tx) => {
    let lockedNow = false;
    if (user?.active && !locked) {
      const counted = await countFailure(tx, user.id, lockout);
      lockedNow = counted.lockedNow;
      attemptsLeft = lockedNow ? 0 : Math.max(lockout.attempts - counted.failures, 0);
    }
    if (lockedNow && check.purpose !== 'login') await endAllSessionsOf(tx, user?.id ?? '');
    await appendAuditEvent(tx, {
      action: failedAction[check.purpose],
      tableName: 'sessions',
      recordId: user?.id ?? null,
      details: {
        ...('email' in check.account ? { email: check.account.email } : {}),
        ...check.details,
        purpose: check.purpose,
        why,
        ...(lockedNow ? { locked_for_minutes: lockout.minutes } : {}),
      },
    });
  });
  throw refusal(check.purpose, attemptsLeft);
}

/** The REAUTHENTICATED event, written in the transaction of what the password confirmed. */
export async function recordReauthentication(tx: Tx, user: Pick<CheckedUser, 'id' | 'failedLogins'>) {
  await clearFailures(tx, user);
  await appendAuditEvent(tx, { action: 'REAUTHENTICATED', tableName: 'sessions', recordId: user.id });
}

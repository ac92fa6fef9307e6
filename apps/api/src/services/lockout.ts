import { type Db, schema, type Tx } from '@mini-edc/db';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../config';

/** After how many failed password checks an account locks, and for how long. */
export interface LockoutPolicy {
  attempts: number;
  minutes: number;
}

/**
 * The one lockout (docs/security.md, control 2): every password check counts towards it,
 * whatever the purpose, so every route that checks a password reads it from here.
 */
export function lockoutPolicy(
  config: Pick<Config, 'EDC_LOCKOUT_ATTEMPTS' | 'EDC_LOCKOUT_MINUTES'>,
): LockoutPolicy {
  return { attempts: config.EDC_LOCKOUT_ATTEMPTS, minutes: config.EDC_LOCKOUT_MINUTES };
}

/** Whether the account's lock still holds at `now`: the one lock check, after a read or a count. */
export function isLockedOut(account: { lockedUntil: Date | null }, now: number = Date.now()): boolean {
  return account.lockedUntil !== null && account.lockedUntil.getTime() > now;
}

/** No failure counted and no lock: after a right password, a new password or an admin's unlock. */
export const lockoutCleared = { failedLogins: 0, lockedUntil: null } as const;

/**
 * Adds one failure; at the limit the account locks and the count starts again. The count is
 * incremented in SQL, so parallel guesses each count.
 */
export async function countFailure(
  tx: Tx,
  userId: string,
  lockout: LockoutPolicy,
): Promise<{ lockedNow: boolean; failures: number }> {
  const [row] = await tx
    .update(schema.users)
    .set({
      failedLogins: sql`case when ${schema.users.failedLogins} + 1 >= ${lockout.attempts} then 0
                        else ${schema.users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${schema.users.failedLogins} + 1 >= ${lockout.attempts}
                       then now() + make_interval(mins => ${lockout.minutes})
                       else ${schema.users.lockedUntil} end`,
    })
    .where(eq(schema.users.id, userId))
    .returning({ lockedUntil: schema.users.lockedUntil, failures: schema.users.failedLogins });
  return { lockedNow: row !== undefined && isLockedOut(row), failures: row?.failures ?? lockout.attempts };
}

/** A correct password ends the run of failures; nothing is written when there was none. */
export async function clearFailures(tx: Tx, user: { id: string; failedLogins: number }) {
  if (user.failedLogins === 0) return;
  await tx.update(schema.users).set(lockoutCleared).where(eq(schema.users.id, user.id));
}

/** What a service that checks a password needs: the database and the one lockout. */
export interface PasswordEnv {
  db: Db;
  lockout: LockoutPolicy;
}

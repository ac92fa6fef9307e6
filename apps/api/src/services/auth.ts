import { type AuditContext, appendAuditEvent, type Db, schema, withAudit } from '@mini-edc/db';
import { DomainError, type Me } from '@mini-edc/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import { assertAcceptablePassword } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import type { Acting } from './acting';
import { clearFailures, type LockoutPolicy, lockoutCleared, type PasswordEnv } from './lockout';
import { checkPassword, recordReauthentication } from './password-check';
import { endOtherSessionsOf } from './sessions';

interface LoginInput {
  email: string;
  password: string;
  requestId: string;
  ip: string;
}

/**
 * Checks a sign-in through the one password check (services/password-check.ts). The answer is the
 * same for an unknown email, a wrong password, a locked and a deactivated account.
 */
export async function login(db: Db, input: LoginInput, lockout: LockoutPolicy) {
  // Nobody is signed in yet: the actor is anonymous, the account concerned is the record.
  const anonymous = {
    actorId: 'anonymous',
    actorRole: 'anonymous',
    actorLabel: input.email,
    requestId: input.requestId,
  };
  return checkPassword(
    db,
    {
      account: { email: input.email },
      password: input.password,
      purpose: 'login',
      ctx: anonymous,
      details: { ip: input.ip },
    },
    lockout,
  );
}

/** A sign-in that passed the password check: the run of failures ends and LOGIN is audited. */
export async function recordLogin(
  db: Db,
  {
    user,
    sessionId,
    requestId,
    ip,
  }: {
    user: { id: string; role: string; email: string; failedLogins: number };
    sessionId: string;
    requestId: string;
    ip: string;
  },
) {
  await withAudit(
    db,
    { actorId: user.id, actorRole: user.role, actorLabel: user.email, requestId },
    async (tx) => {
      await clearFailures(tx, user);
      await appendAuditEvent(tx, {
        action: 'LOGIN',
        tableName: 'sessions',
        recordId: sessionId,
        details: { ip },
      });
    },
  );
}

export async function me(db: Db, userId: string): Promise<Me> {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
  if (!user) throw new DomainError('UNAUTHENTICATED', 'SIGN_IN_FIRST');
  const siteRows = await db
    .select({ id: schema.sites.id, code: schema.sites.code, name: schema.sites.name })
    .from(schema.sites)
    .where(
      inArray(
        schema.sites.id,
        db
          .select({ id: schema.userSites.siteId })
          .from(schema.userSites)
          .where(eq(schema.userSites.userId, userId)),
      ),
    )
    .orderBy(schema.sites.code);
  const [status] = await db
    .select({ releasedAt: schema.studyStatus.allocationReleasedAt })
    .from(schema.studyStatus)
    .where(eq(schema.studyStatus.id, 1));
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as Me['role'],
    locale: user.locale === 'tr' ? 'tr' : 'en',
    mustChangePassword: user.mustChangePassword,
    sites: siteRows,
    allocationReleased: Boolean(status?.releasedAt),
  };
}

/**
 * A new password for the signed-in user, after the current one is checked like any other password
 * (same lockout, same audit). Every other session of the user ends in the same transaction, so a
 * stolen session does not outlive the victim's password change; the current session continues.
 */
export async function changePassword(
  { db, lockout }: PasswordEnv,
  {
    user: current,
    ctx,
    currentPassword,
    newPassword,
  }: Acting & { currentPassword: string; newPassword: string },
) {
  const user = await checkPassword(
    db,
    { account: { userId: current.id }, password: currentPassword, purpose: 'change_password', ctx },
    lockout,
  );
  assertAcceptablePassword(newPassword, user, 'body.newPassword');
  const passwordHash = await hashPassword(newPassword);
  await withAudit(db, { ...ctx, reason: 'password changed by the user' }, async (tx) => {
    await tx
      .update(schema.users)
      .set({ passwordHash, mustChangePassword: false, ...lockoutCleared })
      .where(eq(schema.users.id, user.id));
    const ended = await endOtherSessionsOf(tx, { userId: user.id, keepSessionId: current.sessionId });
    if (ended > 0) {
      await appendAuditEvent(tx, {
        action: 'SESSIONS_ENDED',
        tableName: 'sessions',
        recordId: user.id,
        details: { sessions: ended, cause: 'password changed' },
      });
    }
  });
}

/**
 * Re-authentication (21 CFR 11.200): the password is checked again inside the request, counting
 * towards the same lockout as a sign-in. REAUTHENTICATED is written only on success.
 */
export async function confirmPassword(
  { db, lockout }: PasswordEnv,
  { ctx, userId, password }: { ctx: AuditContext; userId: string; password: string },
) {
  const user = await checkPassword(
    db,
    { account: { userId }, password, purpose: 'reauthenticate', ctx },
    lockout,
  );
  await withAudit(db, ctx, (tx) => recordReauthentication(tx, user));
}

export async function setLocale(
  db: Db,
  { ctx, userId, locale }: { ctx: AuditContext; userId: string; locale: 'en' | 'tr' },
) {
  await withAudit(db, ctx, (tx) =>
    tx.update(schema.users).set({ locale }).where(eq(schema.users.id, userId)),
  );
}

export async function recordLogout(db: Db, ctx: AuditContext, sessionId: string) {
  await withAudit(db, ctx, async (tx) => {
    await tx.execute(sql`update sessions set ended_at = now() where id = ${sessionId} and ended_at is null`);
    await appendAuditEvent(tx, { action: 'LOGOUT', tableName: 'sessions', recordId: sessionId });
  });
}

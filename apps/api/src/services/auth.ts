import { appendAuditEvent, type Db, schema, withAudit } from '@mini-edc/db';
import { DomainError, type Me } from '@mini-edc/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords';
import { endAllSessionsOf, type SessionPolicy } from './sessions';

export interface LockoutPolicy {
  attempts: number;
  minutes: number;
}

const invalid = () =>
  new DomainError(
    'INVALID_CREDENTIALS',
    'Sign-in failed: the email or password is wrong, or the account is temporarily locked.',
  );

interface LoginInput {
  email: string;
  password: string;
  requestId: string;
  ip: string;
}

/**
 * Checks a password, counting consecutive failures towards a temporary lock. The answer is the
 * same for an unknown email, a wrong password, a locked and a deactivated account, and an
 * argon2 verification runs in every case so timing does not tell them apart either.
 */
export async function login(db: Db, input: LoginInput, lockout: LockoutPolicy) {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.email, input.email));
  const locked = !!user?.lockedUntil && user.lockedUntil.getTime() > Date.now();
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  // Nobody is signed in yet: the actor is anonymous, the account concerned is the record.
  const anonymous = {
    actorId: 'anonymous',
    actorRole: 'anonymous',
    actorLabel: input.email,
    requestId: input.requestId,
  };

  if (!user?.active || locked || !passwordOk) {
    const why = !user ? 'unknown email' : !user.active ? 'deactivated' : locked ? 'locked' : 'wrong password';
    await withAudit(db, { ...anonymous, reason: `failed login: ${why}` }, async (tx) => {
      if (user?.active && !locked) {
        const failures = user.failedLogins + 1;
        const lockNow = failures >= lockout.attempts;
        await tx
          .update(schema.users)
          .set({
            failedLogins: lockNow ? 0 : failures,
            lockedUntil: lockNow ? new Date(Date.now() + lockout.minutes * 60_000) : user.lockedUntil,
          })
          .where(eq(schema.users.id, user.id));
      }
      await appendAuditEvent(tx, {
        action: 'LOGIN_FAILED',
        tableName: 'sessions',
        recordId: user?.id ?? null,
        details: { email: input.email, ip: input.ip, why },
      });
    });
    throw invalid();
  }
  return user;
}

export async function recordLogin(
  db: Db,
  user: { id: string; role: string; email: string; failedLogins: number },
  sessionId: string,
  requestId: string,
  ip: string,
) {
  await withAudit(
    db,
    { actorId: user.id, actorRole: user.role, actorLabel: user.email, requestId },
    async (tx) => {
      if (user.failedLogins > 0) {
        await tx
          .update(schema.users)
          .set({ failedLogins: 0, lockedUntil: null })
          .where(eq(schema.users.id, user.id));
      }
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
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
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
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as Me['role'],
    locale: user.locale === 'tr' ? 'tr' : 'en',
    mustChangePassword: user.mustChangePassword,
    sites: siteRows,
  };
}

type Ctx = Parameters<typeof withAudit>[1];

export async function changePassword(
  db: Db,
  ctx: Ctx,
  userId: string,
  currentPassword: string,
  newPassword: string,
) {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DomainError('VALIDATION_FAILED', 'The current password is wrong.', [
      { path: 'body.currentPassword', message: 'The current password is wrong' },
    ]);
  }
  const passwordHash = await hashPassword(newPassword);
  await withAudit(db, { ...ctx, reason: 'password changed by the user' }, (tx) =>
    tx
      .update(schema.users)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(schema.users.id, userId)),
  );
}

/**
 * Re-authentication for signatures (21 CFR 11.200): the password is checked again inside the
 * signing request itself. A wrong password counts towards the lockout like a failed login.
 */
export async function confirmPassword(
  db: Db,
  ctx: Ctx,
  userId: string,
  password: string,
  lockout: LockoutPolicy,
) {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
  if (user && (await verifyPassword(user.passwordHash, password))) {
    await withAudit(db, ctx, (tx) =>
      appendAuditEvent(tx, { action: 'REAUTHENTICATED', tableName: 'sessions', recordId: userId }),
    );
    return;
  }
  await withAudit(db, { ...ctx, reason: 'failed re-authentication' }, async (tx) => {
    if (user) {
      const failures = user.failedLogins + 1;
      const lockNow = failures >= lockout.attempts;
      await tx
        .update(schema.users)
        .set({
          failedLogins: lockNow ? 0 : failures,
          lockedUntil: lockNow ? new Date(Date.now() + lockout.minutes * 60_000) : user.lockedUntil,
        })
        .where(eq(schema.users.id, userId));
      if (lockNow) await endAllSessionsOf(tx, userId);
    }
    await appendAuditEvent(tx, {
      action: 'REAUTHENTICATION_FAILED',
      tableName: 'sessions',
      recordId: userId,
    });
  });
  throw new DomainError('INVALID_CREDENTIALS', 'The password is wrong.', [
    { path: 'body.password', message: 'The password is wrong' },
  ]);
}

export async function setLocale(db: Db, ctx: Ctx, userId: string, locale: 'en' | 'tr') {
  await withAudit(db, ctx, (tx) =>
    tx.update(schema.users).set({ locale }).where(eq(schema.users.id, userId)),
  );
}

export async function recordLogout(db: Db, ctx: Ctx, sessionId: string) {
  await withAudit(db, ctx, async (tx) => {
    await tx.execute(sql`update sessions set ended_at = now() where id = ${sessionId} and ended_at is null`);
    await appendAuditEvent(tx, { action: 'LOGOUT', tableName: 'sessions', recordId: sessionId });
  });
}

export type { SessionPolicy };

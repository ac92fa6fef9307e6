import { type AuditContext, type Db, databaseError, schema, withAudit } from '@mini-edc/db';
import {
  type AdminUser,
  type CreateSiteRequest,
  type CreateUserRequest,
  can,
  DomainError,
  fieldError,
  type Site,
  type UpdateUserRequest,
} from '@mini-edc/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import { assertAcceptablePassword } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import type { Acting } from './acting';
import { isLockedOut, lockoutCleared } from './lockout';
import { endAllSessionsOf } from './sessions';

const { sites, users, userSites } = schema;

function toSite(row: typeof sites.$inferSelect): Site {
  return { id: row.id, code: row.code, name: row.name, createdAt: row.createdAt.toISOString() };
}

export async function listSites(db: Db): Promise<Site[]> {
  return (await db.select().from(sites).orderBy(sites.code)).map(toSite);
}

function isUniqueViolation(error: unknown): boolean {
  return databaseError(error)?.code === '23505';
}

export async function createSite(db: Db, ctx: AuditContext, input: CreateSiteRequest): Promise<Site> {
  try {
    const [row] = await withAudit(db, ctx, (tx) => tx.insert(sites).values(input).returning());
    if (!row) throw new Error('site insert returned nothing');
    return toSite(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('CONFLICT', 'SITE_CODE_TAKEN', { code: input.code }, [
        fieldError('body.code', 'SITE_CODE_TAKEN'),
      ]);
    }
    throw error;
  }
}

export async function renameSite(
  db: Db,
  { ctx, siteId: id, name }: { ctx: AuditContext; siteId: string; name: string },
): Promise<Site> {
  const [row] = await withAudit(db, ctx, (tx) =>
    tx.update(sites).set({ name }).where(eq(sites.id, id)).returning(),
  );
  if (!row) throw new DomainError('NOT_FOUND', 'SITE_NOT_FOUND');
  return toSite(row);
}

async function userRows(db: Db, ids?: string[]): Promise<AdminUser[]> {
  const rows = await db
    .select({
      user: users,
      siteIds: sql<
        string[]
      >`coalesce((select array_agg(us.site_id order by us.site_id) from user_sites us where us.user_id = ${users.id}), '{}')`,
    })
    .from(users)
    .where(ids ? inArray(users.id, ids) : undefined)
    .orderBy(users.email);
  const now = Date.now();
  return rows.map(({ user, siteIds }) => ({
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as AdminUser['role'],
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    locked: isLockedOut(user, now),
    siteIds,
    createdAt: user.createdAt.toISOString(),
  }));
}

export const listUsers = (db: Db) => userRows(db);

async function getUser(db: Db, id: string): Promise<AdminUser> {
  const [user] = await userRows(db, [id]);
  if (!user) throw new DomainError('NOT_FOUND', 'USER_NOT_FOUND');
  return user;
}

async function assertSitesExist(db: Db, siteIds: string[]) {
  const found = await db.select({ id: sites.id }).from(sites).where(inArray(sites.id, siteIds));
  if (found.length !== new Set(siteIds).size) {
    throw new DomainError('VALIDATION_FAILED', 'SITES_UNKNOWN', {}, [
      fieldError('body.siteIds', 'SITE_UNKNOWN'),
    ]);
  }
}

export async function createUser(db: Db, ctx: AuditContext, input: CreateUserRequest): Promise<AdminUser> {
  await assertSitesExist(db, input.siteIds);
  assertAcceptablePassword(input.temporaryPassword, input, 'body.temporaryPassword');
  const passwordHash = await hashPassword(input.temporaryPassword);
  try {
    const id = await withAudit(db, ctx, async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: users.id });
      if (!row) throw new Error('user insert returned nothing');
      await tx
        .insert(userSites)
        .values([...new Set(input.siteIds)].map((siteId) => ({ userId: row.id, siteId })));
      return row.id;
    });
    return getUser(db, id);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('CONFLICT', 'EMAIL_TAKEN', {}, [fieldError('body.email', 'EMAIL_TAKEN')]);
    }
    throw error;
  }
}

function sameSites(a: readonly string[], b: readonly string[]): boolean {
  const wanted = new Set(a);
  return wanted.size === new Set(b).size && b.every((s) => wanted.has(s));
}

export async function updateUser(
  db: Db,
  { user: actor, ctx, userId: id, input }: Acting & { userId: string; input: UpdateUserRequest },
): Promise<AdminUser> {
  const actorId = actor.id;
  const current = await getUser(db, id);
  if (
    id === actorId &&
    (input.active === false || (input.role && !can({ role: input.role }, 'manage_users')))
  ) {
    throw new DomainError('CONFLICT', 'OWN_ACCOUNT');
  }
  if (id === actorId && input.siteIds && !sameSites(input.siteIds, current.siteIds)) {
    // Nobody widens (or narrows) their own scope: another admin does it, and it is audited as theirs.
    throw new DomainError('FORBIDDEN', 'OWN_SITES', {}, [fieldError('body.siteIds', 'OWN_SITES')]);
  }
  if (input.siteIds) await assertSitesExist(db, input.siteIds);
  await withAudit(db, { ...ctx, reason: input.reason }, async (tx) => {
    const changes: Partial<typeof users.$inferInsert> = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.role !== undefined) changes.role = input.role;
    if (input.active !== undefined) changes.active = input.active;
    if (Object.keys(changes).length > 0) await tx.update(users).set(changes).where(eq(users.id, id));
    if (input.siteIds) {
      const wanted = new Set(input.siteIds);
      const current = await tx.select().from(userSites).where(eq(userSites.userId, id));
      const stale = current.filter((r) => !wanted.has(r.siteId)).map((r) => r.siteId);
      if (stale.length > 0) {
        await tx
          .delete(userSites)
          .where(sql`${userSites.userId} = ${id} and ${inArray(userSites.siteId, stale)}`);
      }
      const have = new Set(current.map((r) => r.siteId));
      const added = [...wanted].filter((s) => !have.has(s));
      if (added.length > 0)
        await tx.insert(userSites).values(added.map((siteId) => ({ userId: id, siteId })));
    }
    // A deactivated user or one whose access changed signs in again under the new rules.
    if (input.active === false || input.role || input.siteIds) await endAllSessionsOf(tx, id);
  });
  return getUser(db, id);
}

export async function resetPassword(
  db: Db,
  { ctx, userId: id, temporaryPassword }: { ctx: AuditContext; userId: string; temporaryPassword: string },
) {
  const user = await getUser(db, id);
  assertAcceptablePassword(temporaryPassword, user, 'body.temporaryPassword');
  const passwordHash = await hashPassword(temporaryPassword);
  await withAudit(db, { ...ctx, reason: 'password reset by an admin' }, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, ...lockoutCleared })
      .where(eq(users.id, id));
    await endAllSessionsOf(tx, id);
  });
}

export async function unlockUser(db: Db, ctx: AuditContext, id: string) {
  await getUser(db, id);
  await withAudit(db, { ...ctx, reason: 'unlocked by an admin' }, (tx) =>
    tx.update(users).set(lockoutCleared).where(eq(users.id, id)),
  );
}

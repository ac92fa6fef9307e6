import { type Db, type Executor, field, preparedStatement, schema, selectPrepared } from '@mini-edc/db';
import type { Role } from '@mini-edc/domain';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { newToken, tokenDigest } from '../auth/tokens';
import { localeField, roleField, textList } from './row-fields';

const { sessions, users } = schema;

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: 'en' | 'tr';
  mustChangePassword: boolean;
  siteIds: string[];
  /**
   * Whether an admin has released the allocation to blinded roles after lock (R-BLIND-4): a study
   * state read once per request with the session, an input of the access policy (can()).
   */
  allocationReleased: boolean;
  sessionId: string;
  csrfToken: string;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export async function createSession(db: Db, userId: string, policy: SessionPolicy) {
  const token = newToken();
  const csrfToken = newToken(24);
  const [session] = await db
    .insert(sessions)
    .values({
      tokenHash: tokenDigest(token),
      userId,
      csrfToken,
      expiresAt: new Date(Date.now() + policy.maxHours * 3_600_000),
    })
    .returning();
  if (!session) throw new Error('session insert returned nothing');
  return { token, session };
}

type SessionLookup =
  | { status: 'valid'; user: AuthUser; touch: boolean; studyLocked: boolean }
  | { status: 'expired'; user: SessionHolder }
  | { status: 'missing' };

/** Whose session a request presented, valid or not: refusals are filed under this user. */
export interface SessionHolder {
  id: string;
  email: string;
  role: Role;
  siteIds: string[];
}

const sessionRow = {
  session_id: sessions.id,
  csrf_token: sessions.csrfToken,
  last_seen_at: sessions.lastSeenAt,
  expires_at: sessions.expiresAt,
  ended_at: sessions.endedAt,
  user_id: users.id,
  email: users.email,
  display_name: users.displayName,
  role: roleField,
  locale: localeField,
  must_change_password: users.mustChangePassword,
  active: users.active,
  site_ids: textList,
  allocation_released: field.nullable(field.bool),
  study_locked: field.nullable(field.bool),
};

/**
 * One round trip: the session, its user, the user's sites, whether the allocation is released and
 * whether the study is locked (so a write's lock check costs no query of its own). Every request
 * runs it, so it is a prepared statement (packages/db/src/prepared.ts): one indexed read of
 * sessions by token_hash, parsed once per connection.
 */
const sessionLookup = preparedStatement(
  'session_lookup',
  ['tokenHash'],
  (p) =>
    sql`select s.id as session_id, s.csrf_token, s.last_seen_at, s.expires_at, s.ended_at,
             u.id as user_id, u.email, u.display_name, u.role, u.locale, u.must_change_password, u.active,
             (select array_agg(us.site_id order by us.site_id) from user_sites us where us.user_id = u.id) as site_ids,
             (select ss.allocation_released_at is not null from study_status ss where ss.id = 1) as allocation_released,
             (select ss.state = 'locked' from study_status ss where ss.id = 1) as study_locked
      from sessions s join users u on u.id = s.user_id
      where s.token_hash = ${p.tokenHash}`,
);

export async function lookupSession(db: Db, token: string, policy: SessionPolicy): Promise<SessionLookup> {
  const [row] = await selectPrepared(db, sessionRow, sessionLookup, { tokenHash: tokenDigest(token) });
  if (!row) return { status: 'missing' };
  const now = Date.now();
  const lastSeen = row.last_seen_at.getTime();
  const absolute = row.expires_at.getTime();
  const idleEnd = lastSeen + policy.idleMinutes * 60_000;
  if (row.ended_at || !row.active || now >= absolute || now >= idleEnd) {
    return {
      status: 'expired',
      user: { id: row.user_id, email: row.email, role: row.role, siteIds: row.site_ids ?? [] },
    };
  }
  return {
    status: 'valid',
    // Writing last_seen_at on every request would double the write load; a minute's slack is fine.
    touch: now - lastSeen > 60_000,
    studyLocked: row.study_locked === true,
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      locale: row.locale,
      mustChangePassword: row.must_change_password,
      siteIds: row.site_ids ?? [],
      allocationReleased: row.allocation_released === true,
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      idleExpiresAt: new Date(Math.min(now + policy.idleMinutes * 60_000, absolute)),
      absoluteExpiresAt: new Date(absolute),
    },
  };
}

export async function touchSession(db: Db, sessionId: string) {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function endAllSessionsOf(db: Executor, userId: string) {
  await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}

/** Ends every session of the user but `keepSessionId`; returns how many ended. */
export async function endOtherSessionsOf(
  db: Executor,
  { userId, keepSessionId }: { userId: string; keepSessionId: string },
) {
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return ended.length;
}

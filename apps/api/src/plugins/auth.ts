import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { AuditContext } from '@mini-edc/db';
import { canAny, DomainError } from '@mini-edc/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RouteAccess } from '../auth/route-access';
import { sameToken } from '../auth/tokens';
import type { Acting } from '../services/acting';
import {
  type AuthUser,
  lookupSession,
  type SessionHolder,
  type SessionPolicy,
  touchSession,
} from '../services/sessions';

export const SESSION_COOKIE = 'edc_session';

interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
    /** The user whose session the request presented, even when it was refused (docs/security.md §4). */
    sessionHolder: SessionHolder | null;
    /** Whether the study was locked, read with the session (null: no session was looked up). */
    studyLocked: boolean | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access; the authorization matrix test walks this. */
    apiRoutes: RegisteredRoute[];
    sessionPolicy: SessionPolicy;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in user, or a 401 for routes that forgot to declare themselves public. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new DomainError('UNAUTHENTICATED', 'SIGN_IN_FIRST');
  return request.user;
}

/** Who is acting in this request, for the audit triggers. */
export function auditContext(request: FastifyRequest, reason?: string | null): AuditContext {
  const user = currentUser(request);
  return {
    actorId: user.id,
    actorRole: user.role,
    actorLabel: user.email,
    actorSiteId: user.siteIds.length === 1 ? (user.siteIds[0] ?? null) : null,
    reason: reason ?? null,
    requestId: request.id,
  };
}

/** The user and audit context of this request, as a service call takes them. */
export function actingOf(request: FastifyRequest, reason?: string | null): Acting {
  return { user: currentUser(request), ctx: auditContext(request, reason) };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  const mode = request.server.config.EDC_COOKIE_SECURE;
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: mode === 'true' || (mode === 'auto' && request.protocol === 'https'),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Authentication, CSRF and role checks for every /api route, in one hook.
 * Site scope is not decided here: services put the user's site ids into their SQL.
 */
export const authPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(cookie);
    await app.register(rateLimit, { global: false });
    app.decorateRequest('user', null);
    app.decorateRequest('sessionHolder', null);
    app.decorateRequest('studyLocked', null);
    app.decorate('apiRoutes', [] as RegisteredRoute[]);
    app.decorate('sessionPolicy', {
      idleMinutes: app.config.EDC_SESSION_IDLE_MINUTES,
      maxHours: app.config.EDC_SESSION_MAX_HOURS,
    });

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return;
      const access = route.config?.access;
      if (!access) {
        throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
      }
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
      }
    });

    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access;
      if (!access) return;
      const unsafe = unsafeMethods.has(request.method);
      if ('public' in access) {
        // A custom header cannot be sent cross-site without a CORS preflight, which we never grant.
        if (access.csrf === 'login' && unsafe && !request.headers['x-csrf-token']) {
          throw new DomainError('CSRF_FAILED', 'CSRF_FAILED');
        }
        return;
      }
      const token = request.cookies[SESSION_COOKIE];
      if (!token) throw new DomainError('UNAUTHENTICATED', 'SIGN_IN_FIRST');
      const found = await lookupSession(app.db.db, token, app.sessionPolicy);
      if (found.status === 'missing') throw new DomainError('UNAUTHENTICATED', 'SIGN_IN_FIRST');
      request.sessionHolder = found.user;
      if (found.status === 'expired') {
        throw new DomainError('SESSION_EXPIRED', 'SESSION_ENDED');
      }
      const user = found.user;
      if (unsafe) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !sameToken(header, user.csrfToken)) {
          throw new DomainError('CSRF_FAILED', 'CSRF_FAILED');
        }
      }
      if (user.mustChangePassword && !access.duringPasswordChange) {
        throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'CHANGE_TEMPORARY_PASSWORD');
      }
      const wanted = typeof access.capability === 'string' ? [access.capability] : access.capability;
      if (!canAny(user, wanted)) {
        throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED');
      }
      if (found.touch) await touchSession(app.db.db, user.sessionId);
      request.user = user;
      request.studyLocked = found.studyLocked;
    });
  },
  { name: 'auth', dependencies: ['error-handler'] },
);

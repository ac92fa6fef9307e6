import {
  changePasswordRequestSchema,
  DomainError,
  errorBodySchema,
  localeRequestSchema,
  loginRequestSchema,
  meResponseSchema,
  reauthenticateRequestSchema,
  sessionInfoSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import {
  actingOf,
  auditContext,
  clearSessionCookie,
  currentUser,
  SESSION_COOKIE,
  setSessionCookie,
} from '../plugins/auth';
import {
  changePassword,
  confirmPassword,
  login,
  me,
  recordLogin,
  recordLogout,
  setLocale,
} from '../services/auth';
import { lockoutPolicy } from '../services/lockout';
import { type AuthUser, createSession, lookupSession, touchSession } from '../services/sessions';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema };
const signedIn = { capability: 'use_account', duringPasswordChange: true } as const;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const lockout = lockoutPolicy(app.config);

  async function sessionInfoOf(user: AuthUser) {
    return {
      user: await me(app.db.db, user.id),
      csrfToken: user.csrfToken,
      idleExpiresAt: user.idleExpiresAt.toISOString(),
      absoluteExpiresAt: user.absoluteExpiresAt.toISOString(),
    };
  }

  async function sessionInfo(token: string) {
    const found = await lookupSession(app.db.db, token, app.sessionPolicy);
    if (found.status !== 'valid') throw new Error('session vanished right after creation');
    return sessionInfoOf(found.user);
  }

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: loginRequestSchema,
        response: { 200: sessionInfoSchema, ...errors },
      },
      config: { access: { public: true, csrf: 'login' } },
      preHandler: app.passwordRateLimit,
    },
    async (request, reply) => {
      const user = await login(
        app.db.db,
        { ...request.body, requestId: request.id, ip: request.ip },
        lockout,
      );
      const { token, session } = await createSession(app.db.db, user.id, app.sessionPolicy);
      await recordLogin(app.db.db, { user, sessionId: session.id, requestId: request.id, ip: request.ip });
      setSessionCookie(request, reply, token);
      return sessionInfo(token);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null(), ...errors } },
      config: { access: signedIn },
    },
    async (request, reply) => {
      await recordLogout(app.db.db, auditContext(request), currentUser(request).sessionId);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, the CSRF token and the session expiry; {user: null} without a session',
        response: { 200: meResponseSchema, ...errors },
      },
      // Public so that a browser without a session learns it with a 200, not a 401 in its console;
      // the session is looked up here exactly as the auth hook does.
      config: { access: { public: true } },
    },
    async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      const found = token ? await lookupSession(app.db.db, token, app.sessionPolicy) : null;
      if (!token || !found || found.status === 'missing') return { user: null };
      if (found.status === 'expired') {
        throw new DomainError('SESSION_EXPIRED', 'SESSION_ENDED');
      }
      if (found.touch) await touchSession(app.db.db, found.user.sessionId);
      return sessionInfoOf(found.user);
    },
  );

  app.post(
    '/auth/change-password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the password (required after an admin reset); ends the other sessions',
        body: changePasswordRequestSchema,
        response: { 204: z.null(), ...errors },
      },
      config: { access: signedIn },
      preHandler: app.passwordRateLimit,
    },
    async (request, reply) => {
      await changePassword(
        { db: app.db.db, lockout },
        {
          ...actingOf(request),
          currentPassword: request.body.currentPassword,
          newPassword: request.body.newPassword,
        },
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/reauthenticate',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm the password again (21 CFR 11.200), e.g. before a signature',
        body: reauthenticateRequestSchema,
        response: { 204: z.null(), ...errors },
      },
      config: requires('use_account'),
      preHandler: app.passwordRateLimit,
    },
    async (request, reply) => {
      await confirmPassword(
        { db: app.db.db, lockout },
        { ctx: auditContext(request), userId: currentUser(request).id, password: request.body.password },
      );
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/auth/locale',
    {
      schema: {
        tags: ['auth'],
        summary: "Remember the user's language",
        body: localeRequestSchema,
        response: { 204: z.null(), ...errors },
      },
      config: { access: signedIn },
    },
    async (request, reply) => {
      await setLocale(app.db.db, {
        ctx: auditContext(request),
        userId: currentUser(request).id,
        locale: request.body.locale,
      });
      return reply.status(204).send(null);
    },
  );
};

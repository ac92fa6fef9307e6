import { errorBodySchema } from '@mini-edc/domain';
import type { FastifyInstance } from 'fastify';
import { lockoutPolicy, type PasswordEnv } from '../services/lockout';
import type { ServiceEnv } from '../services/participants';

/** The error answers a route can give, all with the one error body (design invariant 6). */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/**
 * What a service needs from the app, read per request: the definition in force changes when an
 * amendment is published (R-DEF-5), so it is never captured once at registration.
 */
export function serviceEnv(app: FastifyInstance): ServiceEnv {
  return { db: app.db.db, study: app.study, timeZone: app.config.EDC_STUDY_TIMEZONE };
}

/** The same, for a service that checks a password: with the one lockout (docs/security.md, control 2). */
export function passwordServiceEnv(app: FastifyInstance): ServiceEnv & PasswordEnv {
  return { ...serviceEnv(app), lockout: lockoutPolicy(app.config) };
}

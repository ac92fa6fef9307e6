import type { Role } from '@mini-edc/domain';

/**
 * Every route under /api declares who may call it (conventions §8, issue 3): either public, or a
 * list of roles. A route without a declaration fails at registration, so access is never implicit.
 */
export type RouteAccess =
  | { public: true; csrf?: 'login' }
  | {
      roles: readonly Role[];
      /** Reachable while the user must change a temporary password (me, logout, change-password). */
      duringPasswordChange?: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export const allRoles = [
  'admin',
  'coordinator',
  'investigator',
  'assessor',
  'monitor',
] as const satisfies readonly Role[];
/** Roles that may read participant data (site-scoped in SQL). */
export const clinicalReaders = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const;

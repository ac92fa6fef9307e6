import type { Capability } from '@mini-edc/domain';

/**
 * Every route under /api declares who may call it (R-ACCESS-1): either public, or the capability
 * of the access policy it needs (any of several, when a list). A route without a declaration fails
 * at registration, so access is never implicit; the policy is in packages/domain/src/access.
 */
export type RouteAccess =
  | { public: true; csrf?: 'login' }
  | {
      capability: Capability | readonly Capability[];
      /** Reachable while the user must change a temporary password (me, logout, change-password). */
      duringPasswordChange?: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** The route config for a capability (`config: requires('randomize')`). */
export function requires(capability: Capability | readonly Capability[]) {
  return { access: { capability } } as const;
}

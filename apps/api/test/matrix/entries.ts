import type { Role } from '@mini-edc/domain';
import type { MatrixFixture, SiteWorld } from './fixture';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface MatrixRequest {
  url: string;
  payload?: unknown;
}

/**
 * One row per registered route. `allowed` are the roles that may call it; `siteScoped` routes
 * address a resource at a site, and a caller from another site gets 404 (never a 403 that would
 * confirm the resource exists). `ok` is the status an allowed caller gets with `request`.
 */
export interface MatrixEntry {
  allowed: readonly Role[] | 'public';
  siteScoped: boolean;
  ok: number;
  /** Status for a public route, whoever calls it. */
  publicStatus?: number;
  request: (fx: MatrixFixture, site: SiteWorld) => MatrixRequest;
}

const everyone = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const;
const admin = ['admin'] as const;

export const matrixEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/health': {
    allowed: 'public',
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/health' }),
  },
  'POST /api/v1/auth/login': {
    allowed: 'public',
    siteScoped: false,
    ok: 401,
    request: () => ({
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@test.edc', password: 'not-a-user-1' },
    }),
  },
  'POST /api/v1/auth/logout': {
    allowed: everyone,
    siteScoped: false,
    ok: 204,
    request: () => ({ url: '/api/v1/auth/logout' }),
  },
  'GET /api/v1/auth/me': {
    allowed: everyone,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/auth/me' }),
  },
  'POST /api/v1/auth/change-password': {
    allowed: everyone,
    siteScoped: false,
    // The matrix only checks that the route is reachable; the wrong current password is a 400.
    ok: 400,
    request: () => ({
      url: '/api/v1/auth/change-password',
      payload: { currentPassword: 'not-the-password-1', newPassword: 'Another-Password-2' },
    }),
  },
  'POST /api/v1/auth/reauthenticate': {
    allowed: everyone,
    siteScoped: false,
    ok: 204,
    request: () => ({ url: '/api/v1/auth/reauthenticate', payload: { password: 'Correct-Horse-42' } }),
  },
  'PUT /api/v1/auth/locale': {
    allowed: everyone,
    siteScoped: false,
    ok: 204,
    request: () => ({ url: '/api/v1/auth/locale', payload: { locale: 'en' } }),
  },
  'GET /api/v1/admin/sites': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/admin/sites' }),
  },
  'POST /api/v1/admin/sites': {
    allowed: admin,
    siteScoped: false,
    // Site codes are unique, so the second allowed call conflicts: both show the route is reachable.
    ok: 201,
    request: () => ({
      url: '/api/v1/admin/sites',
      payload: { code: `X${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`, name: 'Matrix site' },
    }),
  },
  'PATCH /api/v1/admin/sites/:id': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: (_fx, site) => ({
      url: `/api/v1/admin/sites/${site.siteId}`,
      payload: { name: 'Renamed by matrix' },
    }),
  },
  'GET /api/v1/admin/users': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/admin/users' }),
  },
  'POST /api/v1/admin/users': {
    allowed: admin,
    siteScoped: false,
    ok: 201,
    request: (_fx, site) => ({
      url: '/api/v1/admin/users',
      payload: {
        email: `matrix-${Math.random().toString(36).slice(2)}@test.edc`,
        displayName: 'Matrix User',
        role: 'monitor',
        siteIds: [site.siteId],
        temporaryPassword: 'Temporary-Pass-1',
      },
    }),
  },
  'PATCH /api/v1/admin/users/:id': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: (fx) => ({
      url: `/api/v1/admin/users/${fx.targetUserId}`,
      payload: { displayName: 'Renamed Target', reason: 'matrix' },
    }),
  },
  'POST /api/v1/admin/users/:id/reset-password': {
    allowed: admin,
    siteScoped: false,
    ok: 204,
    request: (fx) => ({
      url: `/api/v1/admin/users/${fx.targetUserId}/reset-password`,
      payload: { temporaryPassword: 'Temporary-Pass-2' },
    }),
  },
  'POST /api/v1/admin/users/:id/unlock': {
    allowed: admin,
    siteScoped: false,
    ok: 204,
    request: (fx) => ({ url: `/api/v1/admin/users/${fx.targetUserId}/unlock` }),
  },
};

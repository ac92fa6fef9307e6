import type { MatrixEntry } from './types';

const everyone = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const;
const admin = ['admin'] as const;

/** The study lifecycle and close-out routes; study-lifecycle.test.ts covers what they do. */
export const closeoutEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/study/status': {
    allowed: everyone,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/study/status' }),
  },
  'GET /api/v1/admin/study/lifecycle': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/admin/study/lifecycle' }),
  },
  'GET /api/v1/admin/study/pre-lock-checks': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/admin/study/pre-lock-checks' }),
  },
  'POST /api/v1/admin/study/:action': {
    allowed: admin,
    siteScoped: false,
    // Reopening entry of an open study is reachable but not possible: the state stays open.
    ok: 409,
    request: () => ({ url: '/api/v1/admin/study/reopen_entry', payload: { reason: 'matrix probe' } }),
  },
};

import { lbpTrial } from '@mini-edc/domain';
import { placeholderStatements } from '../odi-placeholders';
import type { MatrixEntry } from './types';

const admin = ['admin'] as const;
const unknownId = '00000000-0000-4000-8000-000000000000';

/** Protocol amendments (admins only); study-amendments.test.ts covers what they do. */
export const definitionEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/admin/definition/versions': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/admin/definition/versions' }),
  },
  'POST /api/v1/admin/definition/drafts': {
    allowed: admin,
    siteScoped: false,
    ok: 201,
    request: () => ({ url: '/api/v1/admin/definition/drafts', payload: { definition: lbpTrial } }),
  },
  'GET /api/v1/admin/definition/drafts/:id': {
    allowed: admin,
    siteScoped: false,
    // Reachable: an unknown draft is a 404 for the admin, a 403 for everyone else.
    ok: 404,
    request: () => ({ url: `/api/v1/admin/definition/drafts/${unknownId}` }),
  },
  'POST /api/v1/admin/definition/drafts/:id/publish': {
    allowed: admin,
    siteScoped: false,
    ok: 404,
    request: () => ({
      url: `/api/v1/admin/definition/drafts/${unknownId}/publish`,
      payload: { password: 'Correct-Horse-42', reason: 'matrix probe' },
    }),
  },
  'GET /api/v1/instruments/odi/statements': {
    allowed: ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'],
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/instruments/odi/statements' }),
  },
  'PUT /api/v1/admin/instruments/odi/statements': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({
      url: '/api/v1/admin/instruments/odi/statements',
      payload: { statements: placeholderStatements(['en']) },
    }),
  },
};

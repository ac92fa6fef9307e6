import type { MatrixEntry } from './types';

const everyone = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const;
const admin = ['admin'] as const;
const casebookReaders = ['admin', 'coordinator', 'investigator'] as const;
const unknownId = '00000000-0000-4000-8000-000000000000';

/** The study lifecycle and close-out routes; study-lifecycle.test.ts covers what they do. */
export const closeoutEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/study': {
    allowed: everyone,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/study' }),
  },
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
  'POST /api/v1/participants/:id/emergency-unblinding': {
    allowed: ['investigator'],
    siteScoped: true,
    // 409 while the fixture's participant is not randomized yet (the randomize cells run first).
    ok: [201, 409],
    request: (_fx, site) => ({
      url: `/api/v1/participants/${site.participantId}/emergency-unblinding`,
      // The factories' default password (src/seed/factories.ts).
      payload: { reason: 'matrix probe', password: 'Correct-Horse-42' },
    }),
  },
  'GET /api/v1/closeout/allocation-verifications': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/closeout/allocation-verifications' }),
  },
  'POST /api/v1/closeout/allocation-verifications': {
    allowed: admin,
    siteScoped: false,
    // The fixture's study is open: verification comes after lock (allocation-verification.test.ts).
    ok: 409,
    request: (fx) => ({
      url: '/api/v1/closeout/allocation-verifications',
      payload: { listId: fx.listId, seedHex: '00'.repeat(32) },
    }),
  },
  'GET /api/v1/closeout/allocation-verifications/:id/report.html': {
    allowed: admin,
    siteScoped: false,
    ok: 404,
    request: () => ({ url: `/api/v1/closeout/allocation-verifications/${unknownId}/report.html` }),
  },
  'GET /api/v1/closeout/allocation-verifications/:id/report.pdf': {
    allowed: admin,
    siteScoped: false,
    ok: 404,
    request: () => ({ url: `/api/v1/closeout/allocation-verifications/${unknownId}/report.pdf` }),
  },
  'GET /api/v1/closeout/randomization-lists/:listId/allocation-export.json': {
    allowed: admin,
    siteScoped: false,
    ok: 409,
    request: (fx) => ({ url: `/api/v1/closeout/randomization-lists/${fx.listId}/allocation-export.json` }),
  },
  'GET /api/v1/closeout/casebooks/:participantId': {
    allowed: casebookReaders,
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({ url: `/api/v1/closeout/casebooks/${site.participantId}` }),
  },
  'GET /api/v1/closeout/sites/:siteId/casebooks': {
    allowed: casebookReaders,
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({ url: `/api/v1/closeout/sites/${site.siteId}/casebooks` }),
  },
  'GET /api/v1/closeout/files/:id': {
    allowed: casebookReaders,
    siteScoped: false,
    ok: 404,
    request: () => ({ url: `/api/v1/closeout/files/${unknownId}` }),
  },
  'GET /api/v1/closeout/final-bundle': {
    allowed: admin,
    siteScoped: false,
    // The fixture's study is open: the bundle comes after lock (final-bundle.test.ts).
    ok: 409,
    request: () => ({ url: '/api/v1/closeout/final-bundle' }),
  },
};

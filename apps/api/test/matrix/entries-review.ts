import type { MatrixEntry } from './types';

const everyone = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const;
const unblinded = ['admin', 'coordinator', 'investigator', 'monitor'] as const;
const auditors = ['admin', 'monitor'] as const;
const monitor = ['monitor'] as const;

/** The monitor journey (R-MON). Monitors write nothing but queries and SDV marks. */
export const reviewEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/audit': {
    allowed: unblinded,
    siteScoped: false,
    ok: 200,
    request: (_fx, site) => ({ url: `/api/v1/audit?limit=5&participantId=${site.participantId}` }),
  },
  'GET /api/v1/audit/verify': {
    allowed: auditors,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/audit/verify' }),
  },
  'GET /api/v1/audit/export.csv': {
    allowed: auditors,
    siteScoped: false,
    ok: 200,
    request: (_fx, site) => ({ url: `/api/v1/audit/export.csv?participantId=${site.participantId}` }),
  },
  'GET /api/v1/queries': {
    allowed: everyone,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/queries' }),
  },
  'GET /api/v1/queries/counts': {
    allowed: everyone,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/queries/counts' }),
  },
  'POST /api/v1/queries': {
    allowed: ['monitor', 'investigator'],
    siteScoped: true,
    ok: 201,
    request: (_fx, site) => ({
      url: '/api/v1/queries',
      payload: { recordId: site.recordId, field: 'vas_mm', message: 'Matrix: does the source agree?' },
    }),
  },
  'POST /api/v1/queries/:id/answer': {
    allowed: ['coordinator', 'investigator'],
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({
      url: `/api/v1/queries/${site.extras.queryId}/answer`,
      payload: { message: 'Matrix: checked, the source agrees.' },
    }),
  },
  'POST /api/v1/queries/:id/close': {
    allowed: ['monitor', 'investigator'],
    siteScoped: true,
    // The first allowed caller closes the self-check query; closing it again is a conflict.
    ok: [200, 409],
    request: (_fx, site) => ({
      url: `/api/v1/queries/${site.extras.selfCheckQueryId}/close`,
      payload: { message: 'Matrix: resolved.' },
    }),
  },
  'POST /api/v1/queries/:id/reopen': {
    allowed: monitor,
    siteScoped: true,
    // 200 once the query is closed (the close cells run first), 409 if it is still open.
    ok: [200, 409],
    request: (_fx, site) => ({
      url: `/api/v1/queries/${site.extras.selfCheckQueryId}/reopen`,
      payload: { message: 'Matrix: reopened for a second look.' },
    }),
  },
  'POST /api/v1/sdv': {
    allowed: monitor,
    siteScoped: true,
    ok: [200, 201],
    request: (_fx, site) => ({ url: '/api/v1/sdv', payload: { recordId: site.recordId } }),
  },
  // 409 when the record holds no mark in force at that point of the run (nothing to undo).
  'POST /api/v1/sdv/undo': {
    allowed: monitor,
    siteScoped: true,
    ok: [200, 409],
    request: (_fx, site) => ({
      url: '/api/v1/sdv/undo',
      payload: { recordId: site.recordId, reason: 'matrix undo' },
    }),
  },
  'GET /api/v1/participants/:id/review': {
    allowed: unblinded,
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({ url: `/api/v1/participants/${site.participantId}/review` }),
  },
  'GET /api/v1/dashboard': {
    allowed: everyone,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/dashboard' }),
  },
  'GET /api/v1/dashboard/consort.svg': {
    allowed: everyone,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/dashboard/consort.svg' }),
  },
};

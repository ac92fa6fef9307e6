import type { MatrixEntry } from './types';

const everyone = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const;
const siteStaff = ['coordinator', 'investigator'] as const;

/** Visit, scores, signature, lock and history routes. Randomize cells run before these. */
export const visitEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/worklist': {
    allowed: everyone,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/worklist' }),
  },
  'GET /api/v1/record-grid': {
    allowed: ['coordinator', 'investigator', 'monitor'],
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/record-grid' }),
  },
  'PUT /api/v1/participants/:id/visits/:visitCode': {
    allowed: siteStaff,
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({
      url: `/api/v1/participants/${site.participantId}/visits/W1`,
      payload: { status: 'missed', missedReason: 'matrix: patient unreachable' },
    }),
  },
  'GET /api/v1/participants/:id/scores': {
    allowed: everyone,
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({ url: `/api/v1/participants/${site.participantId}/scores` }),
  },
  'POST /api/v1/participants/:id/visits/:visitCode/sign': {
    allowed: ['investigator'],
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({
      url: `/api/v1/participants/${site.participantId}/visits/SCR/sign`,
      payload: { password: 'Correct-Horse-42' },
    }),
  },
  'POST /api/v1/records/:recordId/lock': {
    allowed: ['admin'],
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({ url: `/api/v1/records/${site.extras.demographicsRecordId}/lock` }),
  },
  'GET /api/v1/records/:recordId/history': {
    allowed: everyone,
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({ url: `/api/v1/records/${site.recordId}/history` }),
  },
};

import { allEligible, vasData } from '../journey-helpers';
import { closeoutEntries } from './entries-closeout';
import { definitionEntries } from './entries-definition';
import { exportEntries } from './entries-exports';
import { reviewEntries } from './entries-review';
import { visitEntries } from './entries-visits';
import type { MatrixEntry } from './types';

export type { MatrixEntry, Method } from './types';

const everyone = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const;
const admin = ['admin'] as const;
const siteStaff = ['coordinator', 'investigator'] as const;
const dataEntry = ['coordinator', 'investigator', 'assessor'] as const;

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
    // Public: without a session it answers 200 {user: null} (docs/architecture.md, "Web delivery").
    allowed: 'public',
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
  'GET /api/v1/admin/backup-status': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/admin/backup-status' }),
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
    // One code, so the list import below (which must cover every site's stratum) knows it.
    ok: 201,
    request: () => ({
      url: '/api/v1/admin/sites',
      payload: { code: 'X01', name: 'Matrix site' },
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

  'GET /api/v1/participants': {
    allowed: everyone,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/participants' }),
  },
  'POST /api/v1/participants': {
    allowed: siteStaff,
    siteScoped: true,
    ok: 201,
    request: (_fx, site) => ({
      url: '/api/v1/participants',
      payload: { siteId: site.siteId, screenedAt: '2026-01-05' },
    }),
  },
  'GET /api/v1/participants/:id': {
    allowed: everyone,
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({ url: `/api/v1/participants/${site.participantId}` }),
  },
  'PUT /api/v1/participants/:id/eligibility': {
    allowed: siteStaff,
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({
      url: `/api/v1/participants/${site.participantId}/eligibility`,
      payload: { answers: allEligible, reason: 'matrix re-confirmation' },
    }),
  },
  'PUT /api/v1/participants/:id/visits/:visitCode/forms/:formCode': {
    allowed: dataEntry,
    siteScoped: true,
    ok: 200,
    request: (_fx, site) => ({
      url: `/api/v1/participants/${site.participantId}/visits/BL/forms/vas`,
      payload: { data: vasData(40), status: 'complete', reason: 'matrix correction' },
    }),
  },
  // The matrix participant is randomized: an allowed caller reaches the lifecycle refusal.
  'POST /api/v1/participants/:id/close-screening': {
    allowed: siteStaff,
    siteScoped: true,
    ok: 409,
    request: (_fx, site) => ({
      url: `/api/v1/participants/${site.participantId}/close-screening`,
      payload: { reason: 'matrix close attempt' },
    }),
  },
  'POST /api/v1/participants/:id/randomize': {
    allowed: siteStaff,
    siteScoped: true,
    ok: [200, 201],
    request: (_fx, site) => ({ url: `/api/v1/participants/${site.participantId}/randomize` }),
  },
  'GET /api/v1/admin/randomization-lists': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({ url: '/api/v1/admin/randomization-lists' }),
  },
  'POST /api/v1/admin/randomization-lists/generate': {
    allowed: admin,
    siteScoped: false,
    ok: 201,
    request: () => ({
      url: '/api/v1/admin/randomization-lists/generate',
      // The fixture's list is in use: this is a correction, with a reason and the password.
      payload: { name: 'Matrix generated', reason: 'matrix correction', password: 'Correct-Horse-42' },
    }),
  },
  'POST /api/v1/admin/randomization-lists/preview': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: () => ({
      url: '/api/v1/admin/randomization-lists/preview',
      payload: { method: 'generated' },
    }),
  },
  'POST /api/v1/admin/randomization-lists/import': {
    allowed: admin,
    siteScoped: false,
    ok: 201,
    request: () => ({
      url: '/api/v1/admin/randomization-lists/import',
      payload: {
        name: 'Matrix imported',
        reason: 'matrix correction',
        password: 'Correct-Horse-42',
        // Every stratum: the two fixture sites and the one the site route above created.
        csv: ['M01', 'M02', 'X01']
          .map((s) => `${s},1,TLF_MOB,1,2\n${s},2,US_D5W,1,2\n`)
          .join('')
          .replace(/^/, 'stratum,seq,arm,block_no,block_size\n'),
      },
    }),
  },
  'GET /api/v1/admin/randomization-lists/:id/allocations': {
    allowed: admin,
    siteScoped: false,
    ok: 200,
    request: (fx) => ({ url: `/api/v1/admin/randomization-lists/${fx.listId}/allocations` }),
  },
  ...visitEntries,
  ...reviewEntries,
  ...exportEntries,
  ...closeoutEntries,
  ...definitionEntries,
};

import type { MatrixEntry } from './types';

const everyone = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const;

/**
 * Exports cover the caller's own sites (scope in SQL), so they are not site-scoped resources:
 * every role gets 200, and export-roles.test.ts checks what each file contains.
 */
const file = (url: string): MatrixEntry => ({
  allowed: everyone,
  siteScoped: false,
  ok: 200,
  request: () => ({ url }),
});

export const exportEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/exports/wide.csv': file('/api/v1/exports/wide.csv'),
  'GET /api/v1/exports/long.csv': file('/api/v1/exports/long.csv'),
  'GET /api/v1/exports/dictionary.csv': file('/api/v1/exports/dictionary.csv'),
  'GET /api/v1/exports/dictionary.md': file('/api/v1/exports/dictionary.md'),
  'GET /api/v1/exports/odm.xml': file('/api/v1/exports/odm.xml'),
  'GET /api/v1/exports/:exportId/manifest': {
    allowed: everyone,
    siteScoped: false,
    // The fixture holds no export (its request builder cannot make one), so an allowed caller
    // reaches the route and gets the 404 of an unknown export; export-manifest.test.ts covers 200.
    ok: 404,
    request: () => ({ url: '/api/v1/exports/00000000-0000-4000-8000-000000000000/manifest' }),
  },
};

import { DomainError } from '@mini-edc/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * A path that could reach outside a served folder (docs/security.md): a `.` or `..` segment, a
 * backslash, a NUL, or a separator or dot that is percent-encoded (once or twice), or one that
 * does not decode. The static file servers resolve paths themselves; this refuses such a path
 * before any of them sees it, so every static path answers 404 for it, never 403 or 500.
 */
function escapesFolder(rawPath: string): boolean {
  if (/%(25)*(2e|2f|5c|00)|\\|\0/i.test(rawPath)) return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return true;
  }
  return decoded.split('/').some((segment) => segment === '.' || segment === '..');
}

/**
 * Whether an unknown GET path may be answered with the single-page app's index.html: a path its
 * router could own, i.e. one that is not a file (no extension) and not under /assets.
 */
export function isClientRoute(path: string): boolean {
  if (escapesFolder(path) || path.startsWith('/assets/')) return false;
  const last = path.split('/').pop() ?? '';
  return !last.includes('.');
}

export const staticGuardPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request) => {
      const path = request.url.split('?')[0] ?? '';
      if (!path.startsWith('/api/') && escapesFolder(path)) {
        throw new DomainError('NOT_FOUND', 'PATH_NOT_FOUND');
      }
    });
  },
  { name: 'static-guard' },
);

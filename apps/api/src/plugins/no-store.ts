import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Participant data must not stay in a browser's or a proxy's cache after the session ends (OWASP
 * ASVS V8.2.1, docs/security.md): every API answer (JSON, CSV and XML exports, errors) and every
 * JSON answer outside the API (error envelopes) says `Cache-Control: no-store`. The web app's
 * static files keep their own caching.
 */
export const noStorePlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (request.url.startsWith('/api/') || type.startsWith('application/json')) {
        reply.header('cache-control', 'no-store');
      }
      return payload;
    });
  },
  { name: 'no-store' },
);

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { clip, errorBody } from './errors';
import { isClientRoute } from './static-guard';

/**
 * Serves the built single-page app when `root` holds one, so one process and one port run
 * everything. Unknown GET paths outside /api and /docs that the client-side router could own get
 * index.html (not files, not /assets: static-guard.ts); every other unknown route is a JSON 404.
 */
export const webAppPlugin = fp(
  async (app: FastifyInstance, opts: { root: string | null }) => {
    const spa = opts.root !== null && existsSync(join(opts.root, 'index.html'));
    if (opts.root !== null && !spa)
      app.log.warn({ root: opts.root }, 'web app not built; serving the API only');
    if (spa && opts.root) {
      await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: false });
    }
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (
        spa &&
        request.method === 'GET' &&
        !path.startsWith('/api/') &&
        !path.startsWith('/docs') &&
        isClientRoute(path)
      ) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.status(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${clip(path, 120)}`));
    });
  },
  { name: 'web-app' },
);

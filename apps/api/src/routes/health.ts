import { errorBodySchema, healthSchema } from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability (503 when the database is down)',
        response: { 200: healthSchema, 503: healthSchema, 500: errorBodySchema },
      },
      config: { access: { public: true } },
    },
    async (_request, reply) => {
      let reachable = true;
      try {
        await app.db.ping();
      } catch {
        reachable = false;
      }
      return reply.status(reachable ? 200 : 503).send({
        status: reachable ? 'ok' : 'degraded',
        database: { reachable, engine: app.db.kind },
        study: { id: app.study.nctId, name: app.study.name },
        version: '0.1.0',
      });
    },
  );
};

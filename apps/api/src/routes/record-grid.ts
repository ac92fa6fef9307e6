import { recordGridQuerySchema, recordGridSchema } from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requires } from '../auth/route-access';
import { currentUser } from '../plugins/auth';
import { recordGrid } from '../services/record-grid';
import { errorResponses, serviceEnv } from './route-common';

/** The record status grid of the daily work screen (docs/requirements.md R-MON-2, R-BLIND-2). */
export const recordGridRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/record-grid',
    {
      schema: {
        tags: ['visits and records'],
        summary: 'Participants × visits × forms of your sites, each with its record status',
        querystring: recordGridQuerySchema,
        response: { 200: recordGridSchema, ...errorResponses },
      },
      config: requires('use_record_grid'),
    },
    async (request) => recordGrid(serviceEnv(app), currentUser(request), request.query.siteId),
  );
};

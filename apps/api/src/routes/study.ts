import { studyVersionSchema } from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, roleGroups } from './route-common';

/**
 * The study definition the server works with, current version (R-DEF-2): the web app draws its
 * forms, visits, criteria and labels from it, so both always agree (including a configured
 * enrollment cap).
 */
export const studyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/study',
    {
      schema: {
        tags: ['study definition'],
        summary: 'The current version of the study definition',
        response: { 200: studyVersionSchema, ...errorResponses },
      },
      config: { access: { roles: roleGroups.everyone } },
    },
    async () => ({ ...app.studyVersion, definition: app.study }),
  );
};

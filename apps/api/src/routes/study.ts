import { blindViewFor, definitionFor, studyVersionSchema } from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requires } from '../auth/route-access';
import { currentUser } from '../plugins/auth';
import { currentDefinition, currentDefinitionVersion } from '../services/study-definitions';
import { errorResponses } from './route-common';

/**
 * The study definition the server works with, current version (R-DEF-2): the web app draws its
 * forms, visits, criteria and labels from it, so both always agree (including a configured
 * enrollment cap) and, with the study's time zone, checks its date rules on the server's clock. A blinded viewer gets the definition without what would tell an arm
 * (docs/architecture.md "Access and blinding").
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
      config: requires('read_participants'),
    },
    async (request) => {
      // Another process may have published an amendment: the web asks here, so this process
      // takes the newer version before answering (one small query when nothing changed).
      if ((await currentDefinitionVersion(app.db.db)) > app.studyVersion.version) {
        const stored = await currentDefinition(app.db.db);
        if (stored) app.useStudyVersion(stored);
      }
      return {
        ...app.studyVersion,
        timeZone: app.config.EDC_STUDY_TIMEZONE,
        definition: definitionFor(blindViewFor(currentUser(request), app.study), app.study),
      };
    },
  );
};

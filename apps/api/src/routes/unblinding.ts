import {
  emergencyUnblindingRequestSchema,
  emergencyUnblindingSchema,
  participantParamsSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requires } from '../auth/route-access';
import { actingOf } from '../plugins/auth';
import { emergencyUnblind } from '../services/unblinding';
import { errorResponses, passwordServiceEnv } from './route-common';

/**
 * Emergency unblinding of one participant (R-BLIND-4, docs/closeout.md "Unblinding"). The
 * study-wide release after lock is a lifecycle step (POST /admin/study/release_allocation).
 */
export const unblindingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/participants/:id/emergency-unblinding',
    {
      schema: {
        tags: ['unblinding'],
        summary:
          'Investigators of the site, before lock: reveal one participant’s arm with a reason and the password again',
        params: participantParamsSchema,
        body: emergencyUnblindingRequestSchema,
        response: { 201: emergencyUnblindingSchema, ...errorResponses, 423: errorResponses[409] },
      },
      config: requires('emergency_unblind'),
    },
    async (request, reply) => {
      const result = await emergencyUnblind(passwordServiceEnv(app), {
        ...actingOf(request),
        participantId: request.params.id,
        input: request.body,
      });
      return reply.code(201).send(result);
    },
  );
};

import {
  participantParamsSchema,
  participantReviewSchema,
  sdvRequestSchema,
  sdvResponseSchema,
  sdvUndoRequestSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requires } from '../auth/route-access';
import { actingOf, currentUser } from '../plugins/auth';
import { participantReview } from '../services/record-review';
import { markSdv, undoSdv } from '../services/sdv';
import { reviewErrors as errors } from './review-errors';
import { serviceEnv } from './route-common';

/** Source data verification and the per-record review state. */
export const sdvRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/sdv',
    {
      schema: {
        tags: ['sdv'],
        summary: 'Mark a record, or every completed record of a visit, as source-verified (monitor)',
        body: sdvRequestSchema,
        response: { 200: sdvResponseSchema, 201: sdvResponseSchema, ...errors },
      },
      config: requires('verify_source'),
    },
    async (request, reply) => {
      const result = await markSdv(serviceEnv(app), { ...actingOf(request), input: request.body });
      return reply.status(result.created > 0 ? 201 : 200).send(result);
    },
  );

  app.post(
    '/sdv/undo',
    {
      schema: {
        tags: ['sdv'],
        summary: "Undo a record's source verification with a reason (monitor; audited)",
        body: sdvUndoRequestSchema,
        response: { 200: sdvResponseSchema, ...errors },
      },
      config: requires('undo_source_verification'),
    },
    async (request) =>
      undoSdv(serviceEnv(app), { ...actingOf(request, request.body.reason), input: request.body }),
  );

  app.get(
    '/participants/:id/review',
    {
      schema: {
        tags: ['sdv', 'participants'],
        summary: 'Per record: SDV mark (or cleared, with reason), unresolved queries, signature',
        params: participantParamsSchema,
        response: { 200: participantReviewSchema, ...errors },
      },
      config: requires('read_review_state'),
    },
    async (request) => participantReview(serviceEnv(app), currentUser(request), request.params.id),
  );
};

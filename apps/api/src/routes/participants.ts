import {
  can,
  closeScreeningRequestSchema,
  createParticipantRequestSchema,
  eligibilityRequestSchema,
  eligibilityResultSchema,
  formParamsSchema,
  formRecordSchema,
  participantDetailBlindedSchema,
  participantDetailSchema,
  participantListQuerySchema,
  participantParamsSchema,
  participantSummaryBlindedSchema,
  participantSummarySchema,
  randomizeResponseSchema,
  saveFormRequestSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { actingOf, currentUser } from '../plugins/auth';
import { saveForm } from '../services/forms';
import {
  createParticipant,
  getParticipant,
  listParticipants,
  submitEligibility,
} from '../services/participants';
import { randomize } from '../services/randomization';
import { closeScreening } from '../services/screening-close';
import { errorResponses, serviceEnv } from './route-common';

const errors = errorResponses;

/** Screening, consent, baseline and follow-up forms, randomization (issues 4 and 5). */
export const participantRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['participants'];

  app.get(
    '/participants',
    {
      schema: {
        tags,
        summary: 'Participants at your sites (no arm for assessors)',
        querystring: participantListQuerySchema,
        response: {
          200: z.union([z.array(participantSummarySchema), z.array(participantSummaryBlindedSchema)]),
          ...errors,
        },
      },
      config: requires('read_participants'),
    },
    async (request) => {
      const user = currentUser(request);
      const list = await listParticipants(serviceEnv(app), user, request.query);
      // The blinded schema has no allocation field: parsing drops it.
      return can(user, 'see_allocation') ? list : z.array(participantSummaryBlindedSchema).parse(list);
    },
  );

  app.post(
    '/participants',
    {
      schema: {
        tags,
        summary: 'Register a patient for screening at one of your sites',
        body: createParticipantRequestSchema,
        response: { 201: participantDetailSchema, ...errors },
      },
      config: requires('register_participants'),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createParticipant(serviceEnv(app), { ...actingOf(request), input: request.body })),
  );

  app.get(
    '/participants/:id',
    {
      schema: {
        tags,
        params: participantParamsSchema,
        response: { 200: z.union([participantDetailSchema, participantDetailBlindedSchema]), ...errors },
      },
      config: requires('read_participants'),
    },
    async (request) => {
      const user = currentUser(request);
      const detail = await getParticipant(serviceEnv(app), user, request.params.id);
      return can(user, 'see_allocation') ? detail : participantDetailBlindedSchema.parse(detail);
    },
  );

  app.put(
    '/participants/:id/eligibility',
    {
      schema: {
        tags,
        summary: 'Answer every eligibility criterion; the system decides and names failing criteria',
        params: participantParamsSchema,
        body: eligibilityRequestSchema,
        response: { 200: eligibilityResultSchema, ...errors },
      },
      config: requires('register_participants'),
    },
    async (request) => {
      const result = await submitEligibility(serviceEnv(app), {
        ...actingOf(request, request.body.reason),
        participantId: request.params.id,
        input: request.body,
      });
      return { ...result, participant: participantSummaryBlindedSchema.parse(result.participant) };
    },
  );

  app.post(
    '/participants/:id/close-screening',
    {
      schema: {
        tags,
        summary: 'Close an abandoned screening with a reason (reported as such on CONSORT)',
        params: participantParamsSchema,
        body: closeScreeningRequestSchema,
        response: { 200: z.union([participantDetailSchema, participantDetailBlindedSchema]), ...errors },
      },
      config: requires('register_participants'),
    },
    async (request) => {
      const acting = actingOf(request, request.body.reason);
      const detail = await closeScreening(serviceEnv(app), {
        ...acting,
        participantId: request.params.id,
        reason: request.body.reason,
      });
      return can(acting.user, 'see_allocation') ? detail : participantDetailBlindedSchema.parse(detail);
    },
  );

  app.put(
    '/participants/:id/visits/:visitCode/forms/:formCode',
    {
      schema: {
        tags,
        summary: 'Save an eCRF (draft or complete); corrections of completed records need a reason',
        params: formParamsSchema,
        body: saveFormRequestSchema,
        response: { 200: formRecordSchema, ...errors },
      },
      config: requires('enter_forms'),
    },
    async (request) => {
      const { id, visitCode, formCode } = request.params;
      return saveForm(serviceEnv(app), {
        ...actingOf(request, request.body.reason),
        participantId: id,
        visitCode,
        formCode,
        input: request.body,
      });
    },
  );

  app.post(
    '/participants/:id/randomize',
    {
      schema: {
        tags,
        summary: 'Randomize once; a repeated call returns the same allocation (200)',
        params: participantParamsSchema,
        response: { 200: randomizeResponseSchema, 201: randomizeResponseSchema, ...errors },
      },
      config: requires('randomize'),
    },
    async (request, reply) => {
      const result = await randomize(serviceEnv(app), {
        ...actingOf(request),
        participantId: request.params.id,
      });
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
};

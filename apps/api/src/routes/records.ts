import {
  can,
  errorBodySchema,
  lockRecordResponseSchema,
  participantParamsSchema,
  recordHistorySchema,
  recordParamsSchema,
  scoresBlindedResponseSchema,
  scoresResponseSchema,
  signVisitRequestSchema,
  signVisitResponseSchema,
  updateVisitRequestSchema,
  visitParamsSchema,
  visitRecordSchema,
  worklistItemSchema,
  worklistQuerySchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { actingOf, currentUser } from '../plugins/auth';
import { participantScores, recordHistory } from '../services/records';
import { lockRecord, signVisit } from '../services/signatures';
import { updateVisit, worklist } from '../services/visits';
import { errorResponses, passwordServiceEnv, serviceEnv } from './route-common';

const errors = errorResponses;

/** Visit schedule, scores over time, record history, signatures and locks (R-VISIT-1, R-REC-1). */
export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['visits and records'];

  app.get(
    '/worklist',
    {
      schema: {
        tags,
        summary: 'Due and overdue visits at your sites',
        querystring: worklistQuerySchema,
        response: { 200: z.array(worklistItemSchema), ...errors },
      },
      config: requires('read_participants'),
    },
    async (request) => worklist(serviceEnv(app), currentUser(request), request.query.siteId),
  );

  app.put(
    '/participants/:id/visits/:visitCode',
    {
      schema: {
        tags,
        summary: 'Mark a visit done (with its date; outside the window needs a reason) or missed',
        params: visitParamsSchema,
        body: updateVisitRequestSchema,
        response: { 200: visitRecordSchema, ...errors },
      },
      config: requires('record_visits'),
    },
    async (request) =>
      updateVisit(serviceEnv(app), {
        ...actingOf(request),
        participantId: request.params.id,
        visitCode: request.params.visitCode,
        input: request.body,
      }),
  );

  app.get(
    '/participants/:id/scores',
    {
      schema: {
        tags,
        summary:
          'VAS and ODI over time with change from baseline and MCID (blinded assessors: follow-up values only)',
        params: participantParamsSchema,
        response: { 200: z.union([scoresResponseSchema, scoresBlindedResponseSchema]), ...errors },
      },
      config: requires('read_participants'),
    },
    async (request) => {
      const user = currentUser(request);
      const scores = await participantScores(serviceEnv(app), user, request.params.id);
      // The blinded schema has no baseline, change or MCID field: parsing drops any.
      return can(user, 'see_outcome_comparison') ? scores : scoresBlindedResponseSchema.parse(scores);
    },
  );

  app.post(
    '/participants/:id/visits/:visitCode/sign',
    {
      schema: {
        tags,
        summary: 'Sign every completed record of a visit; the password is confirmed again (21 CFR 11.200)',
        params: visitParamsSchema,
        body: signVisitRequestSchema,
        response: { 200: signVisitResponseSchema, ...errors, 429: errorBodySchema },
      },
      config: requires('sign_records'),
      preHandler: app.passwordRateLimit,
    },
    async (request) =>
      signVisit(passwordServiceEnv(app), {
        ...actingOf(request),
        participantId: request.params.id,
        visitCode: request.params.visitCode,
        password: request.body.password,
      }),
  );

  app.post(
    '/records/:recordId/lock',
    {
      schema: {
        tags,
        summary: 'Lock a record; it can never change again',
        params: recordParamsSchema,
        response: { 200: lockRecordResponseSchema, ...errors },
      },
      config: requires('lock_records'),
    },
    async (request) =>
      lockRecord(serviceEnv(app), { ...actingOf(request), recordId: request.params.recordId }),
  );

  app.get(
    '/records/:recordId/history',
    {
      schema: {
        tags,
        summary: 'Every version of a record, and its signatures',
        params: recordParamsSchema,
        response: { 200: recordHistorySchema, ...errors },
      },
      config: requires('read_participants'),
    },
    async (request) => recordHistory(serviceEnv(app), currentUser(request), request.params.recordId),
  );
};

import {
  closeQueryRequestSchema,
  createQueryRequestSchema,
  dataQuerySchema,
  queryCountsSchema,
  queryListQuerySchema,
  queryMessageRequestSchema,
  queryParamsSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { actingOf, currentUser } from '../plugins/auth';
import { createQuery, listQueries, queryCounts, stepQuery } from '../services/queries';
import { reviewErrors as errors } from './review-errors';
import { serviceEnv } from './route-common';

/** Data queries: open, answer, close, reopen; lists and counts (R-MON-1). */
export const dataQueryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['queries'];

  app.get(
    '/queries',
    {
      schema: {
        tags,
        summary: 'Queries at your sites (assessors: on VAS and ODI records only)',
        querystring: queryListQuerySchema,
        response: { 200: z.array(dataQuerySchema), ...errors },
      },
      config: requires('read_queries'),
    },
    async (request) => listQueries(serviceEnv(app), currentUser(request), request.query),
  );

  app.get(
    '/queries/counts',
    {
      schema: {
        tags,
        summary: 'Unresolved (open and answered) queries per participant and per site',
        response: { 200: queryCountsSchema, ...errors },
      },
      config: requires('read_queries'),
    },
    async (request) => queryCounts(serviceEnv(app), currentUser(request)),
  );

  app.post(
    '/queries',
    {
      schema: {
        tags,
        summary: 'Open a query on one field of a record (monitor; investigator as a self-check)',
        body: createQueryRequestSchema,
        response: { 201: dataQuerySchema, ...errors },
      },
      config: requires(['raise_query', 'raise_self_check']),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createQuery(serviceEnv(app), { ...actingOf(request), input: request.body })),
  );

  app.post(
    '/queries/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer a query (site staff); a correction itself goes through the form save',
        params: queryParamsSchema,
        body: queryMessageRequestSchema,
        response: { 200: dataQuerySchema, ...errors },
      },
      config: requires('answer_query'),
    },
    async (request) =>
      stepQuery(serviceEnv(app), {
        ...actingOf(request),
        queryId: request.params.id,
        step: 'answer',
        message: request.body.message,
      }),
  );

  app.post(
    '/queries/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a query (monitor; an investigator closes their own self-check queries)',
        params: queryParamsSchema,
        body: closeQueryRequestSchema,
        response: { 200: dataQuerySchema, ...errors },
      },
      config: requires(['close_query', 'close_own_self_check']),
    },
    async (request) =>
      stepQuery(serviceEnv(app), {
        ...actingOf(request),
        queryId: request.params.id,
        step: 'close',
        message: request.body.message,
      }),
  );

  app.post(
    '/queries/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed query, saying why (monitor)',
        params: queryParamsSchema,
        body: queryMessageRequestSchema,
        response: { 200: dataQuerySchema, ...errors },
      },
      config: requires('reopen_query'),
    },
    async (request) =>
      stepQuery(serviceEnv(app), {
        ...actingOf(request),
        queryId: request.params.id,
        step: 'reopen',
        message: request.body.message,
      }),
  );
};

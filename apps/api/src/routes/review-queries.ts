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
import { auditContext, currentUser } from '../plugins/auth';
import { createQuery, listQueries, queryCounts, stepQuery } from '../services/queries';
import { reviewErrors as errors } from './review-errors';

/** Data queries: open, answer, close, reopen; lists and counts (R-MON-1). */
export const dataQueryRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = () => ({ db: app.db.db, study: app.study, timeZone: app.config.EDC_STUDY_TIMEZONE });
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
    async (request) => listQueries(env(), currentUser(request), request.query),
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
    async (request) => queryCounts(env(), currentUser(request)),
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
        .send(await createQuery(env(), currentUser(request), auditContext(request), request.body)),
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
      stepQuery(
        env(),
        currentUser(request),
        auditContext(request),
        request.params.id,
        'answer',
        request.body.message,
      ),
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
      stepQuery(
        env(),
        currentUser(request),
        auditContext(request),
        request.params.id,
        'close',
        request.body.message,
      ),
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
      stepQuery(
        env(),
        currentUser(request),
        auditContext(request),
        request.params.id,
        'reopen',
        request.body.message,
      ),
  );
};

import {
  assignedSlotSchema,
  errorBodySchema,
  generateListRequestSchema,
  generateListResponseSchema,
  idParamsSchema,
  importListRequestSchema,
  randomizationListSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { auditContext } from '../plugins/auth';
import { assignedSlots, generateList, importList, listRandomizationLists } from '../services/randomization';
import { serviceEnv } from './route-common';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const adminOnly = requires('manage_randomization_lists');

/** Randomization lists (protocol §4.2-4.3). Unassigned slots never leave the server. */
export const randomizationListRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['randomization'];

  app.get(
    '/admin/randomization-lists',
    { schema: { tags, response: { 200: z.array(randomizationListSchema), ...errors } }, config: adminOnly },
    async () => listRandomizationLists(serviceEnv(app)),
  );
  app.post(
    '/admin/randomization-lists/generate',
    {
      schema: {
        tags,
        summary: 'Generate a stratified permuted-block list; the seed is shown once',
        body: generateListRequestSchema,
        response: { 201: generateListResponseSchema, ...errors },
      },
      config: adminOnly,
    },
    async (request, reply) =>
      reply
        .status(201)
        // The seed reproduces the whole list: no cache, proxy or browser may keep a copy (R-RAND-4).
        .header('cache-control', 'no-store')
        .send(
          await generateList(
            serviceEnv(app),
            auditContext(request, 'randomization list generated'),
            request.body.name,
          ),
        ),
  );
  app.post(
    '/admin/randomization-lists/import',
    {
      schema: {
        tags,
        summary:
          "Import a statistician's list (CSV: stratum, seq, arm, block_no, optional block_size); every stratum, balanced blocks",
        body: importListRequestSchema,
        response: { 201: randomizationListSchema, ...errors },
      },
      config: adminOnly,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await importList(
            serviceEnv(app),
            auditContext(request, 'randomization list imported'),
            request.body.name,
            request.body.csv,
          ),
        ),
  );
  app.get(
    '/admin/randomization-lists/:id/allocations',
    {
      schema: {
        tags,
        summary: 'Assigned slots only',
        params: idParamsSchema,
        response: { 200: z.array(assignedSlotSchema), ...errors },
      },
      config: adminOnly,
    },
    async (request) => assignedSlots(serviceEnv(app), request.params.id),
  );
};

import {
  assignedSlotSchema,
  errorBodySchema,
  generateListRequestSchema,
  generateListResponseSchema,
  idParamsSchema,
  importListRequestSchema,
  listChangePreviewRequestSchema,
  listChangePreviewSchema,
  randomizationListSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { auditContext, currentUser } from '../plugins/auth';
import {
  assignedSlots,
  generateList,
  importList,
  listRandomizationLists,
  previewListChange,
} from '../services/randomization-lists';
import { passwordServiceEnv, serviceEnv } from './route-common';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const adminOnly = requires('manage_randomization_lists');

/** Randomization lists (protocol §4.2-4.3). Unassigned slots never leave the server. */
export const randomizationListRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['randomization'];
  // A correction of the list in use asks for the password again (R-RAND-5).
  const changeEnv = (request: Parameters<typeof currentUser>[0]) => ({
    ...passwordServiceEnv(app),
    user: currentUser(request),
  });

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
        summary:
          'Generate a stratified permuted-block list; the seed is shown once. With a list in use, its slots are appended (reason and password required)',
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
          await generateList(changeEnv(request), {
            ctx: auditContext(request, 'randomization list generated'),
            name: request.body.name,
            input: request.body,
          }),
        ),
  );
  app.post(
    '/admin/randomization-lists/import',
    {
      schema: {
        tags,
        summary:
          "Import a statistician's list (CSV: stratum, seq, arm, block_no, optional block_size); every stratum, balanced blocks. With a list in use, appended (reason and password required)",
        body: importListRequestSchema,
        response: { 201: randomizationListSchema, ...errors },
      },
      config: adminOnly,
    },
    async (request, reply) =>
      reply.status(201).send(
        await importList(changeEnv(request), {
          ctx: auditContext(request, 'randomization list imported'),
          name: request.body.name,
          csv: request.body.csv,
          input: request.body,
        }),
      ),
  );
  app.post(
    '/admin/randomization-lists/preview',
    {
      schema: {
        tags,
        summary:
          'What generating or importing a list would change: per stratum, slots used, remaining and appended, strata added',
        body: listChangePreviewRequestSchema,
        response: { 200: listChangePreviewSchema, ...errors },
      },
      config: adminOnly,
    },
    async (request) => previewListChange(serviceEnv(app), request.body),
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

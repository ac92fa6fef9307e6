import { Readable } from 'node:stream';
import { errorBodySchema } from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { actingOf } from '../plugins/auth';
import { finalBundle } from '../services/final-bundle';
import { errorResponses, serviceEnv } from './route-common';

const errors = { ...errorResponses, 423: errorBodySchema };

/** The final export bundle after lock (docs/closeout.md). */
export const closeoutBundleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/closeout/final-bundle',
    {
      schema: {
        tags: ['close-out'],
        summary:
          'ZIP: wide and long CSV, dictionary, ODM with audit, allocation verification report, manifest with every SHA-256 and the audit heads at lock',
        response: {
          200: z.custom<Readable>((v) => v instanceof Readable).describe('application/zip'),
          ...errors,
        },
      },
      config: requires('manage_study'),
    },
    async (request, reply) => {
      const bundle = await finalBundle(serviceEnv(app), { ...actingOf(request), log: request.log });
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${bundle.fileName}"`)
        .header('x-closeout-file-id', bundle.id)
        .header('cache-control', 'no-store')
        .send(bundle.stream);
    },
  );
};

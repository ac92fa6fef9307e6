import { Readable } from 'node:stream';
import {
  casebookQuerySchema,
  closeoutFileSchema,
  errorBodySchema,
  idParamsSchema,
  participantIdParamsSchema,
  siteIdParamsSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { actingOf, currentUser } from '../plugins/auth';
import {
  type CasebookOptions,
  checkAsOf,
  closeoutFileManifest,
  participantCasebook,
  siteCasebookArchive,
} from '../services/casebooks';
import type { AuthUser } from '../services/sessions';
import { errorResponses, serviceEnv } from './route-common';

const errors = { ...errorResponses, 423: errorBodySchema };
// The sites keep their participants' casebooks (ICH E6): their staff and the admins.
const casebookReaders = requires('read_casebooks');

function optionsOf(query: z.infer<typeof casebookQuerySchema>, user: AuthUser): CasebookOptions {
  return {
    asOf: checkAsOf(query.asOf ? new Date(query.asOf) : undefined),
    language: query.lang ?? user.locale,
  };
}

/** Casebooks for the sites (docs/closeout.md). */
export const closeoutCasebookRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['close-out'];

  app.get(
    '/closeout/casebooks/:participantId',
    {
      schema: {
        tags,
        summary: "A participant's casebook (PDF) as of a time; its SHA-256 in x-content-sha256",
        params: participantIdParamsSchema,
        querystring: casebookQuerySchema,
        response: { 200: z.instanceof(Buffer).describe('application/pdf'), ...errors },
      },
      config: casebookReaders,
    },
    async (request, reply) => {
      const acting = actingOf(request);
      const book = await participantCasebook(serviceEnv(app), {
        ...acting,
        participantId: request.params.participantId,
        options: optionsOf(request.query, acting.user),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${book.fileName}"`)
        .header('x-content-sha256', book.sha256)
        .header('x-closeout-file-id', book.id)
        .header('cache-control', 'no-store')
        .send(book.pdf);
    },
  );
  app.get(
    '/closeout/sites/:siteId/casebooks',
    {
      schema: {
        tags,
        summary:
          "One site's casebooks as a streamed ZIP with manifest.json (file SHA-256 at /closeout/files/:id)",
        params: siteIdParamsSchema,
        querystring: casebookQuerySchema,
        response: {
          200: z.custom<Readable>((v) => v instanceof Readable).describe('application/zip'),
          ...errors,
        },
      },
      config: casebookReaders,
    },
    async (request, reply) => {
      const acting = actingOf(request);
      const archive = await siteCasebookArchive(serviceEnv(app), {
        ...acting,
        siteId: request.params.siteId,
        options: optionsOf(request.query, acting.user),
        log: request.log,
      });
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${archive.fileName}"`)
        .header('x-closeout-file-id', archive.id)
        .header('cache-control', 'no-store')
        .send(archive.stream);
    },
  );
  app.get(
    '/closeout/files/:id',
    {
      schema: {
        tags,
        summary: 'A close-out file: who made it, when, its SHA-256 and manifest',
        params: idParamsSchema,
        response: { 200: closeoutFileSchema, ...errors },
      },
      config: casebookReaders,
    },
    async (request) => closeoutFileManifest(app.db.db, currentUser(request), request.params.id),
  );
};

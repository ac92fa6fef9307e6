import { Readable } from 'node:stream';
import {
  type ExportFormat,
  errorBodySchema,
  exportFormats,
  exportManifestSchema,
  exportParamsSchema,
  exportQuerySchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { actingOf, currentUser } from '../plugins/auth';
import { exportFiles } from '../services/export-formats';
import { getManifest } from '../services/export-run';
import { openExport } from '../services/export-stream';
import { serviceEnv } from './route-common';

// The body is a stream, which Fastify sends as is (no serializer); OpenAPI shows the media type.
const fileBody = z.custom<Readable>((v) => v instanceof Readable);
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

const summaries: Record<ExportFormat, string> = {
  wide_csv: 'Wide analysis CSV: one row per participant (no arm for assessors)',
  long_csv: 'Long CSV: one row per participant, visit, form, repeat and field',
  dictionary_csv: 'Data dictionary of the wide file, as CSV',
  dictionary_md: 'Data dictionary of the wide file, as Markdown',
  odm_xml: 'CDISC ODM 1.3.2 snapshot with field-level audit records',
};

/**
 * Exports. Every role may export the participants of its own sites; an assessor's files
 * are blinded. Each response is streamed and names its export in `x-export-id`; the manifest
 * (SHA-256, row count, audit head) is at /exports/:exportId/manifest once the body has ended.
 */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['exports'];

  for (const format of exportFormats) {
    const file = exportFiles[format];
    app.get(
      file.path,
      {
        schema: {
          tags,
          summary: summaries[format],
          querystring: exportQuerySchema,
          response: { 200: fileBody.describe(file.contentType), ...errors },
        },
        config: requires('export_data'),
      },
      async (request, reply) => {
        const { manifest, stream } = await openExport(serviceEnv(app), {
          ...actingOf(request),
          format,
          query: request.query,
          options: { log: request.log },
        });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${manifest.fileName}"`)
          .header('x-export-id', manifest.exportId)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );
  }

  app.get(
    '/exports/:exportId/manifest',
    {
      schema: {
        tags,
        summary: 'Who exported what and when, with the file SHA-256 and the audit head at export time',
        params: exportParamsSchema,
        response: { 200: exportManifestSchema, ...errors },
      },
      config: requires('export_data'),
    },
    async (request) => getManifest(app.db.db, currentUser(request), request.params.exportId),
  );
};

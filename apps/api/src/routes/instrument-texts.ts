import { odiStatementSetSchema, odiStatementUploadSchema } from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requires } from '../auth/route-access';
import { actingOf } from '../plugins/auth';
import { currentOdiStatements, loadOdiStatements } from '../services/instrument-texts';
import { errorResponses } from './route-common';

/**
 * The study's licensed ODI statements (protocol §3.4; docs/study-definition.md, "Instrument
 * texts"): every role that reads participants gets them for the ODI form (the blinded assessor
 * enters it); an admin loads them.
 */
export const instrumentTextRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['study definition'];

  app.get(
    '/instruments/odi/statements',
    {
      schema: {
        tags,
        summary: 'The ODI statements in force, per language loaded (none before an admin loads them)',
        response: { 200: odiStatementSetSchema, ...errorResponses },
      },
      config: requires('read_participants'),
    },
    async () => currentOdiStatements(app.db.db),
  );

  app.put(
    '/admin/instruments/odi/statements',
    {
      schema: {
        tags,
        summary:
          'Load the licensed ODI statements: rows (section 1–10, index 0–5, language, text) as JSON or CSV; every language given complete',
        body: odiStatementUploadSchema,
        response: { 200: odiStatementSetSchema, ...errorResponses },
      },
      config: requires('load_instrument_texts'),
    },
    async (request) => loadOdiStatements(app.db.db, { ...actingOf(request), upload: request.body }),
  );
};

import {
  allocationVerificationSummarySchema,
  errorBodySchema,
  idParamsSchema,
  listIdParamsSchema,
  verifyAllocationRequestSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { actingOf, auditContext } from '../plugins/auth';
import {
  exportAllocations,
  listVerifications,
  verificationFile,
  verifyList,
} from '../services/allocation-verification';
import { errorResponses } from './route-common';

const errors = { ...errorResponses, 423: errorBodySchema };
const adminOnly = requires('verify_allocation');
const fileBody = z.instanceof(Buffer);

/** Allocation verification after lock (docs/closeout.md). */
export const closeoutAllocationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db.db;
  const tags = ['close-out'];

  app.get(
    '/closeout/allocation-verifications',
    {
      schema: { tags, response: { 200: z.array(allocationVerificationSummarySchema), ...errors } },
      config: adminOnly,
    },
    async () => listVerifications(db),
  );
  app.post(
    '/closeout/allocation-verifications',
    {
      schema: {
        tags,
        summary:
          'Re-derive a list from its seed (or file), check the commitment and every slot and allocation',
        body: verifyAllocationRequestSchema,
        response: { 201: allocationVerificationSummarySchema, ...errors },
      },
      config: adminOnly,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await verifyList(
            { db, study: app.study },
            { ...actingOf(request, 'allocation verification'), input: request.body },
          ),
        ),
  );
  for (const kind of ['html', 'pdf'] as const) {
    app.get(
      `/closeout/allocation-verifications/:id/report.${kind}`,
      {
        schema: {
          tags,
          summary: `The verification report as ${kind.toUpperCase()} (its SHA-256 in x-content-sha256)`,
          params: idParamsSchema,
          response: { 200: fileBody.describe(kind === 'html' ? 'text/html' : 'application/pdf'), ...errors },
        },
        config: adminOnly,
      },
      async (request, reply) => {
        const file = await verificationFile(db, request.params.id, kind);
        return reply
          .header('content-type', kind === 'html' ? 'text/html; charset=utf-8' : 'application/pdf')
          .header(
            'content-disposition',
            `${kind === 'html' ? 'inline' : 'attachment'}; filename="allocation-verification-${file.row.id}.${kind}"`,
          )
          .header('x-content-sha256', file.sha256)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  }
  app.get(
    '/closeout/randomization-lists/:listId/allocation-export.json',
    {
      schema: {
        tags,
        summary: 'Every slot and allocation of a list, for the command-line verifier (after lock; audited)',
        params: listIdParamsSchema,
        response: { 200: z.unknown(), ...errors },
      },
      config: adminOnly,
    },
    async (request, reply) => {
      const exp = await exportAllocations(db, auditContext(request), request.params.listId);
      return reply
        .header('content-disposition', `attachment; filename="allocation-export-${exp.list.id}.json"`)
        .header('cache-control', 'no-store')
        .send(exp);
    },
  );
};

import { verifyAuditChain } from '@mini-edc/db';
import {
  auditFilterSchema,
  auditListQuerySchema,
  auditPageSchema,
  auditVerificationSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { actingOf, currentUser } from '../plugins/auth';
import { exportAuditCsv } from '../services/audit-export';
import { listAuditPage } from '../services/audit-review';
import { reviewErrors as errors } from './review-errors';

/** Audit review, chain verification and the CSV copy of the trail. */
export const auditReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'The audit trail at your sites, newest first, in keyset pages (nextCursor)',
        querystring: auditListQuerySchema,
        response: { 200: auditPageSchema, ...errors },
      },
      config: requires('review_audit'),
    },
    async (request) =>
      listAuditPage(app.db.db, { user: currentUser(request), query: request.query, study: app.study }),
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the hash chain of the whole audit trail and report the first break',
        response: { 200: auditVerificationSchema, ...errors },
      },
      config: requires('verify_audit_chain'),
    },
    async () => verifyAuditChain(app.db.db),
  );

  app.get(
    '/audit/export.csv',
    {
      schema: {
        tags,
        summary: 'The filtered audit trail as streamed CSV, headed by the chain verification; audited',
        querystring: auditFilterSchema,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('RFC 4180 CSV after # comment lines (a stream)'), ...errors },
      },
      config: requires('export_audit'),
    },
    async (request, reply) => {
      const exported = await exportAuditCsv(app.db.db, {
        ...actingOf(request),
        filter: request.query,
        study: app.study,
      });
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="${exported.filename}"`)
        .header('x-audit-chain-ok', String(exported.verification.ok))
        .send(exported.stream);
    },
  );
};

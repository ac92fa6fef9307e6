import {
  can,
  consortSvg,
  consortSvgQuerySchema,
  dashboardBlindedSchema,
  dashboardSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { currentUser } from '../plugins/auth';
import { dashboard } from '../services/dashboard';
import { reviewErrors as errors } from './review-errors';
import { serviceEnv } from './route-common';

/** Enrollment, CONSORT, visit progress and queries at a glance (R-MON-2). */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dashboard'];

  app.get(
    '/dashboard',
    {
      schema: {
        tags,
        summary: 'Study dashboard at your sites; blinded roles get no per-arm numbers',
        response: { 200: z.union([dashboardSchema, dashboardBlindedSchema]), ...errors },
      },
      config: requires('view_dashboard'),
    },
    async (request) => {
      const user = currentUser(request);
      const result = await dashboard(serviceEnv(app), user);
      // The blinded schema has no arms: parsing drops them.
      return can(user, 'see_allocation')
        ? dashboardSchema.parse(result)
        : dashboardBlindedSchema.parse(result);
    },
  );

  app.get(
    '/dashboard/consort.svg',
    {
      schema: {
        tags,
        summary: 'The CONSORT flow diagram as SVG (blinded roles: one column, no arms)',
        querystring: consortSvgQuerySchema,
        produces: ['image/svg+xml'],
        response: { 200: z.string().describe('SVG document'), ...errors },
      },
      config: requires('view_dashboard'),
    },
    async (request, reply) => {
      const user = currentUser(request);
      const blinded = !can(user, 'see_allocation');
      const result = await dashboard(serviceEnv(app), user);
      const counts = blinded
        ? dashboardBlindedSchema.parse(result).consort
        : dashboardSchema.parse(result).consort;
      const locale = request.query.locale ?? user.locale;
      const criterionLabels = Object.fromEntries(
        app.study.eligibility.criteria.map((c) => [c.id, locale === 'tr' ? c.textTr : c.textEn]),
      );
      const svg = consortSvg(counts, { blinded, locale, criterionLabels });
      const disposition = request.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header(
          'content-disposition',
          `${disposition}; filename="consort-${result.generatedAt.slice(0, 10)}.svg"`,
        )
        .send(svg);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditReviewRoutes } from './review-audit';
import { dashboardRoutes } from './review-dashboard';
import { dataQueryRoutes } from './review-queries';
import { sdvRoutes } from './review-sdv';

/** The monitor journey (R-MON): audit review, data queries, SDV, dashboard and CONSORT. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(auditReviewRoutes);
  await app.register(dataQueryRoutes);
  await app.register(sdvRoutes);
  await app.register(dashboardRoutes);
};

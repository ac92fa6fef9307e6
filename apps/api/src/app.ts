import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { DbHandle } from '@mini-edc/db';
import { lbpTrial, type StudyDefinition } from '@mini-edc/domain';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { apiDeliveryPlugin } from './plugins/api-delivery';
import { authPlugin } from './plugins/auth';
import { errorBody, errorHandlerPlugin, sendError } from './plugins/errors';
import { noStorePlugin } from './plugins/no-store';
import { openApiPlugin } from './plugins/openapi';
import { passwordRateLimitPlugin } from './plugins/password-rate-limit';
import { securityEventsPlugin } from './plugins/security-events';
import { staticGuardPlugin } from './plugins/static-guard';
import { studyLockPlugin } from './plugins/study-lock';
import { textGuardPlugin } from './plugins/text-guard';
import { webAppPlugin } from './plugins/web-app';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { closeoutAllocationRoutes } from './routes/closeout-allocation';
import { closeoutBundleRoutes } from './routes/closeout-bundle';
import { closeoutCasebookRoutes } from './routes/closeout-casebooks';
import { exportsRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { instrumentTextRoutes } from './routes/instrument-texts';
import { participantRoutes } from './routes/participants';
import { randomizationListRoutes } from './routes/randomization-lists';
import { recordGridRoutes } from './routes/record-grid';
import { recordRoutes } from './routes/records';
import { reviewRoutes } from './routes/review';
import { studyRoutes } from './routes/study';
import { studyAmendmentRoutes } from './routes/study-amendments';
import { studyLifecycleRoutes } from './routes/study-lifecycle';
import { unblindingRoutes } from './routes/unblinding';
import { loadOrSeedDefinition, type StoredDefinition } from './services/study-definitions';

declare module 'fastify' {
  interface FastifyInstance {
    db: DbHandle;
    config: Config;
    study: StudyDefinition;
    /** Which stored version `study` is (R-DEF-2). */
    studyVersion: { version: number; publishedAt: string };
    /** Makes a newly published version the one in force for this process. */
    useStudyVersion: (next: StoredDefinition) => void;
  }
}

export interface BuildAppOptions {
  db: DbHandle;
  config: Config;
  /** Serve the built web app from config.EDC_WEB_DIST (production). */
  serveWeb?: boolean;
  /**
   * Seeds version 1 of the stored study definition when the database has none: this trial's
   * unless a test supplies another. Once stored, the database's current version is the study.
   */
  study?: StudyDefinition;
  logger?: FastifyServerOptions['logger'];
}

/**
 * The application as a Fastify instance, with the database injected. server.ts listens on it;
 * tests drive it with app.inject().
 */
export async function buildApp(options: BuildAppOptions) {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL },
    genReqId: () => randomUUID(),
    trustProxy: config.EDC_TRUST_PROXY,
    bodyLimit: 256 * 1024,
    // Bodies go through zod; unknown keys are refused by strict schemas, not silently stripped.
    ajv: { customOptions: { removeAdditional: false } },
    // A URL that does not decode gets the one error envelope, not Fastify's text echoing it.
    frameworkErrors: (_error, _request, reply) =>
      sendError(reply, 404, errorBody('NOT_FOUND', 'PATH_NOT_FOUND')),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);
  app.decorate('config', config);
  // The definition in force, replaced when an amendment is published (R-DEF-5): routes read
  // `app.study` per request, so the next request works with the new version.
  let stored = await loadOrSeedDefinition(options.db.db, options.study ?? lbpTrial);
  const withCap = (study: StudyDefinition): StudyDefinition =>
    config.EDC_ENROLLMENT_CAP
      ? { ...study, enrollment: { ...study.enrollment, cap: config.EDC_ENROLLMENT_CAP } }
      : study;
  let study = withCap(stored.definition);
  app.decorate('studyVersion', {
    getter: () => ({ version: stored.version, publishedAt: stored.publishedAt }),
  });
  app.decorate('study', { getter: () => study });
  app.decorate('useStudyVersion', (next: StoredDefinition) => {
    stored = next;
    study = withCap(next.definition);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(errorHandlerPlugin);
  await app.register(noStorePlugin);
  await app.register(staticGuardPlugin);
  await app.register(textGuardPlugin);
  await app.register(openApiPlugin);
  await app.register(authPlugin);
  await app.register(securityEventsPlugin);
  await app.register(passwordRateLimitPlugin);
  await app.register(studyLockPlugin);
  await app.register(
    async (api) => {
      await api.register(apiDeliveryPlugin);
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(adminRoutes);
      await api.register(participantRoutes);
      await api.register(randomizationListRoutes);
      await api.register(recordRoutes);
      await api.register(recordGridRoutes);
      await api.register(reviewRoutes);
      await api.register(exportsRoutes);
      await api.register(studyRoutes);
      await api.register(studyAmendmentRoutes);
      await api.register(instrumentTextRoutes);
      await api.register(studyLifecycleRoutes);
      await api.register(unblindingRoutes);
      await api.register(closeoutAllocationRoutes);
      await api.register(closeoutCasebookRoutes);
      await api.register(closeoutBundleRoutes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(webAppPlugin, { root: options.serveWeb ? config.EDC_WEB_DIST : null });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

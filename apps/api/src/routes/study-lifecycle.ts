import {
  lifecycleActionParamsSchema,
  lifecycleActionRequestSchema,
  preLockChecksSchema,
  studyLifecycleSchema,
  studyStatusSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requires } from '../auth/route-access';
import { actingOf } from '../plugins/auth';
import {
  applyLifecycleAction,
  getPreLockChecks,
  getStudyLifecycle,
  getStudyStatus,
} from '../services/study-lifecycle';
import { errorResponses, passwordServiceEnv } from './route-common';

const errors = { ...errorResponses, 423: errorResponses[409] };

/** The study's close-out lifecycle: open → data entry closed → locked (→ unlocked). */
export const studyLifecycleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db.db;
  const tags = ['study lifecycle'];

  app.get(
    '/study/status',
    {
      schema: {
        tags,
        summary: 'Open, data entry closed or locked',
        response: { 200: studyStatusSchema, ...errors },
      },
      config: requires('read_participants'),
    },
    async () => getStudyStatus(db),
  );
  app.get(
    '/admin/study/lifecycle',
    {
      schema: {
        tags,
        summary: 'The state and every change of it',
        response: { 200: studyLifecycleSchema, ...errors },
      },
      config: requires('manage_study'),
    },
    async () => getStudyLifecycle(db),
  );
  app.get(
    '/admin/study/pre-lock-checks',
    {
      schema: {
        tags,
        summary: 'Open queries, unsigned visits, missing forms, unverified records, audit chain',
        response: { 200: preLockChecksSchema, ...errors },
      },
      config: requires('manage_study'),
    },
    async () => getPreLockChecks(db, app.study),
  );
  app.post(
    '/admin/study/:action',
    {
      schema: {
        tags,
        summary:
          'close_entry, reopen_entry, lock (override reason if checks are open), unlock (password and reason)',
        params: lifecycleActionParamsSchema,
        body: lifecycleActionRequestSchema,
        response: { 200: studyLifecycleSchema, ...errors },
      },
      config: requires('manage_study'),
    },
    async (request) =>
      applyLifecycleAction(passwordServiceEnv(app), {
        ...actingOf(request),
        action: request.params.action,
        input: request.body,
      }),
  );
};

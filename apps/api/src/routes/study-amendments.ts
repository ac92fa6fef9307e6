import {
  amendmentDraftRequestSchema,
  amendmentDraftSchema,
  amendmentReviewSchema,
  definitionVersionEntrySchema,
  publishAmendmentRequestSchema,
  publishedAmendmentSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { actingOf } from '../plugins/auth';
import { createDraft, listVersions, publishDraft, reviewDraft } from '../services/study-amendments';
import { errorResponses, passwordServiceEnv } from './route-common';

const draftParams = z.object({ id: z.uuid({ error: 'expected a draft id' }) });

/**
 * Protocol amendments (R-DEF-5, R-DEF-6; docs/study-definition.md "Amendments"): admins only.
 * Not under /admin/study/, so a locked study refuses them like any other change.
 */
export const studyAmendmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['study definition'];

  app.get(
    '/admin/definition/versions',
    {
      schema: {
        tags,
        summary: 'Every published version of the study definition, with its reason and difference',
        response: { 200: z.array(definitionVersionEntrySchema), ...errorResponses },
      },
      config: requires('publish_amendments'),
    },
    async () => listVersions(app.db.db),
  );

  app.post(
    '/admin/definition/drafts',
    {
      schema: {
        tags,
        summary: 'Store a draft amendment: a whole definition, validated like the seed',
        body: amendmentDraftRequestSchema,
        response: { 201: amendmentDraftSchema, ...errorResponses },
      },
      config: requires('publish_amendments'),
    },
    async (request, reply) => {
      const draft = await createDraft(app.db.db, {
        ...actingOf(request),
        definition: request.body.definition,
      });
      return reply.code(201).send(draft);
    },
  );

  app.get(
    '/admin/definition/drafts/:id',
    {
      schema: {
        tags,
        summary: 'The draft against the current version: its difference and the entered data it would break',
        params: draftParams,
        response: { 200: amendmentReviewSchema, ...errorResponses },
      },
      config: requires('publish_amendments'),
    },
    async (request) => reviewDraft(passwordServiceEnv(app), request.params.id),
  );

  app.post(
    '/admin/definition/drafts/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish the draft as the next version, with a reason and the password again',
        params: draftParams,
        body: publishAmendmentRequestSchema,
        response: { 201: publishedAmendmentSchema, ...errorResponses },
      },
      config: requires('publish_amendments'),
    },
    async (request, reply) => {
      const { stored, ...published } = await publishDraft(passwordServiceEnv(app), {
        ...actingOf(request),
        draftId: request.params.id,
        input: request.body,
      });
      app.useStudyVersion(stored);
      return reply.code(201).send(published);
    },
  );
};

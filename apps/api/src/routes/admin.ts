import {
  adminUserSchema,
  backupStatusSchema,
  createSiteRequestSchema,
  createUserRequestSchema,
  idParamsSchema,
  renameSiteRequestSchema,
  resetPasswordRequestSchema,
  siteSchema,
  updateUserRequestSchema,
} from '@mini-edc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requires } from '../auth/route-access';
import { backupStatus } from '../backup/status';
import { actingOf, auditContext } from '../plugins/auth';
import {
  createSite,
  createUser,
  listSites,
  listUsers,
  renameSite,
  resetPassword,
  unlockUser,
  updateUser,
} from '../services/admin';
import { errorResponses } from './route-common';

const errors = errorResponses;
const sitesAdmin = requires('manage_sites');
const usersAdmin = requires('manage_users');

/** Sites and user accounts (R-ACCESS-1). Users are deactivated, never deleted. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db.db;
  const tags = ['admin'];

  app.get(
    '/admin/sites',
    { schema: { tags, response: { 200: z.array(siteSchema), ...errors } }, config: sitesAdmin },
    async () => listSites(db),
  );
  app.post(
    '/admin/sites',
    {
      schema: { tags, body: createSiteRequestSchema, response: { 201: siteSchema, ...errors } },
      config: sitesAdmin,
    },
    async (request, reply) =>
      reply.status(201).send(await createSite(db, auditContext(request), request.body)),
  );
  app.patch(
    '/admin/sites/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: renameSiteRequestSchema,
        response: { 200: siteSchema, ...errors },
      },
      config: sitesAdmin,
    },
    async (request) =>
      renameSite(db, { ctx: auditContext(request), siteId: request.params.id, name: request.body.name }),
  );

  app.get(
    '/admin/backup-status',
    {
      schema: {
        tags,
        summary: 'The newest backup in the backup folder, its verification, and whether one is overdue',
        response: { 200: backupStatusSchema, ...errors },
      },
      config: requires('review_backups'),
    },
    async () => backupStatus(app.config.EDC_BACKUP_DIR, app.config.EDC_BACKUP_MAX_AGE_HOURS),
  );

  app.get(
    '/admin/users',
    { schema: { tags, response: { 200: z.array(adminUserSchema), ...errors } }, config: usersAdmin },
    async () => listUsers(db),
  );
  app.post(
    '/admin/users',
    {
      schema: { tags, body: createUserRequestSchema, response: { 201: adminUserSchema, ...errors } },
      config: usersAdmin,
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(db, auditContext(request), request.body)),
  );
  app.patch(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Change name, role, sites or active flag; a reason is required',
        params: idParamsSchema,
        body: updateUserRequestSchema,
        response: { 200: adminUserSchema, ...errors },
      },
      config: usersAdmin,
    },
    async (request) =>
      updateUser(db, { ...actingOf(request), userId: request.params.id, input: request.body }),
  );
  app.post(
    '/admin/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a temporary password the user must change at next sign-in',
        params: idParamsSchema,
        body: resetPasswordRequestSchema,
        response: { 204: z.null(), ...errors },
      },
      config: usersAdmin,
    },
    async (request, reply) => {
      await resetPassword(db, {
        ctx: auditContext(request),
        userId: request.params.id,
        temporaryPassword: request.body.temporaryPassword,
      });
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/admin/users/:id/unlock',
    {
      schema: { tags, params: idParamsSchema, response: { 204: z.null(), ...errors } },
      config: usersAdmin,
    },
    async (request, reply) => {
      await unlockUser(db, auditContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

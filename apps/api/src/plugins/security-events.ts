import { DomainError } from '@mini-edc/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  type Refusal,
  type RefusalKind,
  recordRefusal,
  routeTarget,
  siteOfTarget,
} from '../services/security-events';

/**
 * Files refused requests as security events (docs/security.md §4) before the error answer is
 * sent: CSRF refusals on any route, role refusals (403) on any signed-in route, 401 for a session
 * that existed but has ended on data routes (not on /auth, where a stale tab asks who it is), and
 * 404 for a participant, record or query id (in the path, or in the body of the query and SDV
 * routes) that exists at a site the caller cannot read.
 * Recording never changes the answer: if it fails, the refusal is logged and sent as before.
 */

const quietPrefixes = ['/api/v1/auth/', '/api/v1/health', '/api/v1/study/status'];

async function refusalOf(app: FastifyInstance, request: FastifyRequest, error: DomainError) {
  const route = request.routeOptions.url;
  if (!route?.startsWith('/api/')) return null;
  const holder = request.sessionHolder;
  const base = {
    method: request.method,
    route,
    clientAddress: request.ip,
    requestId: request.id,
    actor: holder ? { id: holder.id, role: holder.role, label: holder.email, siteIds: holder.siteIds } : null,
  };
  const target = routeTarget(route, request.params, request.body);
  const make = async (kind: RefusalKind, status: number, site?: string | null): Promise<Refusal> => ({
    ...base,
    kind,
    status,
    targetId: target?.id ?? null,
    siteId: site !== undefined ? site : target ? await siteOfTarget(app.db.db, target) : null,
  });
  switch (error.code) {
    case 'CSRF_FAILED':
      return make('CSRF_FAILED', 403);
    case 'FORBIDDEN':
      return holder ? make('FORBIDDEN', 403) : null;
    case 'SESSION_EXPIRED':
      return holder && !quietPrefixes.some((p) => route.startsWith(p)) ? make('SESSION_EXPIRED', 401) : null;
    case 'NOT_FOUND': {
      if (!holder || !target) return null;
      const site = await siteOfTarget(app.db.db, target);
      if (!site || holder.siteIds.includes(site)) return null;
      return make('NOT_FOUND_AT_OTHER_SITE', 404, site);
    }
    default:
      return null;
  }
}

export const securityEventsPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onError', async (request, _reply, error) => {
      if (!(error instanceof DomainError)) return;
      try {
        const refusal = await refusalOf(app, request, error);
        if (refusal) await recordRefusal(app.db.db, refusal);
      } catch (failure) {
        request.log.error({ err: failure }, 'could not record a refused request as a security event');
      }
    });
  },
  { name: 'security-events', dependencies: ['auth'] },
);

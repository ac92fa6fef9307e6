import { DomainError } from '@mini-edc/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { getStudyStatus } from '../services/study-lifecycle';

/**
 * While the study is locked, every state-changing API call is refused here, in one place, with
 * STUDY_LOCKED (423), before validation or any service runs (docs/architecture.md "Study
 * lifecycle"). Denied by default: only these prefixes stay writable, because they change no
 * trial data (sessions and user accounts, the lifecycle itself and the close-out work done after
 * lock). The database refuses the same writes with SQLSTATE EL001 whatever path they take, and
 * refuses new participants and allocations once data entry is closed (EL002).
 */
const writableWhileLocked = [
  '/api/v1/auth/',
  '/api/v1/admin/users',
  '/api/v1/admin/study/',
  '/api/v1/closeout/',
];

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const studyLockPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request) => {
      if (!unsafeMethods.has(request.method)) return;
      const url = request.routeOptions.url ?? '';
      if (!url.startsWith('/api/') || writableWhileLocked.some((prefix) => url.startsWith(prefix))) return;
      // Signed-in requests read the state with their session (one query, services/sessions.ts).
      const locked = request.studyLocked ?? (await getStudyStatus(app.db.db)).state === 'locked';
      if (locked) {
        throw new DomainError('STUDY_LOCKED', 'STUDY_LOCKED');
      }
    });
  },
  { name: 'study-lock', dependencies: ['auth'] },
);

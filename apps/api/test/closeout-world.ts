import type { Role } from '@mini-edc/domain';
import { expect } from 'vitest';
import { newSite } from '../src/seed/factories';
import { readyForRandomization, signedInUser } from './factories';
import type { TestContext } from './helpers';
import { call, type Session } from './session';

/**
 * A small trial for the close-out tests: two sites, one user of each role at site A (admin at
 * both), a coordinator at site B, a list generated through the API (so its seed is known) and
 * one randomized participant per site.
 */
export interface CloseoutWorld {
  siteA: string;
  siteB: string;
  users: Record<Role | 'coordinatorB', { id: string; session: Session }>;
  listId: string;
  seedHex: string;
  pA: string;
  pB: string;
}

export const PASSWORD = 'Correct-Horse-42';

export async function buildCloseoutWorld(t: TestContext): Promise<CloseoutWorld> {
  const db = t.db.db;
  const siteA = (await newSite(db, { code: 'S01', name: 'Ankara City Hospital' })).id;
  const siteB = (await newSite(db, { code: 'S02', name: 'Gazi University Hospital' })).id;
  const user = async (role: Role, siteIds: string[]) => {
    const u = await signedInUser(t, { role, siteIds, displayName: `Test ${role}` });
    return { id: u.id, session: u.session };
  };
  const users = {
    admin: await user('admin', [siteA, siteB]),
    coordinator: await user('coordinator', [siteA]),
    investigator: await user('investigator', [siteA]),
    assessor: await user('assessor', [siteA]),
    monitor: await user('monitor', [siteA]),
    coordinatorB: await user('coordinator', [siteB]),
  };
  const list = await call(t.app, users.admin.session, 'POST', '/api/v1/admin/randomization-lists/generate', {
    name: 'Main list',
  });
  expect(list.statusCode).toBe(201);
  const pA = await readyForRandomization(t.app, users.coordinator.session, siteA);
  const pB = await readyForRandomization(t.app, users.coordinatorB.session, siteB);
  for (const [p, s] of [
    [pA, users.coordinator.session],
    [pB, users.coordinatorB.session],
  ] as const) {
    const r = await call(t.app, s, 'POST', `/api/v1/participants/${p}/randomize`);
    expect(r.statusCode).toBe(201);
  }
  return { siteA, siteB, users, listId: list.json().list.id, seedHex: list.json().seedHex, pA, pB };
}

/** Closes data entry and locks (with an override reason: nothing is signed or verified). */
export async function lockStudy(t: TestContext, w: CloseoutWorld): Promise<void> {
  const admin = w.users.admin.session;
  expect((await call(t.app, admin, 'POST', '/api/v1/admin/study/close_entry', {})).statusCode).toBe(200);
  const lock = await call(t.app, admin, 'POST', '/api/v1/admin/study/lock', { reason: 'test close-out' });
  expect(lock.statusCode).toBe(200);
}

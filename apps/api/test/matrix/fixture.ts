import type { Db } from '@mini-edc/db';
import type { Role } from '@mini-edc/domain';
import { newSite, newUser } from '../../src/seed/factories';

/**
 * The world every matrix cell runs in: two sites, one user of each role at the own site, and
 * per-site resources that site-scoped routes address. Later features add their resources here.
 */
export interface MatrixFixture {
  own: SiteWorld;
  other: SiteWorld;
  users: Record<Role, { id: string; email: string }>;
  /** A user that admin routes may modify freely. */
  targetUserId: string;
}

export interface SiteWorld {
  siteId: string;
}

export async function buildMatrixFixture(db: Db): Promise<MatrixFixture> {
  const own = await newSite(db, { code: 'M01' });
  const other = await newSite(db, { code: 'M02' });
  const roles: Role[] = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'];
  const users = {} as MatrixFixture['users'];
  for (const role of roles) users[role] = await newUser(db, { role, siteIds: [own.id] });
  const target = await newUser(db, { role: 'monitor', siteIds: [other.id] });
  return { own: { siteId: own.id }, other: { siteId: other.id }, users, targetUserId: target.id };
}

import { type Db, SYSTEM_ACTOR, schema, withAudit } from '@mini-edc/db';
import type { StudyDefinition } from '@mini-edc/domain';
import { eq } from 'drizzle-orm';
import { demoPassword, legacyDemoPassword } from '../auth/demo-passwords';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { seedDemoParticipants } from './demo-participants';

export { demoPassword };

const demoSites = [
  { code: 'S01', name: 'Ankara City Hospital (Bilkent)' },
  { code: 'S02', name: 'Ankara Training and Research Hospital' },
] as const;

export const demoUsers = [
  { email: 'admin@demo.edc', displayName: 'Ayşe Admin', role: 'admin', sites: ['S01', 'S02'] },
  {
    email: 'coordinator@demo.edc',
    displayName: 'Can Coordinator',
    role: 'coordinator',
    sites: ['S01'],
    entersDemoData: true,
  },
  {
    email: 'coordinator2@demo.edc',
    displayName: 'Deniz Coordinator',
    role: 'coordinator',
    sites: ['S02'],
    entersDemoData: true,
  },
  { email: 'investigator@demo.edc', displayName: 'Elif Investigator', role: 'investigator', sites: ['S01'] },
  { email: 'assessor@demo.edc', displayName: 'Fatma Assessor', role: 'assessor', sites: ['S01'] },
  { email: 'monitor@demo.edc', displayName: 'Gökhan Monitor', role: 'monitor', sites: ['S01', 'S02'] },
] as const;

/**
 * The password the demo users of this database sign in with: today's, or the one they were
 * seeded with before the policy (existing accounts keep their passwords), so `npm start` prints
 * the logins that work.
 */
export async function demoPasswordInUse(db: Db): Promise<string> {
  const [admin] = await db
    .select({ passwordHash: schema.users.passwordHash })
    .from(schema.users)
    .where(eq(schema.users.email, demoUsers[0].email));
  if (!admin || (await verifyPassword(admin.passwordHash, demoPassword))) return demoPassword;
  return (await verifyPassword(admin.passwordHash, legacyDemoPassword)) ? legacyDemoPassword : demoPassword;
}

/**
 * Seeds the demo study once: two sites and one user of each role. Does nothing when any site
 * exists, so a restart never duplicates or resets data. Written by the explicit system actor.
 */
export async function seedDemo(db: Db, study: StudyDefinition, timeZone: string): Promise<boolean> {
  const existing = await db.select({ id: schema.sites.id }).from(schema.sites).limit(1);
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(demoPassword);
  const staff = await withAudit(db, { ...SYSTEM_ACTOR, reason: 'demo seed' }, async (tx) => {
    const coordinators = [];
    const sites = await tx
      .insert(schema.sites)
      .values([...demoSites])
      .returning();
    const siteId = new Map(sites.map((s) => [s.code, s.id]));
    for (const u of demoUsers) {
      const [user] = await tx
        .insert(schema.users)
        .values({ email: u.email, displayName: u.displayName, role: u.role, passwordHash })
        .returning();
      if (!user) throw new Error('user insert returned nothing');
      const siteIds = u.sites.map((code) => siteId.get(code) ?? '');
      await tx.insert(schema.userSites).values(siteIds.map((id) => ({ userId: user.id, siteId: id })));
      if ('entersDemoData' in u) coordinators.push({ ...user, siteIds });
    }
    return coordinators;
  });
  await seedDemoParticipants(db, study, timeZone, staff);
  return true;
}

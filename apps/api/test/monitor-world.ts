import { SYSTEM_ACTOR, schema } from '@mini-edc/db';
import type { Role } from '@mini-edc/domain';
import { and, eq } from 'drizzle-orm';
import { newSite } from '../src/seed/factories';
import { generateList } from '../src/services/randomization';
import { readyForRandomization, signedInUser } from './factories';
import type { TestContext } from './helpers';
import type { Session } from './session';

/** Two sites, one user of each role at site A (admin at both), a coordinator at site B. */
export interface MonitorWorld {
  siteA: string;
  siteB: string;
  users: Record<Role | 'coordinatorB', { id: string; session: Session }>;
  /** Ready for randomization at A / B, with complete baseline VAS and ODI. */
  pA: string;
  pB: string;
  /** Baseline VAS records of pA and pB. */
  vasA: string;
  vasB: string;
}

export async function recordOf(t: TestContext, participantId: string, visitCode: string, formCode: string) {
  const [row] = await t.db.db
    .select({ id: schema.formRecords.id })
    .from(schema.formRecords)
    .where(
      and(
        eq(schema.formRecords.participantId, participantId),
        eq(schema.formRecords.visitCode, visitCode),
        eq(schema.formRecords.formCode, formCode),
      ),
    );
  if (!row) throw new Error(`no ${formCode} record at ${visitCode}`);
  return row.id;
}

export async function buildMonitorWorld(t: TestContext, codes = ['S01', 'S02']): Promise<MonitorWorld> {
  const db = t.db.db;
  const siteA = (await newSite(db, { code: codes[0] })).id;
  const siteB = (await newSite(db, { code: codes[1] })).id;
  const user = async (role: Role, siteIds: string[]) => {
    const { id, session } = await signedInUser(t, { role, siteIds });
    return { id, session };
  };
  const users = {
    admin: await user('admin', [siteA, siteB]),
    coordinator: await user('coordinator', [siteA]),
    investigator: await user('investigator', [siteA]),
    assessor: await user('assessor', [siteA]),
    monitor: await user('monitor', [siteA]),
    coordinatorB: await user('coordinator', [siteB]),
  };
  await generateList(
    { db, study: t.app.study, timeZone: t.app.config.EDC_STUDY_TIMEZONE },
    { ctx: SYSTEM_ACTOR, name: 'List' },
  );
  const pA = await readyForRandomization(t.app, users.coordinator.session, siteA);
  const pB = await readyForRandomization(t.app, users.coordinatorB.session, siteB);
  return {
    siteA,
    siteB,
    users,
    pA,
    pB,
    vasA: await recordOf(t, pA, 'BL', 'vas'),
    vasB: await recordOf(t, pB, 'BL', 'vas'),
  };
}

import { SYSTEM_ACTOR, schema } from '@mini-edc/db';
import type { Role } from '@mini-edc/domain';
import { and, eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { newSite, newUser } from '../../src/seed/factories';
import { generateList } from '../../src/services/randomization';
import { createSession } from '../../src/services/sessions';
import { readyForRandomization } from '../factories';
import { extendFixtureForReview } from './fixture-review';

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
  listId: string;
}

export interface SiteWorld {
  siteId: string;
  /** Eligible, consented, baseline complete, not yet randomized. */
  participantId: string;
  /** The participant's completed baseline VAS record. */
  recordId: string;
  /** Resources later features add (queries, signatures…), by name. */
  extras: Record<string, string>;
}

export async function buildMatrixFixture(app: App): Promise<MatrixFixture> {
  const db = app.db.db;
  const own = await newSite(db, { code: 'M01' });
  const other = await newSite(db, { code: 'M02' });
  const roles: Role[] = ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'];
  const users = {} as MatrixFixture['users'];
  for (const role of roles) users[role] = await newUser(db, { role, siteIds: [own.id] });
  const target = await newUser(db, { role: 'monitor', siteIds: [other.id] });
  const otherStaff = await newUser(db, { role: 'coordinator', siteIds: [other.id] });
  const sessionOf = async (userId: string) => {
    const { token, session } = await createSession(db, userId, app.sessionPolicy);
    return { cookie: `edc_session=${token}`, csrf: session.csrfToken };
  };
  const env = { db, study: app.study, timeZone: app.config.EDC_STUDY_TIMEZONE };
  const { list } = await generateList(env, { ctx: SYSTEM_ACTOR, name: 'Matrix list' });
  const world = async (siteId: string, staffId: string): Promise<SiteWorld> => {
    const participantId = await readyForRandomization(app, await sessionOf(staffId), siteId);
    const recordOf = async (formCode: string) => {
      const [record] = await db
        .select({ id: schema.formRecords.id })
        .from(schema.formRecords)
        .where(
          and(eq(schema.formRecords.participantId, participantId), eq(schema.formRecords.formCode, formCode)),
        );
      return record?.id ?? '';
    };
    const studyIdOf = async (id: string) => {
      const [p] = await db
        .select({ studyId: schema.participants.studyId })
        .from(schema.participants)
        .where(eq(schema.participants.id, id));
      return p?.studyId ?? '';
    };
    return {
      siteId,
      participantId,
      recordId: await recordOf('vas'),
      extras: {
        demographicsRecordId: await recordOf('demographics'),
        // What lists and audit rows show of a participant instead of its id ('M02-0001').
        studyId: await studyIdOf(participantId),
      },
    };
  };
  const fx: MatrixFixture = {
    own: await world(own.id, users.coordinator.id),
    other: await world(other.id, otherStaff.id),
    users,
    targetUserId: target.id,
    listId: list.id,
  };
  await extendFixtureForReview(app, fx);
  return fx;
}

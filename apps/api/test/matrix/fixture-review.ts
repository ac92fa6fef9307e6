import { SYSTEM_ACTOR } from '@mini-edc/db';
import type { Role } from '@mini-edc/domain';
import type { App } from '../../src/app';
import { createQuery } from '../../src/services/queries';
import type { AuthUser } from '../../src/services/sessions';
import type { MatrixFixture, SiteWorld } from './fixture';

/**
 * Adds what the monitor routes address to each site's world: `queryId`, a monitor's query on the
 * baseline VAS record (answered by site staff in the matrix), and `selfCheckQueryId`, an
 * investigator's self-check query (closed, then reopened).
 */
export async function extendFixtureForReview(app: App, fx: MatrixFixture): Promise<void> {
  const env = { db: app.db.db, study: app.study, timeZone: app.config.EDC_STUDY_TIMEZONE };
  const actingAt = (site: SiteWorld, role: Role) =>
    ({ ...fx.users[role], role, siteIds: [site.siteId] }) as unknown as AuthUser;
  for (const site of [fx.own, fx.other]) {
    const monitorQuery = await createQuery(env, {
      user: actingAt(site, 'monitor'),
      ctx: SYSTEM_ACTOR,
      input: {
        recordId: site.recordId,
        field: 'vas_mm',
        message: 'Matrix: please check the VAS against the source.',
      },
    });
    const selfCheck = await createQuery(env, {
      user: actingAt(site, 'investigator'),
      ctx: SYSTEM_ACTOR,
      input: {
        recordId: site.recordId,
        field: 'assessed_at',
        message: 'Matrix: self-check of the assessment time.',
      },
    });
    site.extras.queryId = monitorQuery.id;
    site.extras.selfCheckQueryId = selfCheck.id;
  }
}

import { SYSTEM_ACTOR, schema, withAudit } from '@mini-edc/db';
import { lbpTrial, type Role } from '@mini-edc/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { App } from '../src/app';
import { newSite } from '../src/seed/factories';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { followUpVasData, odiData, today, vasData } from './journey-helpers';
import { call, type Session } from './session';

/**
 * A small trial for the export tests, made through the real API: two sites, participants at
 * every stage (randomized with follow-up, corrected with a reason, ready but not randomized,
 * screening only), intervention records, an assessor's entry and one change by the system actor.
 */
export interface ExportWorld {
  t: TestContext;
  app: App;
  siteA: string;
  siteB: string;
  s: Record<'admin' | 'coordinator' | 'coordinatorB' | 'investigator' | 'assessor' | 'monitor', Session>;
  userIds: Record<string, string>;
  /** study id → participant id, per site. */
  idsA: string[];
  idsB: string[];
  correctionReason: string;
}

async function ok(res: Awaited<ReturnType<typeof call>>, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function seedExportTrial(): Promise<ExportWorld> {
  const t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 10_000 });
  const app = t.app;
  const db = t.db.db;
  const siteA = (await newSite(db, { code: 'S01' })).id;
  const siteB = (await newSite(db, { code: 'S02' })).id;
  const userIds: Record<string, string> = {};
  const sessionFor = async (key: string, role: Role, siteIds: string[]) => {
    const u = await signedInUser(t, { role, siteIds, displayName: `Export ${key}` });
    userIds[key] = u.id;
    return u.session;
  };
  const s: ExportWorld['s'] = {
    admin: await sessionFor('admin', 'admin', [siteA, siteB]),
    coordinator: await sessionFor('coordinator', 'coordinator', [siteA]),
    coordinatorB: await sessionFor('coordinatorB', 'coordinator', [siteB]),
    investigator: await sessionFor('investigator', 'investigator', [siteA]),
    assessor: await sessionFor('assessor', 'assessor', [siteA]),
    monitor: await sessionFor('monitor', 'monitor', [siteA]),
  };
  await ok(
    await call(app, s.admin, 'POST', '/api/v1/admin/randomization-lists/generate', { name: 'Export list' }),
    'list',
  );

  const form = (p: string, visit: string, code: string) =>
    `/api/v1/participants/${p}/visits/${visit}/forms/${code}`;
  const randomized = async (staff: Session, siteId: string) => {
    const id = await readyForRandomization(app, staff, siteId);
    const r = await ok(await call(app, staff, 'POST', `/api/v1/participants/${id}/randomize`), 'randomize');
    const arm = lbpTrial.arms.find((a) => a.code === r.allocation.arm);
    if (!arm) throw new Error('unknown arm');
    // A draft treatment record of the participant's own arm: it gives the arm away (protocol §5.2).
    await ok(
      await call(app, staff, 'PUT', form(id, 'TX', arm.interventionForm), {
        data: { date: today() },
        status: 'draft',
        seq: 1,
      }),
      'intervention',
    );
    return id;
  };

  const a1 = await randomized(s.coordinator, siteA);
  const a2 = await randomized(s.coordinator, siteA);
  const a3 = await readyForRandomization(app, s.coordinator, siteA);
  const a4 = (
    await ok(
      await call(app, s.coordinator, 'POST', '/api/v1/participants', { siteId: siteA, screenedAt: today() }),
      'screening',
    )
  ).id as string;
  const b1 = await randomized(s.coordinatorB, siteB);

  const correctionReason = 'Transcription error: source says 55 mm';
  await ok(
    await call(app, s.coordinator, 'PUT', form(a1, 'BL', 'vas'), {
      data: vasData(55),
      status: 'complete',
      reason: correctionReason,
    }),
    'correction',
  );
  // Follow-up: VAS by the blinded assessor; an ODI with two sections left unanswered.
  await ok(
    await call(app, s.assessor, 'PUT', form(a1, 'W1', 'vas'), {
      data: followUpVasData(0),
      status: 'complete',
      outOfWindowReason: 'seed: week 1 entered early',
    }),
    'w1 vas',
  );
  await ok(
    await call(app, s.assessor, 'PUT', form(a1, 'W1', 'odi'), {
      data: { ...odiData, q9: null, q10: null },
      status: 'draft',
    }),
    'w1 odi',
  );
  await ok(
    await call(app, s.investigator, 'PUT', form(a2, 'W1', 'vas'), {
      data: followUpVasData(31),
      status: 'draft',
      outOfWindowReason: 'seed: week 1 entered early',
    }),
    'a2 w1 vas',
  );
  await ok(
    await call(app, s.coordinatorB, 'PUT', form(b1, 'BL', 'vas'), {
      data: vasData(70),
      status: 'complete',
      reason: 'Re-measured on the correct line',
    }),
    'b1 correction',
  );

  // A change by the explicit system actor (a data fix script): its audit row names 'system'.
  await withAudit(db, { ...SYSTEM_ACTOR, reason: 'Unit fix by data management script' }, (tx) =>
    tx
      .update(schema.formRecords)
      .set({ data: sql`${schema.formRecords.data} || '{"vas_line_length_mm": 100}'::jsonb` })
      .where(
        and(
          eq(schema.formRecords.participantId, a2),
          eq(schema.formRecords.visitCode, 'BL'),
          eq(schema.formRecords.formCode, 'vas'),
        ),
      ),
  );

  return { t, app, siteA, siteB, s, userIds, idsA: [a1, a2, a3, a4], idsB: [b1], correctionReason };
}

/** GET an export as the given user; the body is kept as the raw bytes received. */
export async function download(app: App, session: Session, path: string) {
  const res = await call(app, session, 'GET', `/api/v1/exports/${path}`);
  return { res, bytes: res.rawPayload, text: res.rawPayload.toString('utf8') };
}

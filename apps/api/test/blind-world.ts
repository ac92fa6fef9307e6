import { SYSTEM_ACTOR, withAudit } from '@mini-edc/db';
import { lbpTrial } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import type { App } from '../src/app';
import { newSite } from '../src/seed/factories';
import type { AuthUser } from '../src/services/sessions';
import { readyForRandomization, signedInUser } from './factories';
import type { TestContext } from './helpers';
import { followUpVasData, odiData, today } from './journey-helpers';
import { call, type Session } from './session';

/**
 * A trial with participants of both arms, for the blinding tests of every surface (R-BLIND-2,
 * R-BLIND-3). `build` makes what a blinded assessor may see (baseline, randomization, follow-up
 * VAS and ODI, a query on a VAS); `plantHidden` then adds what tells the arm: a treatment session
 * of each participant's own arm, an adverse event with an expected event of the injection, a
 * wrong-intervention deviation, a correction whose reason names the treatment, queries and an SDV
 * mark on those records. Every planted free text carries MARK, so a search for it finds any leak.
 */
export const MARK = 'PLANTEDLEAK';

type Who = 'admin' | 'coordinator' | 'investigator' | 'assessor' | 'monitor';

export interface BlindWorld {
  app: App;
  siteA: string;
  sessions: Record<Who, Session>;
  users: Record<Who, AuthUser>;
  /** Randomized participants with their arm; both arms are present. */
  participants: { id: string; arm: string }[];
  /** Ids of records a blinded viewer may not see (filled by plantHidden). */
  hiddenRecords: string[];
  /** Id of a follow-up VAS record, which the assessor sees. */
  visibleRecord: string;
}

async function ok(res: Awaited<ReturnType<typeof call>>, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const formUrl = (p: string, visit: string, code: string) =>
  `/api/v1/participants/${p}/visits/${visit}/forms/${code}`;

export async function buildBlindWorld(t: TestContext): Promise<BlindWorld> {
  const { app } = t;
  const db = t.db.db;
  const siteA = (await newSite(db, { code: 'S01' })).id;
  const sessions = {} as Record<Who, Session>;
  const users = {} as Record<Who, AuthUser>;
  for (const role of ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const) {
    const u = await signedInUser(t, { role, siteIds: [siteA], displayName: `Blind ${role}` });
    sessions[role] = u.session;
    users[role] = {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role,
      locale: 'en',
      mustChangePassword: false,
      siteIds: [siteA],
      allocationReleased: false,
      // Services asked directly need no session.
      sessionId: '',
      csrfToken: '',
      idleExpiresAt: new Date(),
      absoluteExpiresAt: new Date(),
    };
  }
  await ok(
    await call(app, sessions.admin, 'POST', '/api/v1/admin/randomization-lists/generate', { name: 'Blind' }),
    'list',
  );
  // Permuted blocks of 4 or 6: both arms are allocated within the first four participants.
  const participants: { id: string; arm: string }[] = [];
  while (new Set(participants.map((p) => p.arm)).size < lbpTrial.arms.length) {
    const id = await readyForRandomization(app, sessions.coordinator, siteA);
    const r = await ok(
      await call(app, sessions.coordinator, 'POST', `/api/v1/participants/${id}/randomize`),
      'randomize',
    );
    participants.push({ id, arm: r.allocation.arm });
  }
  // Month 1 falls due today, so the worklist has something to show.
  await withAudit(db, SYSTEM_ACTOR, (tx) =>
    tx.execute(sql`update visits set window_start = current_date - 3, target_date = current_date - 1
                   where visit_code = 'M1'`),
  );
  let visibleRecord = '';
  for (const p of participants) {
    const vas = await ok(
      await call(app, sessions.assessor, 'PUT', formUrl(p.id, 'W1', 'vas'), {
        data: followUpVasData(30),
        status: 'complete',
        // Week 1 is days away: entering it now needs a reason (R-VISIT-2).
        outOfWindowReason: 'world: week 1 entered early',
      }),
      'w1 vas',
    );
    visibleRecord = vas.id;
    await ok(
      await call(app, sessions.assessor, 'PUT', formUrl(p.id, 'W1', 'odi'), {
        data: odiData,
        status: 'complete',
      }),
      'w1 odi',
    );
    await ok(
      await call(app, sessions.monitor, 'POST', '/api/v1/queries', {
        recordId: vas.id,
        field: 'vas_mm',
        message: 'Please confirm the VAS against the paper form.',
      }),
      'vas query',
    );
  }
  return { app, siteA, sessions, users, participants, hiddenRecords: [], visibleRecord };
}

/** Adds the arm-revealing records of every participant (see the file comment). */
export async function plantHidden(w: BlindWorld): Promise<void> {
  const { app, sessions } = w;
  const save = async (who: Who, p: string, visit: string, code: string, body: object, what: string) => {
    const record = await ok(await call(app, sessions[who], 'PUT', formUrl(p, visit, code), body), what);
    if (!w.hiddenRecords.includes(record.id)) w.hiddenRecords.push(record.id);
    return record.id as string;
  };
  for (const p of w.participants) {
    const arm = lbpTrial.arms.find((a) => a.code === p.arm);
    if (!arm) throw new Error(`unknown arm ${p.arm}`);
    await save(
      'coordinator',
      p.id,
      'TX',
      arm.interventionForm,
      { data: { date: today() }, status: 'draft' },
      'tx',
    );
    const ae = {
      onset_date: today(),
      expected_event: 'injection_site_pain',
      description: `${MARK} pain where the dextrose was injected`,
      serious: 'no',
      severity: 'mild',
      relatedness: 'probable',
      action_taken: `${MARK} injection paused`,
      outcome: 'recovered',
    };
    const aeId = await save(
      'investigator',
      p.id,
      'UNS',
      'adverse_event',
      { data: ae, status: 'complete' },
      'ae',
    );
    await save(
      'investigator',
      p.id,
      'UNS',
      'adverse_event',
      {
        data: { ...ae, severity: 'moderate' },
        status: 'complete',
        reason: `${MARK} severity re-graded after the second injection`,
      },
      'ae correction',
    );
    await save(
      'coordinator',
      p.id,
      'UNS',
      'deviation',
      {
        data: {
          date: today(),
          category: 'wrong_intervention',
          major: 'yes',
          description: `${MARK} mobilization given instead of the injection`,
        },
        status: 'complete',
      },
      'deviation',
    );
    await ok(
      await call(app, sessions.monitor, 'POST', '/api/v1/queries', {
        recordId: aeId,
        field: 'description',
        message: `${MARK} was the dextrose injection repeated?`,
      }),
      'ae query',
    );
    await ok(await call(app, sessions.monitor, 'POST', '/api/v1/sdv', { recordId: aeId }), 'ae sdv');
  }
}

/**
 * The first participant withdraws, with free text naming the treatment. The status and date are
 * safe (the participant's status shows them anyway); the rest of the record is hidden.
 */
export async function plantEndOfStudy(w: BlindWorld): Promise<string> {
  const [first] = w.participants;
  if (!first) throw new Error('no participant');
  const record = await ok(
    await call(w.app, w.sessions.investigator, 'PUT', formUrl(first.id, 'UNS', 'end_of_study'), {
      data: {
        status: 'withdrawn',
        date: today(),
        last_visit: 'W1',
        reason: 'adverse_event',
        reason_other: `${MARK} refused further injections`,
      },
      status: 'complete',
    }),
    'end of study',
  );
  await ok(
    await call(w.app, w.sessions.investigator, 'PUT', formUrl(first.id, 'UNS', 'end_of_study'), {
      data: {
        status: 'withdrawn',
        date: today(),
        last_visit: 'W1',
        reason: 'other',
        reason_other: `${MARK} refused the injection`,
      },
      status: 'complete',
      reason: `${MARK} reason corrected: it was the dextrose`,
    }),
    'end of study correction',
  );
  return record.id;
}

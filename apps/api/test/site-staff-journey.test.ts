import { createDb, databaseError, SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { computeVisitSchedule, lbpTrial, type Role } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { newSite } from '../src/seed/factories';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { allEligible, daysAgo, demographics, odiData, today, vasData } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteA: string;
let coordinator: Session;
let otherCoordinator: Session;
let assessor: Session;
let admin: Session;

beforeAll(async () => {
  t = await buildTestApp();
  siteA = (await newSite(t.db.db, { code: 'S01' })).id;
  const siteB = (await newSite(t.db.db, { code: 'S02' })).id;
  const sessionFor = async (role: Role, siteIds: string[]) =>
    (await signedInUser(t, { role, siteIds })).session;
  coordinator = await sessionFor('coordinator', [siteA]);
  otherCoordinator = await sessionFor('coordinator', [siteB]);
  assessor = await sessionFor('assessor', [siteA]);
  admin = await sessionFor('admin', [siteA, siteB]);
});
afterAll(() => t?.close());

/** A visit of the API's answer as the domain's schedule entry. */
const scheduled = (v: { visitCode: string; targetDate: string; windowStart: string; windowEnd: string }) => ({
  code: v.visitCode,
  targetDate: v.targetDate,
  windowStart: v.windowStart,
  windowEnd: v.windowEnd,
});

describe(`site staff journey on ${testDbKind()}`, () => {
  it('generates a list per stratum with a seed commitment and shows no unassigned slot', async () => {
    const res = await call(t.app, admin, 'POST', '/api/v1/admin/randomization-lists/generate', {
      name: 'Production list 1',
    });
    expect(res.statusCode).toBe(201);
    const { list, seedHex } = res.json();
    expect(seedHex).toMatch(/^[0-9a-f]{64}$/);
    expect(list.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(list.strata.map((s: { stratum: string }) => s.stratum)).toEqual(['S01', 'S02']);
    for (const s of list.strata) {
      expect(s.total).toBeGreaterThanOrEqual(80);
      expect(s.assigned).toBe(0);
    }
    expect(res.body).not.toMatch(/"arm"/);
    const allocations = await call(
      t.app,
      admin,
      'GET',
      `/api/v1/admin/randomization-lists/${list.id}/allocations`,
    );
    expect(allocations.json()).toEqual([]);
    // The audit log never carries a slot's arm.
    const leaked = await selectRows(
      t.db.db,
      {},
      sql`select 1 from audit_log where table_name = 'randomization_slots' and changes::text ~ 'TLF_MOB|US_D5W'`,
    );
    expect(leaked).toHaveLength(0);
  });

  it('keeps a screen failure with the failing criterion and collects nothing more', async () => {
    const created = await call(t.app, coordinator, 'POST', '/api/v1/participants', {
      siteId: siteA,
      screenedAt: today(),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().studyId).toBe('S01-0001');
    const id = created.json().id;
    const res = await call(t.app, coordinator, 'PUT', `/api/v1/participants/${id}/eligibility`, {
      answers: { ...allEligible, E2: 'yes' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      eligible: false,
      failedCriteria: ['E2'],
      participant: { status: 'screen_failed' },
    });
    const consent = await call(
      t.app,
      coordinator,
      'PUT',
      `/api/v1/participants/${id}/visits/SCR/forms/consent`,
      {
        data: { consent_date: today(), icf_version: '1.0', obtained_by: 'x' },
        status: 'complete',
      },
    );
    expect(consent.statusCode).toBe(409);
    expect(consent.json().error.code).toBe('NOT_ELIGIBLE');
  });

  it('refuses incomplete eligibility answers naming each missing criterion', async () => {
    const { id } = (
      await call(t.app, coordinator, 'POST', '/api/v1/participants', { siteId: siteA, screenedAt: today() })
    ).json();
    const { I1: _skip, ...partial } = allEligible;
    const res = await call(t.app, coordinator, 'PUT', `/api/v1/participants/${id}/eligibility`, {
      answers: partial,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'body.answers.I1', message: 'Answer yes or no.', code: 'ANSWER_YES_OR_NO', params: {} },
    ]);
  });

  it('screens, consents, records baseline and randomizes once, creating the visit schedule', async () => {
    const { id } = (
      await call(t.app, coordinator, 'POST', '/api/v1/participants', {
        siteId: siteA,
        screenedAt: daysAgo(3),
      })
    ).json();
    const base = `/api/v1/participants/${id}`;
    expect(
      (
        await call(t.app, coordinator, 'PUT', `${base}/visits/SCR/forms/demographics`, {
          data: demographics,
          status: 'complete',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await call(t.app, coordinator, 'PUT', `${base}/eligibility`, { answers: allEligible })).json()
        .eligible,
    ).toBe(true);

    const early = await call(t.app, coordinator, 'PUT', `${base}/visits/BL/forms/vas`, {
      data: vasData(50),
      status: 'complete',
    });
    expect(early.json().error.code).toBe('CONSENT_REQUIRED');

    const future = await call(t.app, coordinator, 'PUT', `${base}/visits/SCR/forms/consent`, {
      data: { consent_date: '2999-01-01', icf_version: '1.0', obtained_by: 'Dr. A' },
      status: 'complete',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ path: 'body.data.consent_date' });
    const beforeScreening = await call(t.app, coordinator, 'PUT', `${base}/visits/SCR/forms/consent`, {
      data: { consent_date: daysAgo(10), icf_version: '1.0', obtained_by: 'Dr. A' },
      status: 'complete',
    });
    expect(beforeScreening.statusCode).toBe(400);
    expect(beforeScreening.json().error.fields[0]).toMatchObject({
      path: 'body.data.consent_date',
      code: 'DATE_TOO_EARLY',
      params: { kind: 'event', ref: 'screening' },
    });
    const consent = await call(t.app, coordinator, 'PUT', `${base}/visits/SCR/forms/consent`, {
      data: { consent_date: daysAgo(1), icf_version: '1.0', obtained_by: 'Dr. A' },
      status: 'complete',
    });
    expect(consent.statusCode).toBe(200);

    const notYet = await call(t.app, coordinator, 'POST', `${base}/randomize`);
    expect(notYet.json().error).toMatchObject({
      code: 'BASELINE_INCOMPLETE',
      message: expect.stringContaining('VAS and ODI'),
    });

    const badVas = await call(t.app, coordinator, 'PUT', `${base}/visits/BL/forms/vas`, {
      data: vasData(101),
      status: 'complete',
    });
    expect(badVas.statusCode).toBe(400);
    expect(badVas.json().error.fields).toEqual([
      {
        path: 'body.data.vas_mm',
        message: expect.stringMatching(/100/),
        code: 'FIELD_MAX',
        params: { max: 100 },
      },
    ]);
    const vas = await call(t.app, coordinator, 'PUT', `${base}/visits/BL/forms/vas`, {
      data: vasData(70),
      status: 'complete',
    });
    expect(vas.json()).toMatchObject({ status: 'complete', version: 1, data: { vas_mm: 70 } });
    const odi = await call(t.app, coordinator, 'PUT', `${base}/visits/BL/forms/odi`, {
      data: { ...odiData, q8: null },
      status: 'complete',
    });
    // W2-like: one section skipped, score over 45 (protocol §3.2).
    expect(odi.json().data).toMatchObject({
      odi_sum: 17,
      odi_answered: 9,
      odi_pct_x10: 378,
      odi_low_completion: false,
    });

    const first = await call(t.app, coordinator, 'POST', `${base}/randomize`);
    expect(first.statusCode).toBe(201);
    const allocation = first.json();
    expect(['TLF_MOB', 'US_D5W']).toContain(allocation.allocation.arm);
    expect(allocation.allocation).toMatchObject({ stratum: 'S01', seq: 1 });
    // Randomized today: the follow-up visits of the definition, each with its target day and window.
    const schedule = computeVisitSchedule(t.app.study.visits, { randomization: today() });
    expect(allocation.visits.map(scheduled)).toEqual(schedule);
    expect(allocation.visits[0].status).toBe('upcoming');
    const again = await call(t.app, coordinator, 'POST', `${base}/randomize`);
    expect(again.statusCode).toBe(200);
    expect(again.json().allocation).toEqual(allocation.allocation);

    const events = await selectRows(
      t.db.db,
      {
        action: schema.auditLog.action,
        table_name: schema.auditLog.tableName,
        actor_role: schema.auditLog.actorRole,
      },
      sql`select action, table_name, actor_role from audit_log where participant_id = ${id}::uuid order by id`,
    );
    expect(events.map((e) => `${e.action} ${e.table_name}`)).toEqual(
      expect.arrayContaining([
        'INSERT participants',
        'INSERT form_records',
        'UPDATE randomization_slots',
        'RANDOMIZED randomization_slots',
        'INSERT visits',
      ]),
    );
    expect(new Set(events.map((e) => e.actor_role))).toEqual(new Set(['coordinator']));
  });

  it('never shows the arm to an assessor, and hides other sites', async () => {
    const id = await readyForRandomization(t.app, coordinator, siteA);
    await call(t.app, coordinator, 'POST', `/api/v1/participants/${id}/randomize`);
    const detail = await call(t.app, assessor, 'GET', `/api/v1/participants/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).not.toHaveProperty('allocation');
    expect(detail.body).not.toMatch(/TLF_MOB|US_D5W|intervention_/);
    const list = await call(t.app, assessor, 'GET', '/api/v1/participants');
    expect(list.json().length).toBeGreaterThan(0);
    expect(list.body).not.toMatch(/TLF_MOB|US_D5W|allocation/);
    const coordView = await call(t.app, coordinator, 'GET', `/api/v1/participants/${id}`);
    expect(coordView.json().allocation.arm).toMatch(/TLF_MOB|US_D5W/);
    expect((await call(t.app, otherCoordinator, 'GET', `/api/v1/participants/${id}`)).statusCode).toBe(404);
    expect(
      (await call(t.app, otherCoordinator, 'POST', `/api/v1/participants/${id}/randomize`)).statusCode,
    ).toBe(404);
  });

  it('refuses any change to an assigned slot at the database', async () => {
    const [slot] = await selectRows(
      t.db.db,
      { id: schema.randomizationSlots.id },
      sql`select id from randomization_slots where participant_id is not null limit 1`,
    );
    for (const statement of [
      sql`update randomization_slots set arm = 'TLF_MOB' where id = ${slot?.id}`,
      sql`update randomization_slots set participant_id = null where id = ${slot?.id}`,
      sql`delete from randomization_slots where id = ${slot?.id}`,
    ]) {
      const error = await withAudit(t.db.db, SYSTEM_ACTOR, (tx) => tx.execute(statement)).catch(
        (e: unknown) => e,
      );
      expect(databaseError(error)?.code).toBe('EA003');
    }
  });

  it('gives concurrent calls for one participant a single slot and identical answers', async () => {
    const id = await readyForRandomization(t.app, coordinator, siteA);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(t.app, coordinator, 'POST', `/api/v1/participants/${id}/randomize`),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => JSON.stringify(a.json().allocation))).size).toBe(1);
    const slots = await selectRows(
      t.db.db,
      {},
      sql`select 1 from randomization_slots where participant_id = ${id}::uuid`,
    );
    expect(slots).toHaveLength(1);
  });

  it('hands out contiguous slots to concurrent participants, even across two app instances', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await readyForRandomization(t.app, coordinator, siteA));
    // On PostgreSQL a second app with its own pool competes for the same slots, as a second process would.
    const second =
      testDbKind() === 'pg' && t.db.url
        ? await buildApp({
            db: await createDb({ databaseUrl: t.db.url }),
            config: testConfig(),
            logger: false,
          })
        : t.app;
    try {
      const results = await Promise.all(
        ids.map((id, i) =>
          call(i % 2 ? second : t.app, coordinator, 'POST', `/api/v1/participants/${id}/randomize`),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 201));
      const seqs = await selectRows(
        t.db.db,
        { seq: schema.randomizationSlots.seq },
        sql`select seq from randomization_slots where stratum_key = 'S01' and participant_id is not null order by seq`,
      );
      expect(seqs.map((s) => s.seq)).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      if (second !== t.app) {
        await second.close();
        await second.db.close();
      }
    }
  });
});

describe('randomization limits', () => {
  it('stops at the enrollment cap and when a stratum is exhausted, writing nothing', async () => {
    const capped = await buildTestApp({}, { ...lbpTrial, enrollment: { target: 3, cap: 3 } });
    try {
      const site = (await newSite(capped.db.db, { code: 'S01' })).id;
      const a = await signedInUser(capped, { role: 'admin', siteIds: [site] });
      const adminS = a.session;
      const staff = (await signedInUser(capped, { role: 'coordinator', siteIds: [site] })).session;

      const bad = await call(capped.app, adminS, 'POST', '/api/v1/admin/randomization-lists/import', {
        name: 'Bad list',
        csv: 'stratum,seq,arm\nS01,1,TLF_MOB\nS01,1,US_D5W\nS01,3,PLACEBO\n',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.length).toBeGreaterThanOrEqual(2);
      // One slot, no blocks: nothing shows it balanced, and it would not be the active list.
      const oneSlot = await call(capped.app, adminS, 'POST', '/api/v1/admin/randomization-lists/import', {
        name: 'One slot',
        csv: 'stratum,seq,arm\nS01,1,TLF_MOB\n',
      });
      expect(oneSlot.statusCode).toBe(400);
      expect(oneSlot.json().error.fields).toEqual([
        expect.objectContaining({ path: 'body.csv.row0.block_no' }),
      ]);
      const unbalanced = await call(capped.app, adminS, 'POST', '/api/v1/admin/randomization-lists/import', {
        name: 'Unbalanced',
        csv: 'stratum,seq,arm,block_no\nS01,1,TLF_MOB,1\nS01,2,TLF_MOB,1\n',
      });
      expect(unbalanced.json().error.fields).toEqual([
        expect.objectContaining({ path: 'body.csv.row1.arm' }),
      ]);

      const imported = await call(capped.app, adminS, 'POST', '/api/v1/admin/randomization-lists/import', {
        name: 'Tiny list',
        csv: 'stratum,seq,arm,block_no,block_size\nS01,1,TLF_MOB,1,2\nS01,2,US_D5W,1,2\n',
      });
      expect(imported.statusCode).toBe(201);
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await readyForRandomization(capped.app, staff, site));
      expect(
        (await call(capped.app, staff, 'POST', `/api/v1/participants/${ids[0]}/randomize`)).json().allocation
          .arm,
      ).toBe('TLF_MOB');
      expect(
        (await call(capped.app, staff, 'POST', `/api/v1/participants/${ids[1]}/randomize`)).json().allocation
          .arm,
      ).toBe('US_D5W');
      const exhausted = await call(capped.app, staff, 'POST', `/api/v1/participants/${ids[2]}/randomize`);
      expect(exhausted.json().error.code).toBe('RANDOMIZATION_LIST_EXHAUSTED');

      await call(capped.app, adminS, 'POST', '/api/v1/admin/randomization-lists/import', {
        name: 'Second list',
        csv: 'stratum,seq,arm,block_no,block_size\nS01,1,US_D5W,1,2\nS01,2,TLF_MOB,1,2\n',
        reason: 'the list ran out',
        password: a.password,
      });
      expect(
        (await call(capped.app, staff, 'POST', `/api/v1/participants/${ids[2]}/randomize`)).statusCode,
      ).toBe(201);
      const fourth = await readyForRandomization(capped.app, staff, site);
      const over = await call(capped.app, staff, 'POST', `/api/v1/participants/${fourth}/randomize`);
      expect(over.json().error.code).toBe('ENROLLMENT_CAP_REACHED');
      const [p] = await selectRows(
        capped.db.db,
        { status: schema.participants.status },
        sql`select status from participants where id = ${fourth}::uuid`,
      );
      expect(p?.status).toBe('enrolled');
    } finally {
      await capped.close();
    }
  });
});

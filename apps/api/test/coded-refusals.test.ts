import { testDbKind } from '@mini-edc/db/testing';
import { errorBodySchema, formIssueCodes, isServerMessageCode, serverMessageText } from '@mini-edc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from './helpers';
import { odiData, vasData } from './journey-helpers';
import { buildMonitorWorld, type MonitorWorld } from './monitor-world';
import { call } from './session';

let t: TestContext;
let w: MonitorWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildMonitorWorld(t);
});
afterAll(() => t?.close());

/**
 * Every refusal is a message code with parameters the web words in the user's language
 * (docs/errors.md, "Message codes"): a walk over refusals of many kinds — transport, session,
 * routing, form saves, queries, visits — checks that each answer names a known code and that its
 * English sentence is the one rendered from that code, never a free sentence.
 */
describe(`every refusal carries a message code on ${testDbKind()}`, () => {
  it('answers each bad request with a known code and its parameters', async () => {
    const coordinator = w.users.coordinator.session;
    const monitor = w.users.monitor.session;
    const form = (visit: string, code: string) =>
      `/api/v1/participants/${w.pA}/visits/${visit}/forms/${code}`;
    const requests = [
      t.app.inject({ method: 'GET', url: '/api/v1/participants' }),
      t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-csrf-token': 'login', 'content-type': 'application/json' },
        payload: '{not json',
      }),
      call(t.app, { ...coordinator, csrf: 'wrong' }, 'PUT', form('BL', 'vas'), { data: vasData(10) }),
      call(t.app, coordinator, 'PUT', form('NOPE', 'vas'), { data: vasData(10), status: 'draft' }),
      call(t.app, coordinator, 'PUT', form('BL', 'vas'), {
        data: { ...vasData(10), vas_method: 'paper', vas_line_length_mm: 120, vas_mark_mm: 78 },
        status: 'complete',
        reason: 'Correction of the entry',
      }),
      call(t.app, coordinator, 'PUT', form('BL', 'vas'), { data: vasData(12), status: 'complete' }),
      call(t.app, coordinator, 'PUT', form('BL', 'vas'), {
        data: vasData(12),
        status: 'complete',
        reason: 'Correction of the entry',
        expectedVersion: 99,
      }),
      call(t.app, monitor, 'POST', '/api/v1/queries', {
        recordId: w.vasA,
        field: 'no_such',
        message: 'Check',
      }),
      call(t.app, monitor, 'POST', '/api/v1/queries', { recordId: w.vasB, field: 'vas_mm' }),
      call(t.app, coordinator, 'GET', `/api/v1/participants/00000000-0000-4000-8000-000000000000`),
      call(t.app, coordinator, 'GET', '/api/v1/admin/users'),
    ];
    const seen = new Set<string>();
    for (const res of await Promise.all(requests)) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      const body = errorBodySchema.parse(res.json()).error;
      expect(isServerMessageCode(body.messageCode), res.body).toBe(true);
      if (!isServerMessageCode(body.messageCode)) continue;
      expect(body.message).toBe(serverMessageText(body.messageCode, body.params));
      seen.add(body.messageCode);
    }
    // The walk reaches refusals of many kinds, not one code over and over.
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });

  it('refuses bad form values with field codes, and no sentence carries a field code or formula', async () => {
    const coordinator = w.users.coordinator.session;
    const save = (code: string, data: Record<string, unknown>) =>
      call(t.app, coordinator, 'PUT', `/api/v1/participants/${w.pA}/visits/BL/forms/${code}`, {
        data,
        status: 'complete',
        reason: 'Correction of the entry',
      });
    const bad = [
      save('vas', { ...vasData(10), vas_method: 'paper', vas_line_length_mm: 120, vas_mark_mm: 78 }),
      save('vas', { ...vasData(10), vas_method: 'paper', vas_line_length_mm: 120 }),
      save('vas', { ...vasData(10), vas_mark_mm: 40, vas_line_length_mm: 100 }),
      save('vas', { ...vasData(150) }),
      save('vas', { ...vasData(10), vas_method: 'pen' }),
      save('vas', { ...vasData(10), assessed_at: 'yesterday' }),
      save('odi', { ...odiData, q8NotApplicable: true }),
      save('odi', { ...odiData, q3: 9 }),
    ];
    const developerNotation = /[a-z]+_[a-z_]+|q8NotApplicable|round\(|×/;
    const answers = await Promise.all(bad);
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(400);
      const body = errorBodySchema.parse(res.json()).error;
      expect(body.message).not.toMatch(developerNotation);
      expect(body.fields?.length, res.body).toBeGreaterThan(0);
      for (const field of body.fields ?? []) {
        // The path names the field for the form to place the message; the words never do.
        expect(field.path).toMatch(/^body\.data\./);
        expect(formIssueCodes as readonly string[], res.body).toContain(field.code);
        expect(field.message, res.body).not.toMatch(developerNotation);
      }
    }
    const mismatch = errorBodySchema.parse(answers[0]?.json()).error.fields?.[0];
    expect(mismatch).toMatchObject({
      path: 'body.data.vas_mm',
      code: 'FIELD_INVALID',
      params: { rule: 'VAS_PAPER_MISMATCH', expected: 65, mark: 78, length: 120 },
    });
  });
});

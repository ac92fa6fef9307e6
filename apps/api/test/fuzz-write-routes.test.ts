import { testDbKind } from '@mini-edc/db/testing';
import { errorBodySchema, type Role } from '@mini-edc/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/services/sessions';
import { buildTestApp, type TestContext } from './helpers';
import { type Method, matrixEntries } from './matrix/entries';
import { buildMatrixFixture, type MatrixFixture } from './matrix/fixture';
import { callerFor, fingerprint } from './matrix/route-walk';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const numRuns = Number(process.env.EDC_FUZZ_RUNS ?? 150);
const bodyLimit = 256 * 1024;

let t: TestContext;
let fx: MatrixFixture;
const sessions = {} as Record<Role, { cookie: string; csrf: string }>;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1_000_000 });
  fx = await buildMatrixFixture(t.app);
  await t.app.ready();
  for (const role of ['admin', 'coordinator', 'investigator', 'assessor', 'monitor'] as const) {
    const { token, session } = await createSession(t.db.db, fx.users[role].id, t.app.sessionPolicy);
    sessions[role] = { cookie: `edc_session=${token}`, csrf: session.csrfToken };
  }
});
afterAll(() => t?.close());

// --- Arbitraries -----------------------------------------------------------------------------

const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "'; drop table participants; --",
    '<script>alert(1)</script>',
    '\u202e\u0000\uffff',
    '𝕳𝖊𝖑𝖑𝖔 👩‍⚕️',
    '../../etc/passwd',
    '%00',
    '{{7*7}}',
  ),
);

/** Any JSON value, unicode and nulls included. */
const anyJson = fc.jsonValue({ maxDepth: 3 });

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A JSON value whose type differs from the original's, so it cannot satisfy the field's schema. */
function wrongTypeFor(original: unknown): fc.Arbitrary<unknown> {
  const type = jsonType(original);
  const candidates: fc.Arbitrary<unknown>[] = [
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.double({ noNaN: true }),
    fc.boolean(),
    hostileText,
    fc.array(anyJson, { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 4 }),
  ];
  return fc.oneof(...candidates).filter((v) => {
    const t2 = jsonType(v);
    // Integers and doubles are both numbers; a string where a number is wanted is still wrong.
    return t2 !== type;
  });
}

/** Strings longer than any field allows (the longest free text allowed is 2 000 characters). */
const oversizeString = fc.integer({ min: 2_001, max: 60_000 }).map((n) => 'x'.repeat(n));

/** Scores and values outside every range of the VAS and ODI forms. */
const outOfRangeScore = fc.oneof(
  fc.integer({ min: 101, max: 1e9 }),
  fc.integer({ min: -1e9, max: -1 }),
  fc.double({ min: 0.01, max: 99.99, noInteger: true }),
  fc.constantFrom(1e308, -0.5, 100.5),
);

/** Text no keyboard types: lone UTF-16 surrogates and NUL (PostgreSQL cannot store them). */
const malformedText = fc.constantFrom('a\uD800b', '\uDC00', 'broken \uD83D', 'x\u0000y', '\u0000');

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;
/** Dates a trial cannot hold: year 0000 (PostgreSQL refuses it), year 1 and year 9999. */
const implausibleDate = fc.constantFrom('0000-01-01', '0000-02-29', '0001-01-01', '9999-12-31');

/** Each date-valued key of `record` set to an implausible day (keeping a date-time's time). */
function implausibleDates(record: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> | null {
  const dateKeys = Object.keys(record).filter((k) => {
    const v = record[k];
    return typeof v === 'string' && DATE_PREFIX.test(v);
  });
  if (dateKeys.length === 0) return null;
  return fc
    .tuple(fc.constantFrom(...dateKeys), implausibleDate)
    .map(([k, day]) => ({ ...record, [k]: String(record[k]).replace(DATE_PREFIX, day) }));
}

/** A string of `record` replaced by malformed text. */
function malformedStrings(record: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> | null {
  const textKeys = Object.keys(record).filter((k) => typeof record[k] === 'string');
  if (textKeys.length === 0) return null;
  return fc.tuple(fc.constantFrom(...textKeys), malformedText).map(([k, v]) => ({ ...record, [k]: v }));
}

type Mutation = { kind: 'json'; payload: unknown } | { kind: 'raw'; body: string; contentType: string };

function bodyMutations(valid: Record<string, unknown>): fc.Arbitrary<Mutation> {
  const keys = Object.keys(valid);
  const options: fc.Arbitrary<Mutation>[] = [
    // The root is not an object at all.
    fc
      .oneof(fc.constant(null), fc.integer(), fc.boolean(), hostileText, fc.array(anyJson, { maxLength: 3 }))
      .map((payload) => ({ kind: 'json' as const, payload })),
    // Unknown fields, with unicode keys, nulls and nested values: strict schemas refuse them.
    fc
      .dictionary(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((k) => `__fuzz_${k}`),
        anyJson,
        { minKeys: 1, maxKeys: 3 },
      )
      .map((extra) => ({ kind: 'json' as const, payload: { ...valid, ...extra } })),
    // Malformed JSON text.
    fc
      .oneof(
        fc.constantFrom('{', '{"a":', '[1,', 'nul', '{"data": {"vas_mm": 1,}}', "{'a': 1}", '\u0000'),
        fc.string({ maxLength: 30 }).filter((s) => {
          try {
            JSON.parse(s);
            return false;
          } catch {
            return true;
          }
        }),
      )
      .map((body) => ({ kind: 'raw' as const, body, contentType: 'application/json' })),
    // A body over the 256 KiB limit.
    fc.integer({ min: bodyLimit + 1, max: bodyLimit * 2 }).map((n) => ({
      kind: 'raw' as const,
      body: JSON.stringify({ ...valid, padding: 'p'.repeat(n) }),
      contentType: 'application/json',
    })),
    // The right JSON with a content type the API does not accept.
    fc
      .constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x')
      .map((contentType) => ({
        kind: 'raw' as const,
        body: JSON.stringify(valid),
        contentType,
      })),
  ];
  if (keys.length > 0) {
    const key = fc.constantFrom(...keys);
    // One field of the wrong JSON type; or, where the field is text, longer than any limit.
    options.push(
      key.chain((k) =>
        wrongTypeFor(valid[k]).map((v) => ({ kind: 'json' as const, payload: { ...valid, [k]: v } })),
      ),
    );
    const textKeys = keys.filter((k) => typeof valid[k] === 'string');
    if (textKeys.length > 0) {
      options.push(
        fc
          .tuple(fc.constantFrom(...textKeys), oversizeString)
          .map(([k, v]) => ({ kind: 'json' as const, payload: { ...valid, [k]: v } })),
      );
    }
    // NUL and lone surrogates in text; implausible dates (years 0000, 0001, 9999).
    for (const mutated of [malformedStrings(valid), implausibleDates(valid)]) {
      if (mutated) options.push(mutated.map((payload) => ({ kind: 'json' as const, payload })));
    }
    // Required fields missing: the body with every field null.
    options.push(
      fc.constant({
        kind: 'json' as const,
        payload: Object.fromEntries(keys.map((k) => [k, null])),
      }),
    );
  }
  const data = valid.data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    const numeric = Object.keys(record).filter((k) => typeof record[k] === 'number');
    if (numeric.length > 0) {
      // Out-of-range scores inside the form data (VAS 0-100 mm, ODI items 0-5).
      options.push(
        fc
          .tuple(fc.constantFrom(...numeric), outOfRangeScore)
          .map(([k, v]) => ({ kind: 'json' as const, payload: { ...valid, data: { ...record, [k]: v } } })),
      );
    }
    for (const mutated of [malformedStrings(record), implausibleDates(record)]) {
      if (mutated)
        options.push(mutated.map((d) => ({ kind: 'json' as const, payload: { ...valid, data: d } })));
    }
    options.push(
      fc
        .tuple(
          fc.constantFrom(...Object.keys(record)),
          wrongTypeFor('a string').filter((v) => typeof v !== 'number'),
        )
        .map(([k, v]) => ({ kind: 'json' as const, payload: { ...valid, data: { ...record, [k]: v } } })),
    );
  }
  return fc.oneof(...options);
}

/** Route parameters that no route accepts (not a UUID, not a code), URL-encoded. */
const hostileParam = fc
  .oneof(
    hostileText,
    fc.constantFrom("1' or '1'='1", '00000000-0000-0000-0000-00000000000g', 'NaN', '-1', '..', 'null'),
  )
  .filter((s) => s.length > 0 && !/^[A-Za-z0-9_]+$/.test(s));

function withHostileParam(template: string, url: string): fc.Arbitrary<string> | null {
  const names = template.match(/:[A-Za-z]+/g) ?? [];
  if (names.length === 0) return null;
  const templateParts = template.split('/');
  const urlParts = url.split('/');
  return fc.tuple(fc.constantFrom(...names), hostileParam).map(([name, value]) => {
    const i = templateParts.indexOf(name);
    const parts = [...urlParts];
    parts[i] = encodeURIComponent(value);
    return parts.join('/');
  });
}

// --- The property ----------------------------------------------------------------------------

describe(`hostile input to every write route on ${testDbKind()}`, () => {
  it('answers 4xx with the error body and changes nothing', async () => {
    const routes = t.app.apiRoutes.filter((r) => writeMethods.has(r.method));
    expect(routes.length).toBeGreaterThan(10);
    const before = await fingerprint(t.db.db);
    const failures: string[] = [];
    let requests = 0;
    const statuses: Record<string, number> = {};

    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const entry = matrixEntries[key];
      const caller = callerFor(entry);
      const example = entry?.request(fx, fx.own) ?? { url: route.url.replace(/:[A-Za-z]+/g, 'x') };
      const valid = (example.payload ?? undefined) as Record<string, unknown> | undefined;
      const arbitraries: fc.Arbitrary<{ url: string; mutation: Mutation | null }>[] = [];
      // Bodies are fuzzed only where the route takes one: a route without a body schema ignores it.
      if (valid && typeof valid === 'object') {
        arbitraries.push(bodyMutations(valid).map((mutation) => ({ url: example.url, mutation })));
      } else {
        // Routes without a body still parse one: malformed or oversize JSON never reaches them.
        arbitraries.push(
          fc
            .oneof(
              fc.constantFrom('{', '[1,', 'nul').map((body) => ({ body, size: 0 })),
              fc.integer({ min: bodyLimit + 1, max: bodyLimit + 4096 }).map((size) => ({ body: '', size })),
            )
            .map(({ body, size }) => ({
              url: example.url,
              mutation: {
                kind: 'raw' as const,
                body: size > 0 ? JSON.stringify({ padding: 'p'.repeat(size) }) : body,
                contentType: 'application/json',
              },
            })),
        );
      }
      const params = withHostileParam(route.url, example.url);
      if (params) {
        arbitraries.push(
          params.map((url) => ({ url, mutation: valid ? { kind: 'json' as const, payload: valid } : null })),
        );
      }

      // fc.check never throws: a property that returns false has listed its answer below, and one
      // that throws (the app crashed, a body was not JSON) fails the test with fast-check's report.
      let badAnswer: string | undefined;
      const details = await fc.check(
        fc.asyncProperty(fc.oneof(...arbitraries), async ({ url, mutation }) => {
          const headers: Record<string, string> = {};
          if (caller === 'public') {
            headers['x-csrf-token'] = 'login';
          } else {
            headers.cookie = sessions[caller].cookie;
            headers['x-csrf-token'] = sessions[caller].csrf;
          }
          let payload: string | undefined;
          if (mutation?.kind === 'json') {
            headers['content-type'] = 'application/json';
            payload = JSON.stringify(mutation.payload);
          } else if (mutation?.kind === 'raw') {
            headers['content-type'] = mutation.contentType;
            payload = mutation.body;
          }
          const res = await t.app.inject({
            method: route.method as Method,
            url,
            headers,
            ...(payload === undefined ? {} : { payload }),
          });
          requests++;
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          const body = (() => {
            try {
              return res.json() as unknown;
            } catch {
              return res.body;
            }
          })();
          const parsed = errorBodySchema.safeParse(body);
          const ok = res.statusCode >= 400 && res.statusCode < 500 && parsed.success;
          if (!ok) {
            const shown = payload === undefined ? '' : payload.slice(0, 160);
            badAnswer = `${key} as ${caller}: ${res.statusCode} ${res.body.slice(0, 200)} ← ${url} ${shown}`;
          }
          return ok;
        }),
        { numRuns, seed: Number(process.env.EDC_FUZZ_SEED ?? 20_260_801), endOnFailure: true },
      );
      // Every route runs before the test fails, so one run lists them all.
      if (details.failed)
        failures.push(badAnswer ?? `${key} as ${caller}: ${fc.defaultReportMessage(details)}`);
    }

    console.log(
      `fuzzed ${routes.length} write routes with ${requests} hostile requests on ${testDbKind()}: ` +
        JSON.stringify(statuses),
    );
    expect(failures).toEqual([]);
    expect(await fingerprint(t.db.db)).toEqual(before);
  }, 600_000); // 2,300 requests took over 300 s at a load average of 50
});

import { testDbKind } from '@mini-edc/db/testing';
import { armRevealingTerms, DomainError } from '@mini-edc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditBlindingFor } from '../src/services/audit-blinding';
import { auditRecords } from '../src/services/audit-export';
import { listAuditPage } from '../src/services/audit-review';
import { createQuery } from '../src/services/queries';
import { participantReview } from '../src/services/record-review';
import { markSdv } from '../src/services/sdv';
import type { AuthUser } from '../src/services/sessions';
import { type BlindWorld, buildBlindWorld, MARK, plantEndOfStudy, plantHidden } from './blind-world';
import { buildTestApp, type TestContext } from './helpers';
import { call } from './session';

/**
 * Every surface a blinded viewer reaches applies the blinding of the study definition on the
 * server (R-BLIND-2, R-BLIND-3): what tells the arm is absent, not counted, and its ids answer
 * like ids that do not exist. The assessor's answers are taken before and after arm-revealing
 * records are planted and must be the same; then every answer is searched for the planted text,
 * the arm codes and labels, intervention form codes and revealing choice values.
 *
 * Audit review, the audit CSV and the SDV views are not routes the assessor may call; their
 * services are asked as the assessor, the blinded subject a future role with those capabilities
 * would be, so the blinding does not depend on the role table.
 */
let t: TestContext;
let w: BlindWorld;

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 10_000 });
  w = await buildBlindWorld(t);
}, 300_000);
afterAll(() => t?.close());

const env = () => ({ db: t.db.db, study: t.app.study, timeZone: t.app.config.EDC_STUDY_TIMEZONE });
const get = async (url: string, who: keyof BlindWorld['sessions'] = 'assessor') => {
  const res = await call(t.app, w.sessions[who], 'GET', url);
  return { status: res.statusCode, body: res.body };
};

/** Everything the assessor can read about the world, as text, with the clock's stamps removed. */
async function assessorView(user: AuthUser = w.users.assessor): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const urls = ['/api/v1/participants', '/api/v1/worklist', '/api/v1/queries', '/api/v1/queries/counts'];
  for (const p of w.participants) {
    urls.push(`/api/v1/participants/${p.id}`, `/api/v1/participants/${p.id}/scores`);
  }
  urls.push(
    `/api/v1/records/${w.visibleRecord}/history`,
    '/api/v1/dashboard',
    '/api/v1/dashboard/consort.svg',
  );
  for (const url of urls) {
    const res = await get(url);
    expect(res.status, url).toBe(200);
    out[url] = res.body.replace(/"generatedAt":"[^"]+"/, '');
  }
  const audit = await listAuditPage(t.db.db, { user, query: { limit: 1000 }, study: t.app.study });
  out.audit = JSON.stringify(audit);
  const csv: string[][] = [];
  const blinding = auditBlindingFor(user, t.app.study);
  for await (const row of auditRecords(t.db.db, { user, filter: {}, blinding })) csv.push(row);
  out.auditCsv = JSON.stringify(csv);
  for (const p of w.participants) {
    out[`review ${p.id}`] = JSON.stringify(await participantReview(env(), user, p.id));
  }
  return out;
}

function leaksIn(view: Record<string, string>): string[] {
  const terms = [
    ...armRevealingTerms(t.app.study),
    MARK,
    'adverse_event',
    'deviation',
    'dextrose',
    'injection',
    ...w.hiddenRecords,
  ].map((term) => term.toLowerCase());
  return Object.entries(view).flatMap(([where, text]) =>
    terms.filter((term) => text.toLowerCase().includes(term)).map((term) => `${where}: ${term}`),
  );
}

describe(`blinding on every surface on ${testDbKind()}`, () => {
  it('gives the assessor follow-up scores only: no baseline, change from baseline or MCID', async () => {
    const [p] = w.participants;
    const blinded = JSON.parse((await get(`/api/v1/participants/${p?.id}/scores`)).body);
    expect(blinded).toEqual({
      points: [{ visitCode: 'W1', vasMm: 30, odiPctX10: expect.any(Number) }],
    });
    const staff = JSON.parse((await get(`/api/v1/participants/${p?.id}/scores`, 'investigator')).body);
    expect(staff.thresholds).toBeDefined();
    expect(staff.points.map((x: { visitCode: string }) => x.visitCode)).toEqual(['BL', 'W1']);
    expect(staff.points[1]).toMatchObject({ vasDelta: -32, vasResponder: true });
  });

  it('leaves every answer to the assessor unchanged when arm-revealing records are added', async () => {
    const before = await assessorView();
    expect(JSON.parse(before['/api/v1/worklist'] ?? '[]').length).toBe(w.participants.length);
    await plantHidden(w);
    expect(w.hiddenRecords.length).toBeGreaterThanOrEqual(3 * w.participants.length);
    const after = await assessorView();
    for (const key of Object.keys(before)) expect(after[key], key).toBe(before[key]);
    // The same reads by an unblinded monitor do change: the check above can fail.
    const monitorAudit = JSON.stringify(
      await listAuditPage(t.db.db, { user: w.users.monitor, query: { limit: 1000 }, study: t.app.study }),
    );
    expect(monitorAudit).toContain(MARK);
    expect(
      JSON.stringify(await participantReview(env(), w.users.monitor, w.participants[0]?.id ?? '')),
    ).toContain('adverse_event');
  });

  it('shows the withdrawal, but nothing of the end-of-study text, reason or choices', async () => {
    const eos = await plantEndOfStudy(w);
    const view = await assessorView();
    const history = await get(`/api/v1/records/${eos}/history`);
    expect(history.status).toBe(200);
    view.eosHistory = history.body;
    expect(leaksIn(view)).toEqual([]);
    const [first] = w.participants;
    const detail = JSON.parse(view[`/api/v1/participants/${first?.id}`] ?? '{}');
    expect(detail.status).toBe('withdrawn');
    const record = detail.records.find((r: { id: string }) => r.id === eos);
    expect(Object.keys(record.data).sort()).toEqual(['date', 'status']);
    // Its audit rows are there, with the safe fields only and no reason for the change.
    const audit = await listAuditPage(t.db.db, {
      user: w.users.assessor,
      query: { limit: 1000 },
      study: t.app.study,
    });
    const rows = audit.items.filter((a) => a.recordId === eos);
    expect(rows.length).toBe(2);
    for (const row of rows) {
      expect(row.reason).toBeNull();
      expect(row.changes.map((c) => c.field).filter((f) => f.startsWith('data.'))).not.toContain(
        'data.reason_other',
      );
    }
  });

  it('answers a hidden record id exactly like an id that does not exist', async () => {
    const missing = await get('/api/v1/records/00000000-0000-4000-8000-000000000000/history');
    expect(missing.status).toBe(404);
    const strip = (body: string) => body.replace(/"requestId":"[^"]*"/, '');
    for (const id of w.hiddenRecords) {
      const res = await get(`/api/v1/records/${id}/history`);
      expect(res.status, id).toBe(missing.status);
      expect(strip(res.body), id).toBe(strip(missing.body));
      expect((await get(`/api/v1/records/${id}/history`, 'monitor')).status).toBe(200);
    }
    const ctx = { actorId: w.users.assessor.id, actorRole: 'assessor' };
    const refusal = async (recordId: string) => {
      try {
        await markSdv(env(), { user: w.users.assessor, ctx, input: { recordId } });
      } catch (error) {
        return error instanceof DomainError ? `${error.code} ${error.message}` : String(error);
      }
      return 'marked';
    };
    const none = await refusal('00000000-0000-4000-8000-000000000000');
    expect(none).toMatch(/^NOT_FOUND/);
    for (const id of w.hiddenRecords) expect(await refusal(id), id).toBe(none);
  });

  it('lets a blinded viewer raise queries only where they may read them, on fields they see', async () => {
    const ctx = { actorId: w.users.assessor.id, actorRole: 'assessor' };
    const raise = async (recordId: string, field: string) => {
      try {
        await createQuery(env(), {
          user: w.users.assessor,
          ctx,
          input: { recordId, field, message: 'Please check.' },
        });
        return 'opened';
      } catch (error) {
        return error instanceof DomainError ? `${error.code} ${error.message}` : String(error);
      }
    };
    const none = await raise('00000000-0000-4000-8000-000000000000', 'date');
    expect(none).toMatch(/^NOT_FOUND/);
    for (const id of w.hiddenRecords) expect(await raise(id, 'description'), id).toBe(none);
    const eos = w.participants[0] && (await get(`/api/v1/participants/${w.participants[0].id}`)).body;
    const eosId = JSON.parse(eos ?? '{}').records.find(
      (r: { formCode: string }) => r.formCode === 'end_of_study',
    )?.id;
    expect(await raise(eosId, 'status')).toBe(none);
    expect(await raise(w.visibleRecord, 'vas_mm')).toBe('opened');
  });

  it('answers every route that takes a record id alike for a hidden record and a missing one', async () => {
    const paths: Record<string, Record<string, unknown>> = (
      await t.app.inject({ method: 'GET', url: '/docs/json' })
    ).json().paths;
    const strip = (body: string) => body.replace(/"requestId":"[^"]*"/g, '');
    const missing = '00000000-0000-4000-8000-000000000000';
    let asked = 0;
    for (const [path, methods] of Object.entries(paths)) {
      if (!path.includes('{recordId}')) continue;
      for (const method of Object.keys(methods)) {
        const verb = method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const url = (id: string) => `/api/v1${path.replace(/^\/api\/v1/, '').replace('{recordId}', id)}`;
        const ask = async (id: string) => {
          const res = await call(t.app, w.sessions.assessor, verb, url(id), verb === 'GET' ? undefined : {});
          return `${res.statusCode} ${strip(res.body)}`;
        };
        const none = await ask(missing);
        for (const id of w.hiddenRecords) expect(await ask(id), `${method} ${path}`).toBe(none);
        asked++;
      }
    }
    expect(asked).toBeGreaterThanOrEqual(2);
  });

  it('refuses the assessor every treatment form in the same words whatever the arm', async () => {
    const strip = (body: string) => body.replace(/"requestId":"[^"]*"/g, '');
    for (const arm of t.app.study.arms) {
      const answers = new Set<string>();
      for (const p of w.participants) {
        const res = await call(
          t.app,
          w.sessions.assessor,
          'PUT',
          `/api/v1/participants/${p.id}/visits/TX/forms/${arm.interventionForm}`,
          { data: { date: '2026-01-05' }, status: 'draft' },
        );
        answers.add(`${res.statusCode} ${strip(res.body)}`);
      }
      expect([...answers], arm.code).toHaveLength(1);
      expect([...answers][0]).toMatch(/^403 /);
    }
  });

  it('keeps hidden records out of the audit trail, its CSV and the review views of a blinded viewer', async () => {
    const view = await assessorView();
    expect(view.audit).toContain(w.visibleRecord);
    for (const id of w.hiddenRecords) {
      expect(view.audit).not.toContain(id);
      expect(view.auditCsv).not.toContain(id);
    }
    expect(leaksIn(view)).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { field, schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCasebook } from '../src/services/casebook-source';
import { buildCloseoutWorld, type CloseoutWorld, PASSWORD } from './closeout-world';
import { buildTestApp, type TestContext } from './helpers';
import { vasData } from './journey-helpers';
import { recordOf } from './monitor-world';
import { pdfPages } from './pdf-text';
import { call } from './session';
import { unzip } from './zip-helpers';

let t: TestContext;
let w: CloseoutWorld;
let beforeCorrection: string;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCloseoutWorld(t);
  await new Promise((r) => setTimeout(r, 20));
  beforeCorrection = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  const base = `/api/v1/participants/${w.pA}/visits/BL`;
  const coordinator = w.users.coordinator.session;
  const fix = await call(t.app, coordinator, 'PUT', `${base}/forms/vas`, {
    data: vasData(58),
    status: 'complete',
    reason: 'transcription error',
  });
  expect(fix.statusCode).toBe(200);
  const q = await call(t.app, w.users.monitor.session, 'POST', '/api/v1/queries', {
    recordId: await recordOf(t, w.pA, 'BL', 'odi'),
    field: 'q3',
    message: 'Is the lifting score right?',
  });
  expect(q.statusCode).toBe(201);
  await call(t.app, coordinator, 'POST', `/api/v1/queries/${q.json().id}/answer`, {
    message: 'Yes, checked.',
  });
  await call(t.app, w.users.monitor.session, 'POST', `/api/v1/queries/${q.json().id}/close`, {
    message: 'Thanks.',
  });
  const sign = await call(t.app, w.users.investigator.session, 'POST', `${base}/sign`, {
    password: PASSWORD,
  });
  expect(sign.statusCode).toBe(200);
  // Under a shared machine's load the migrated database and the users take long to set up.
}, 300_000);
afterAll(() => t?.close());

const participant = async (id: string) => {
  const [p] = await selectRows(
    t.db.db,
    {
      id: schema.participants.id,
      studyId: schema.participants.studyId,
      siteId: schema.participants.siteId,
      siteCode: schema.sites.code,
      siteName: schema.sites.name,
    },
    sql`select p.id, p.study_id as "studyId", p.site_id as "siteId", s.code as "siteCode", s.name as "siteName"
        from participants p join sites s on s.id = p.site_id where p.id = ${id}::uuid`,
  );
  if (!p) throw new Error('no participant');
  return p;
};

describe(`casebooks on ${testDbKind()}`, () => {
  it('rebuilds what the database held at the as-of time from the audit trail', async () => {
    const p = await participant(w.pA);
    const now = await loadCasebook(t.db.db, { study: t.app.study, participant: p, asOf: new Date() });
    const then = await loadCasebook(t.db.db, {
      study: t.app.study,
      participant: p,
      asOf: new Date(beforeCorrection),
    });
    const vas = (m: typeof now) => m.records.find((r) => r.visitCode === 'BL' && r.formCode === 'vas');
    expect(vas(then)?.data.vas_mm).toBe(62);
    expect(vas(then)?.status).toBe('complete');
    expect(vas(now)?.data.vas_mm).toBe(58);
    expect(vas(now)?.status).toBe('signed');
    expect(vas(now)?.signatures).toHaveLength(1);
    expect(then.records.flatMap((r) => r.queries)).toHaveLength(0);
    const odi = now.records.find((r) => r.formCode === 'odi');
    expect(odi?.queries[0]?.messages.map((m) => m.kind)).toEqual(['open', 'answer', 'close']);
    // Replayed now equals the tables now.
    const rows = await t.db.db
      .select()
      .from(schema.formRecords)
      .where(eq(schema.formRecords.participantId, w.pA));
    for (const row of rows) {
      const replayed = now.records.find((r) => r.id === row.id);
      expect(replayed).toMatchObject({ status: row.status, version: row.version, data: row.data });
    }
    expect(now.allocation?.stratum).toBe('S01');
  });

  it('serves one casebook as a PDF with its hash, cover and contents, audited', async () => {
    const res = await call(
      t.app,
      w.users.investigator.session,
      'GET',
      `/api/v1/closeout/casebooks/${w.pA}?lang=tr`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(res.headers['x-content-sha256']).toBe(sha256(pdf));
    const pages = await pdfPages(pdf);
    const cover = pages[0] ?? '';
    for (const text of [
      'Olgu dosyası',
      'S01-0001',
      'S01 — Ankara City Hospital',
      `${t.app.study.id} v1`,
      'İçeriğin SHA-256 değeri',
    ]) {
      expect(cover).toContain(text);
    }
    const all = pages.join('\n');
    for (const text of [
      'Başlangıç',
      'Oswestry Disabilite İndeksi',
      '3. Yük kaldırma',
      'Yes, checked.',
      'Denetim izi',
      'imzalandı',
    ]) {
      expect(all).toContain(text);
    }
    // Signatures with their meaning and time, as stored; the correction's reason in the audit trail.
    const [signature] = await selectRows(
      t.db.db,
      { signer: schema.signatures.signerName, meaning: schema.signatures.meaning, signedAt: field.text },
      sql`select signer_name as signer, meaning, to_char(signed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "signedAt"
          from signatures s join form_records r on r.id = s.record_id
          where r.participant_id = ${w.pA}::uuid and r.form_code = 'vas' and s.voided_at is null`,
    );
    const flat = all.replace(/\s+/g, ' ');
    expect(flat).toContain('İmzalar');
    expect(flat).toContain(`${signature?.signer} · "${signature?.meaning}" · ${signature?.signedAt} UTC`);
    expect(flat).toContain('transcription error');
    // The audit trail speaks the reader's language: no table, column or action names.
    const trail = flat.slice(flat.lastIndexOf('Denetim izi'));
    expect(trail).toContain('katılımcı oluşturuldu');
    expect(trail).toContain('onam tarihi');
    expect(trail.match(/\b[a-z]+_[a-z0-9_]+\b/g) ?? []).toEqual([]);
    expect(trail.match(/\b(INSERT|UPDATE|DELETE|[A-Z]+_[A-Z_]+)\b/g) ?? []).toEqual([]);
    const file = await call(
      t.app,
      w.users.investigator.session,
      'GET',
      `/api/v1/closeout/files/${res.headers['x-closeout-file-id']}`,
    );
    expect(file.json()).toMatchObject({
      kind: 'casebook',
      status: 'completed',
      sha256: sha256(pdf),
      language: 'tr',
    });
    expect(cover.replace(/\s/g, '')).toContain(String(file.json().manifest.contentSha256));
    const [event] = await selectRows(
      t.db.db,
      { action: schema.auditLog.action },
      sql`select action from audit_log where action = 'CASEBOOK' and record_id = ${String(res.headers['x-closeout-file-id'])}`,
    );
    expect(event?.action).toBe('CASEBOOK');
  });

  it('as of an earlier time, the PDF states that time and shows neither the later signature nor the query', async () => {
    const res = await call(
      t.app,
      w.users.admin.session,
      'GET',
      `/api/v1/closeout/casebooks/${w.pA}?lang=en&asOf=${encodeURIComponent(beforeCorrection)}`,
    );
    expect(res.statusCode).toBe(200);
    const pages = (await pdfPages(res.rawPayload)).map((p) => p.replace(/\s+/g, ' '));
    const asOf = `${beforeCorrection.slice(0, 16).replace('T', ' ')} UTC`;
    expect(pages[0]).toContain(`Data as of ${asOf}`);
    const all = pages.join('\n');
    expect(all).toContain('Baseline');
    expect(all).not.toContain('Signatures');
    expect(all).not.toContain('Is the lifting score right?');
    expect(all).not.toContain('transcription error');
  });

  it('keeps casebooks within the site and away from blinded roles', async () => {
    expect(
      (await call(t.app, w.users.coordinatorB.session, 'GET', `/api/v1/closeout/casebooks/${w.pA}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, w.users.assessor.session, 'GET', `/api/v1/closeout/casebooks/${w.pA}`)).statusCode,
    ).toBe(403);
    const future = await call(
      t.app,
      w.users.admin.session,
      'GET',
      `/api/v1/closeout/casebooks/${w.pA}?asOf=2999-01-01T00:00:00Z`,
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('querystring.asOf');
  });

  it("streams a site's casebooks as one archive whose manifest and hash check out", async () => {
    const res = await call(
      t.app,
      w.users.admin.session,
      'GET',
      `/api/v1/closeout/sites/${w.siteA}/casebooks?lang=en`,
    );
    expect(res.statusCode).toBe(200);
    const zip = res.rawPayload;
    const files = await unzip(zip);
    expect([...files.keys()]).toEqual(['casebooks/S01-0001.pdf', 'manifest.json']);
    const manifest = JSON.parse(files.get('manifest.json')?.toString() ?? '{}');
    expect(manifest.site.code).toBe('S01');
    expect(manifest.files[0]).toMatchObject({
      studyId: 'S01-0001',
      sha256: sha256(files.get('casebooks/S01-0001.pdf') ?? Buffer.alloc(0)),
    });
    const file = await call(
      t.app,
      w.users.admin.session,
      'GET',
      `/api/v1/closeout/files/${res.headers['x-closeout-file-id']}`,
    );
    expect(file.json()).toMatchObject({ kind: 'site_casebooks', status: 'completed', sha256: sha256(zip) });

    const early = await call(
      t.app,
      w.users.admin.session,
      'GET',
      `/api/v1/closeout/sites/${w.siteA}/casebooks?asOf=2000-01-01T00:00:00Z`,
    );
    expect([...(await unzip(early.rawPayload)).keys()]).toEqual(['manifest.json']);
  });
});

import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { field, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import type { AllocationVerificationSummary } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { main as verifyCli } from '../src/cli/verify-allocation';
import { auditChanges, parsedBy } from '../src/services/row-fields';
import { buildCloseoutWorld, type CloseoutWorld, lockStudy } from './closeout-world';
import { buildTestApp, type TestContext } from './helpers';
import { call } from './session';
import { unzip } from './zip-helpers';

let t: TestContext;
let w: CloseoutWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCloseoutWorld(t);
  // Under a shared machine's load the migrated database and the users take long to set up.
}, 300_000);
afterAll(() => t?.close());

const admin = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  call(t.app, w.users.admin.session, method, url, payload);
const verify = (body: object) => admin('POST', '/api/v1/closeout/allocation-verifications', body);
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function runCli(args: string[]) {
  const lines: string[] = [];
  const code = await verifyCli(args, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
}

describe(`allocation verification on ${testDbKind()}`, () => {
  it('is refused before lock, and to anyone but an admin', async () => {
    const early = await verify({ listId: w.listId, seedHex: w.seedHex });
    expect(early.statusCode).toBe(409);
    const exp = await admin('GET', `/api/v1/closeout/randomization-lists/${w.listId}/allocation-export.json`);
    expect(exp.statusCode).toBe(409);
    expect((await admin('GET', '/api/v1/closeout/final-bundle')).statusCode).toBe(409);
    await lockStudy(t, w);
    const monitor = await call(
      t.app,
      w.users.monitor.session,
      'POST',
      '/api/v1/closeout/allocation-verifications',
      {
        listId: w.listId,
        seedHex: w.seedHex,
      },
    );
    expect(monitor.statusCode).toBe(403);
  });

  it('names the field when the seed is malformed or both or neither are given', async () => {
    for (const body of [{ listId: w.listId, seedHex: 'abc' }, { listId: w.listId }]) {
      const res = await verify(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toBe('body.seedHex');
    }
  });

  it('confirms the committed list with the right seed, in HTML and PDF, audited with their SHA-256', async () => {
    const res = await verify({ listId: w.listId, seedHex: w.seedHex });
    expect(res.statusCode).toBe(201);
    const summary = res.json() as AllocationVerificationSummary;
    expect(summary).toMatchObject({ match: true, commitmentMatches: true, mismatchCount: 0, allocations: 2 });
    expect(summary.verdict).toMatch(/^MATCH/);

    const html = await admin('GET', `/api/v1/closeout/allocation-verifications/${summary.id}/report.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['x-content-sha256']).toBe(summary.htmlSha256);
    expect(sha256(html.rawPayload)).toBe(summary.htmlSha256);
    for (const text of ['mini-edc/permuted-block-sha256/1', 'S01-0001', 'S02-0001', 'confirmed', 'MATCH']) {
      expect(html.body).toContain(text);
    }
    const pdf = await admin('GET', `/api/v1/closeout/allocation-verifications/${summary.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf.rawPayload)).toBe(summary.pdfSha256);

    const [event] = await selectRows(
      t.db.db,
      { changes: auditChanges },
      sql`select changes from audit_log where action = 'ALLOCATION_VERIFIED' and record_id = ${summary.id}`,
    );
    expect(event?.changes).toMatchObject({
      match: true,
      pdf_sha256: summary.pdfSha256,
      html_sha256: summary.htmlSha256,
    });
    // The stored report names arms; its audit row does not.
    const [row] = await selectRows(
      t.db.db,
      { changes: field.text },
      sql`select changes::text from audit_log where table_name = 'allocation_verifications' and action = 'INSERT'`,
    );
    expect(row?.changes).not.toMatch(/TLF_MOB|US_D5W/);
    expect(row?.changes).toContain(summary.pdfSha256);
  });

  it('reports a wrong seed as a commitment mismatch', async () => {
    const res = await verify({ listId: w.listId, seedHex: 'ab'.repeat(32) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ match: false, commitmentMatches: false });
  });

  it('finds an allocation changed behind the product’s back, and the command-line verifier agrees', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloc-'));
    const exportFile = join(dir, 'export.json');
    const before = await admin(
      'GET',
      `/api/v1/closeout/randomization-lists/${w.listId}/allocation-export.json`,
    );
    expect(before.statusCode).toBe(200);
    writeFileSync(exportFile, before.body);
    const ok = await runCli(['--export', exportFile, '--seed', w.seedHex]);
    expect(ok.code).toBe(0);
    expect(ok.text).toMatch(/^MATCH/);
    expect(ok.text).toContain('S01-0001,S01,1,');
    expect((await runCli(['--export', exportFile, '--seed', '00'.repeat(32)])).code).toBe(1);

    // A superuser flips S01-0001's arm, bypassing the slot and lock guards.
    await t.db.db.execute(sql`alter table randomization_slots disable trigger user`);
    await t.db.db.execute(sql`update randomization_slots set arm = case arm when 'TLF_MOB' then 'US_D5W' else 'TLF_MOB' end
      where list_id = ${w.listId}::uuid and stratum_key = 'S01' and seq = 1`);
    await t.db.db.execute(sql`alter table randomization_slots enable trigger user`);

    const res = await verify({ listId: w.listId, seedHex: w.seedHex });
    const summary = res.json() as AllocationVerificationSummary;
    expect(summary).toMatchObject({ match: false, commitmentMatches: true });
    expect(summary.firstMismatch).toMatchObject({ kind: 'arm', stratum: 'S01', seq: 1, studyId: 'S01-0001' });
    const html = await admin('GET', `/api/v1/closeout/allocation-verifications/${summary.id}/report.html`);
    expect(html.body).toContain('first difference at stratum S01, seq 1 (participant S01-0001)');

    const after = await admin(
      'GET',
      `/api/v1/closeout/randomization-lists/${w.listId}/allocation-export.json`,
    );
    writeFileSync(exportFile, after.body);
    const cli = await runCli(['--export', exportFile, '--seed', w.seedHex]);
    expect(cli.code).toBe(1);
    expect(cli.text).toContain('first difference at stratum S01, seq 1 (participant S01-0001)');
  });

  it('bundles the final exports, the verification report and a manifest with the audit heads at lock', async () => {
    const res = await admin('GET', '/api/v1/closeout/final-bundle');
    expect(res.statusCode).toBe(200);
    const files = await unzip(res.rawPayload);
    expect([...files.keys()]).toEqual([
      'data/wide.csv',
      'data/long.csv',
      'data/dictionary.csv',
      'data/odm-1.3.2.xml',
      'allocation-verification/report.html',
      'allocation-verification/report.pdf',
      'manifest.json',
    ]);
    const manifest = JSON.parse(files.get('manifest.json')?.toString() ?? '{}');
    for (const entry of manifest.files as { file: string; sha256: string; exportId?: string }[]) {
      expect(sha256(files.get(entry.file) ?? Buffer.alloc(0))).toBe(entry.sha256);
      if (entry.exportId) {
        const m = await admin('GET', `/api/v1/exports/${entry.exportId}/manifest`);
        expect(m.json()).toMatchObject({ status: 'completed', sha256: entry.sha256 });
      }
    }
    expect(manifest.files).toHaveLength(6);
    const [row] = await selectRows(
      t.db.db,
      { head: parsedBy(z.object({ headsDigest: z.string() })) },
      sql`select lock_audit_head as head from study_status where id = 1`,
    );
    expect(manifest.auditHeadAtLock.headsDigest).toBe(row?.head.headsDigest);
    expect(files.get('data/odm-1.3.2.xml')?.toString()).toContain('AuditRecord');
    expect(files.get('data/wide.csv')?.toString()).toContain('S02-0001');
    const file = await admin('GET', `/api/v1/closeout/files/${res.headers['x-closeout-file-id']}`);
    expect(file.json()).toMatchObject({
      kind: 'final_bundle',
      status: 'completed',
      sha256: sha256(res.rawPayload),
    });
  });
});

import { createHash } from 'node:crypto';
import { field, SYSTEM_ACTOR, schema, selectRows, verifyAuditChain, withAudit } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { type ExportManifest, exportManifestSchema } from '@mini-edc/domain';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHeadAt } from '../src/services/export-audit-head';
import { openExport } from '../src/services/export-stream';
import type { AuthUser } from '../src/services/sessions';
import { download, type ExportWorld, seedExportTrial } from './export-seed';
import { call, type Session } from './session';

let w: ExportWorld;
beforeAll(async () => {
  w = await seedExportTrial();
});
afterAll(() => w?.t.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function manifestOf(session: Session, exportId: string) {
  return call(w.app, session, 'GET', `/api/v1/exports/${exportId}/manifest`);
}

describe(`export manifest on ${testDbKind()}`, () => {
  it('streams the wide CSV with its headers, and its manifest matches the bytes received', async () => {
    const { res, bytes } = await download(w.app, w.s.coordinator, 'wide.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="NCT07241559-\d{8}T\d{6}Z-wide\.csv"$/,
    );
    const exportId = String(res.headers['x-export-id']);
    expect(exportId).toMatch(/^[0-9a-f-]{36}$/);

    const m = await manifestOf(w.s.coordinator, exportId);
    expect(m.statusCode).toBe(200);
    const manifest: ExportManifest = exportManifestSchema.parse(m.json());
    const rows = parse(bytes, { columns: true }) as Record<string, string>[];
    expect(manifest).toMatchObject({
      exportId,
      format: 'wide_csv',
      status: 'completed',
      blinded: false,
      sha256: sha256(bytes),
      byteCount: bytes.length,
      rowCount: rows.length,
      counts: { participants: 4 },
      filters: { siteId: null, siteCodes: ['S01'] },
      exportedBy: { userId: w.userIds.coordinator, role: 'coordinator' },
    });
    expect(rows).toHaveLength(4);
    expect(manifest.exportedBy.email).toMatch(/^coordinator-.*@test\.edc$/);
    expect(Date.parse(manifest.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(manifest.startedAt));
    expect(manifest.startedAt).toMatch(/Z$/);
  });

  it('documents every export route in the OpenAPI document', async () => {
    const paths = Object.keys((await w.app.inject({ method: 'GET', url: '/docs/json' })).json().paths);
    for (const file of ['wide.csv', 'long.csv', 'dictionary.csv', 'dictionary.md', 'odm.xml']) {
      expect(paths).toContain(`/api/v1/exports/${file}`);
    }
    expect(paths).toContain('/api/v1/exports/{exportId}/manifest');
  });

  it('records the audit head at export time, recomputable from the audit log itself', async () => {
    const { res } = await download(w.app, w.s.coordinator, 'odm.xml');
    const manifest = exportManifestSchema.parse(
      (await manifestOf(w.s.coordinator, String(res.headers['x-export-id']))).json(),
    );
    const head = manifest.auditHead;
    // The export's own rows came after the head; the head still names exactly the trail before it.
    const again = await auditHeadAt(w.t.db.db, head.maxAuditId);
    expect(again.headsDigest).toBe(head.headsDigest);
    expect(again.chains).toBe(head.chains);
    expect(again.global).toEqual(head.global);
    const [global] = await selectRows(
      w.t.db.db,
      { hash: schema.auditLog.hash, seq: field.text },
      sql`select hash, chain_seq::text as seq from audit_log
          where chain_key = 'global' and id <= ${head.maxAuditId} order by chain_seq desc limit 1`,
    );
    expect(head.global).toEqual({ seq: Number(global?.seq), hash: global?.hash });
    expect((await verifyAuditChain(w.t.db.db)).ok).toBe(true);
    // A later export sees a newer head: the first one's export rows are in it.
    const later = await download(w.app, w.s.coordinator, 'dictionary.md');
    const next = exportManifestSchema.parse(
      (await manifestOf(w.s.coordinator, String(later.res.headers['x-export-id']))).json(),
    );
    expect(next.auditHead.maxAuditId).toBeGreaterThan(head.maxAuditId);
    expect(next.auditHead.headsDigest).not.toBe(head.headsDigest);
  });

  it('audits the export: an EXPORT event and the exports row, both with the user', async () => {
    const { res } = await download(w.app, w.s.investigator, `long.csv?siteId=${w.siteA}`);
    const exportId = String(res.headers['x-export-id']);
    const rows = await selectRows(
      w.t.db.db,
      {
        action: schema.auditLog.action,
        actor_id: schema.auditLog.actorId,
        actor_role: schema.auditLog.actorRole,
        changes: schema.auditLog.changes,
      },
      sql`select action, actor_id, actor_role, changes from audit_log
          where table_name = 'exports' and record_id = ${exportId} order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['INSERT', 'EXPORT', 'UPDATE']);
    for (const r of rows) {
      expect(r.actor_id).toBe(w.userIds.investigator);
      expect(r.actor_role).toBe('investigator');
    }
    expect(rows[1]?.changes).toEqual({
      format: 'long_csv',
      blinded: false,
      filters: { siteId: w.siteA, siteCodes: ['S01'] },
    });
  });

  it('gives every format a manifest whose SHA-256 and size match the body', async () => {
    for (const path of ['wide.csv', 'long.csv', 'dictionary.csv', 'dictionary.md', 'odm.xml']) {
      const { res, bytes } = await download(w.app, w.s.monitor, path);
      expect(res.statusCode, path).toBe(200);
      const manifest = exportManifestSchema.parse(
        (await manifestOf(w.s.monitor, String(res.headers['x-export-id']))).json(),
      );
      expect(manifest.sha256, path).toBe(sha256(bytes));
      expect(manifest.byteCount, path).toBe(bytes.length);
      expect(manifest.rowCount, path).toBeGreaterThan(0);
    }
  });

  it('shows a manifest to its exporter and covering sponsors only; 404 for everyone else', async () => {
    const { res } = await download(w.app, w.s.coordinator, 'wide.csv');
    const id = String(res.headers['x-export-id']);
    expect((await manifestOf(w.s.coordinator, id)).statusCode).toBe(200);
    expect((await manifestOf(w.s.admin, id)).statusCode).toBe(200);
    expect((await manifestOf(w.s.monitor, id)).statusCode).toBe(200);
    expect((await manifestOf(w.s.investigator, id)).statusCode).toBe(404);
    expect((await manifestOf(w.s.coordinatorB, id)).statusCode).toBe(404);
    // The admin's export covers both sites; a monitor of site S01 alone may not see it.
    const both = await download(w.app, w.s.admin, 'wide.csv');
    const bothId = String(both.res.headers['x-export-id']);
    expect((await manifestOf(w.s.monitor, bothId)).statusCode).toBe(404);
    expect((await manifestOf(w.s.admin, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('filters by site in SQL, and refuses a site that is not yours or a malformed query', async () => {
    const { res, bytes } = await download(w.app, w.s.admin, `wide.csv?siteId=${w.siteB}`);
    const rows = parse(bytes, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.site)).toEqual(['S02']);
    const m = exportManifestSchema.parse(
      (await manifestOf(w.s.admin, String(res.headers['x-export-id']))).json(),
    );
    expect(m.filters).toEqual({ siteId: w.siteB, siteCodes: ['S02'] });

    const foreign = await call(w.app, w.s.coordinator, 'GET', `/api/v1/exports/wide.csv?siteId=${w.siteB}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.fields).toEqual([
      { path: 'querystring.siteId', message: 'Not one of your sites.', code: 'NOT_YOUR_SITE', params: {} },
    ]);
    const bad = await call(w.app, w.s.coordinator, 'GET', '/api/v1/exports/wide.csv?siteId=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.siteId');
    const unknown = await call(w.app, w.s.coordinator, 'GET', '/api/v1/exports/odm.xml?site=S01');
    expect(unknown.statusCode).toBe(400);
    const badId = await call(w.app, w.s.coordinator, 'GET', '/api/v1/exports/not-a-uuid/manifest');
    expect(badId.statusCode).toBe(400);
  });

  it('keeps a completed manifest final: the database refuses to change or delete it', async () => {
    const { res } = await download(w.app, w.s.coordinator, 'dictionary.csv');
    const id = String(res.headers['x-export-id']);
    await expect(
      withAudit(w.t.db.db, SYSTEM_ACTOR, (tx) =>
        tx
          .update(schema.exports)
          .set({ sha256: '0'.repeat(64) })
          .where(eq(schema.exports.id, id)),
      ),
    ).rejects.toThrow();
    await expect(
      withAudit(w.t.db.db, SYSTEM_ACTOR, (tx) => tx.delete(schema.exports).where(eq(schema.exports.id, id))),
    ).rejects.toThrow();
  });

  it('marks an export failed, never completed, when the download breaks off', async () => {
    const user = {
      id: w.userIds.coordinator,
      email: 'coordinator@test.edc',
      role: 'coordinator',
      siteIds: [w.siteA],
    } as AuthUser;
    const ctx = { actorId: user.id, actorRole: user.role, requestId: 'abort-test' };
    const { manifest, stream } = await openExport(
      { db: w.t.db.db, study: w.app.study },
      { user, ctx, format: 'wide_csv', query: {}, options: { log: w.app.log, batchSize: 1 } },
    );
    // Take the header and one participant, then hang up as a browser would.
    for await (const _chunk of stream) break;
    let status = 'started';
    for (let i = 0; i < 50 && status === 'started'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const [row] = await w.t.db.db
        .select({ status: schema.exports.status })
        .from(schema.exports)
        .where(eq(schema.exports.id, manifest.exportId));
      status = row?.status ?? 'missing';
    }
    expect(status).toBe('failed');
    const m = exportManifestSchema.parse((await manifestOf(w.s.coordinator, manifest.exportId)).json());
    expect(m).toMatchObject({ status: 'failed', sha256: null, rowCount: null });
  });
});

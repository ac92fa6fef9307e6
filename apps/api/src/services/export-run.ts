import { randomUUID } from 'node:crypto';
import {
  type AuditContext,
  appendAuditEvent,
  type Db,
  field,
  schema,
  selectRows,
  withAudit,
} from '@mini-edc/db';
import {
  can,
  DomainError,
  type ExportFormat,
  type ExportManifest,
  type ExportQuery,
  exportManifestSchema,
  fieldError,
  isBlinded,
  type StudyDefinition,
} from '@mini-edc/domain';
import { and, eq, sql } from 'drizzle-orm';
import { captureAuditHead } from './export-audit-head';
import { exportFiles, SOURCE_SYSTEM } from './export-formats';
import { type ExportScope, scopedSites } from './export-source';
import type { AuthUser } from './sessions';

/**
 * The life of one export row: inserted with its EXPORT audit event before the
 * first byte is sent, completed with SHA-256, size and counts after the last byte, or marked
 * failed when the stream breaks off. Every step is audited (row trigger + EXPORT event).
 */

export interface ExportEnv {
  db: Db;
  study: StudyDefinition;
}

export interface StartedExport {
  manifest: ExportManifest;
  scope: ExportScope;
}

const notYourSite = () =>
  new DomainError('NOT_FOUND', 'SITE_NOT_FOUND', {}, [fieldError('querystring.siteId', 'NOT_YOUR_SITE')]);

function fileName(study: StudyDefinition, format: ExportFormat, startedAt: string, blinded: boolean) {
  // 2025-06-11T12:30:05.123Z → 20250611T123005Z: sortable, and safe in every file system.
  const stamp = `${startedAt.slice(0, 19).replace(/[-:]/g, '')}Z`;
  return `${study.nctId}-${blinded ? 'blinded-' : ''}${stamp}-${exportFiles[format].suffix}`;
}

export async function startExport(
  env: ExportEnv,
  user: AuthUser,
  ctx: AuditContext,
  format: ExportFormat,
  query: ExportQuery,
): Promise<StartedExport> {
  const siteId = query.siteId ?? null;
  if (siteId !== null && !user.siteIds.includes(siteId)) throw notYourSite();
  const blinded = isBlinded(user) || !can(user, 'see_allocation');
  const head = await captureAuditHead(env.db);
  const scope: ExportScope = { user, siteId, blinded, maxAuditId: head.maxAuditId, study: env.study };
  const sites = await scopedSites(env.db, scope);
  const exportId = randomUUID();
  const startedAt = new Date().toISOString();
  const filters = { siteId, siteCodes: sites.map((s) => s.siteCode) };
  const manifest: ExportManifest = {
    exportId,
    format,
    status: 'started',
    fileName: fileName(env.study, format, startedAt, blinded),
    contentType: exportFiles[format].contentType,
    exportedBy: { userId: user.id, email: user.email, role: user.role },
    blinded,
    filters,
    study: { nctId: env.study.nctId, sourceSystem: SOURCE_SYSTEM },
    startedAt,
    finishedAt: null,
    rowCount: null,
    counts: null,
    byteCount: null,
    sha256: null,
    auditHead: head,
  };
  await withAudit(env.db, ctx, async (tx) => {
    await tx.insert(schema.exports).values({
      id: exportId,
      userId: user.id,
      format,
      blinded,
      filters,
      startedAt: new Date(startedAt),
      auditHead: head,
      manifest,
    });
    await appendAuditEvent(tx, {
      action: 'EXPORT',
      tableName: 'exports',
      recordId: exportId,
      siteId,
      details: { format, filters, blinded },
    });
  });
  return { manifest, scope };
}

export async function finishExport(
  db: Db,
  ctx: AuditContext,
  manifest: ExportManifest,
  result: Pick<ExportManifest, 'rowCount' | 'counts' | 'byteCount' | 'sha256'>,
): Promise<ExportManifest> {
  const finishedAt = new Date();
  const done: ExportManifest = {
    ...manifest,
    ...result,
    status: 'completed',
    finishedAt: finishedAt.toISOString(),
  };
  await withAudit(db, ctx, (tx) =>
    tx
      .update(schema.exports)
      .set({
        status: 'completed',
        finishedAt,
        rowCount: result.rowCount,
        byteCount: result.byteCount,
        sha256: result.sha256,
        manifest: done,
      })
      .where(and(eq(schema.exports.id, manifest.exportId), eq(schema.exports.status, 'started'))),
  );
  return done;
}

/** A stream that broke off (client gone, database error) leaves a failed row, never a half manifest. */
export async function failExport(db: Db, ctx: AuditContext, manifest: ExportManifest, why: string) {
  const finishedAt = new Date();
  await withAudit(db, { ...ctx, reason: why.slice(0, 500) }, (tx) =>
    tx
      .update(schema.exports)
      .set({
        status: 'failed',
        finishedAt,
        manifest: { ...manifest, status: 'failed', finishedAt: finishedAt.toISOString() },
      })
      .where(and(eq(schema.exports.id, manifest.exportId), eq(schema.exports.status, 'started'))),
  );
}

/**
 * A manifest is shown to the user who exported, and to an admin or monitor whose sites include
 * every site the export covered (a sponsor checking a file they were sent). Anyone else gets 404,
 * which does not confirm that the export exists. The rule is in the WHERE clause.
 */
export async function getManifest(db: Db, user: AuthUser, exportId: string): Promise<ExportManifest> {
  const sponsor = can(user, 'read_others_exports');
  const mySites = JSON.stringify(user.siteIds);
  const [row] = await selectRows(
    db,
    { manifest: field.json },
    sql`select e.manifest from exports e
        join lateral (select coalesce(array_agg(s.id::text), '{}') as ids from sites s
                      where s.code in (select jsonb_array_elements_text(e.filters -> 'siteCodes'))) covered on true
        where e.id = ${exportId}::uuid
          and (e.user_id = ${user.id}::uuid
               or (${sponsor} and to_jsonb(covered.ids) <@ ${mySites}::jsonb))`,
  );
  if (!row) throw new DomainError('NOT_FOUND', 'EXPORT_NOT_FOUND');
  return exportManifestSchema.parse(row.manifest);
}

import { type AuditContext, appendAuditEvent, type Db, schema, withAudit } from '@mini-edc/db';
import { and, eq } from 'drizzle-orm';
import type { Acting } from './acting';

/**
 * Rows of closeout_files (docs/closeout.md): inserted with their audit event when a casebook,
 * site archive or final bundle starts, completed with SHA-256, size and manifest at the end.
 */
export async function startFile(
  db: Db,
  {
    user,
    ctx,
    file: row,
  }: Acting & {
    file: {
      kind: 'casebook' | 'site_casebooks' | 'final_bundle';
      siteId: string | null;
      participantId: string | null;
      asOf: Date;
      language: 'en' | 'tr';
    };
  },
) {
  return withAudit(db, ctx, async (tx) => {
    const [file] = await tx
      .insert(schema.closeoutFiles)
      .values({ ...row, userId: user.id })
      .returning({ id: schema.closeoutFiles.id });
    if (!file) throw new Error('closeout file insert returned nothing');
    await appendAuditEvent(tx, {
      action: row.kind === 'final_bundle' ? 'FINAL_BUNDLE' : 'CASEBOOK',
      tableName: 'closeout_files',
      recordId: file.id,
      siteId: row.siteId,
      details: { kind: row.kind, as_of: row.asOf.toISOString(), language: row.language },
    });
    return file.id;
  });
}

export async function finishFile(
  db: Db,
  {
    ctx,
    fileId: id,
    result,
  }: {
    ctx: AuditContext;
    fileId: string;
    result: { sha256: string; byteCount: number; manifest: Record<string, unknown> };
  },
) {
  await withAudit(db, ctx, (tx) =>
    tx
      .update(schema.closeoutFiles)
      .set({ status: 'completed', finishedAt: new Date(), ...result })
      .where(and(eq(schema.closeoutFiles.id, id), eq(schema.closeoutFiles.status, 'started'))),
  );
}

export async function failFile(
  db: Db,
  { ctx, fileId: id, why }: { ctx: AuditContext; fileId: string; why: string },
) {
  await withAudit(db, { ...ctx, reason: why.slice(0, 500) }, (tx) =>
    tx
      .update(schema.closeoutFiles)
      .set({ status: 'failed', finishedAt: new Date() })
      .where(and(eq(schema.closeoutFiles.id, id), eq(schema.closeoutFiles.status, 'started'))),
  );
}

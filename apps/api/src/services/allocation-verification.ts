import { createHash, randomUUID } from 'node:crypto';
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
  ALLOCATION_EXPORT_FORMAT,
  type AllocationExport,
  type AllocationReport,
  AllocationSecretError,
  type AllocationVerificationSummary,
  allocationReportHtml,
  allocationVerdict,
  DomainError,
  fieldError,
  type StudyDefinition,
  type VerifyAllocationRequest,
  verifyAllocation,
} from '@mini-edc/domain';
import { desc, eq, sql } from 'drizzle-orm';
import { allocationReportPdf } from '../pdf/allocation-report-pdf';
import type { Acting } from './acting';
import { parseListCsv } from './list-csv';
import { getStudyStatus } from './study-lifecycle';

export interface VerificationEnv {
  db: Db;
  study: StudyDefinition;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function requireLocked(db: Db) {
  if ((await getStudyStatus(db)).state !== 'locked') {
    throw new DomainError('CONFLICT', 'AFTER_DATABASE_LOCK');
  }
}

/**
 * Everything stored about one list, every slot included: only after lock, when no allocation is
 * left to conceal. The command-line verifier reads this file (docs/closeout.md).
 */
async function allocationExport(db: Db, listId: string): Promise<AllocationExport> {
  const [list] = await db
    .select()
    .from(schema.randomizationLists)
    .where(eq(schema.randomizationLists.id, listId));
  if (!list) throw new DomainError('NOT_FOUND', 'LIST_NOT_FOUND');
  const { participants, randomizationSlots: rs, sites } = schema;
  const slots = await selectRows(
    db,
    {
      stratum: rs.stratumKey,
      seq: rs.seq,
      block_no: rs.blockNo,
      block_size: rs.blockSize,
      pos_in_block: rs.posInBlock,
      // Read after lock only (requireLocked), for the allocation's verification.
      arm: rs.arm,
      study_id: field.nullable(participants.studyId),
      site_code: field.nullable(sites.code),
      // Millisecond text in UTC, as the export file carries it.
      assigned_at: field.nullable(field.text),
    },
    sql`select rs.stratum_key as stratum, rs.seq, rs.block_no, rs.block_size, rs.pos_in_block, rs.arm,
               p.study_id, s.code as site_code,
               to_char(rs.assigned_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as assigned_at
        from randomization_slots rs
        left join participants p on p.id = rs.participant_id
        left join sites s on s.id = p.site_id
        where rs.list_id = ${listId}::uuid order by rs.stratum_key, rs.seq`,
  );
  const params = list.params;
  return {
    format: ALLOCATION_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    list: {
      id: list.id,
      name: list.name,
      method: list.method === 'imported' ? 'imported' : 'generated',
      params: typeof params === 'object' && params !== null && !Array.isArray(params) ? { ...params } : {},
      commitment: list.commitment,
      createdAt: list.createdAt.toISOString(),
      seqOffsets: Object.fromEntries(
        Object.entries(list.seqOffsets ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'),
      ),
    },
    slots: slots.map((s) => ({
      stratum: s.stratum,
      seq: s.seq,
      blockNo: s.block_no,
      blockSize: s.block_size,
      posInBlock: s.pos_in_block,
      arm: s.arm,
      studyId: s.study_id,
      siteCode: s.site_code,
      assignedAt: s.assigned_at,
    })),
  };
}

/** The allocation export for the statistician, audited (it reveals the whole list). */
export async function exportAllocations(
  db: Db,
  ctx: AuditContext,
  listId: string,
): Promise<AllocationExport> {
  await requireLocked(db);
  const exp = await allocationExport(db, listId);
  await withAudit(db, ctx, (tx) =>
    appendAuditEvent(tx, {
      action: 'ALLOCATION_EXPORTED',
      tableName: 'randomization_lists',
      recordId: listId,
      details: { slots: exp.slots.length },
    }),
  );
  return exp;
}

function toSummary(row: typeof schema.allocationVerifications.$inferSelect): AllocationVerificationSummary {
  const v = row.report.verification;
  return {
    id: row.id,
    listId: row.listId,
    listName: row.report.list.name,
    verifiedAt: row.verifiedAt.toISOString(),
    verifiedBy: row.report.performedBy,
    match: row.match,
    commitmentMatches: v.commitmentMatches,
    mismatchCount: v.mismatchCount,
    firstMismatch: v.firstMismatch,
    verdict: allocationVerdict(v),
    allocations: v.allocations.length,
    htmlSha256: row.htmlSha256,
    pdfSha256: row.pdfSha256,
  };
}

/**
 * Verifies a list after lock and stores the report (HTML and PDF) with its SHA-256; the
 * ALLOCATION_VERIFIED event records list, verdict and hashes. The seed or file is not stored.
 */
export async function verifyList(
  env: VerificationEnv,
  { user, ctx, input }: Acting & { input: VerifyAllocationRequest },
): Promise<AllocationVerificationSummary> {
  await requireLocked(env.db);
  const exp = await allocationExport(env.db, input.listId);
  let verification: ReturnType<typeof verifyAllocation>;
  try {
    verification = verifyAllocation(
      exp,
      input.seedHex !== undefined
        ? { kind: 'seed', seedHex: input.seedHex }
        : { kind: 'list_file', text: input.csv ?? '', records: parseListCsv(input.csv ?? '') },
    );
  } catch (error) {
    if (!(error instanceof AllocationSecretError)) throw error;
    const path = input.seedHex !== undefined ? 'body.seedHex' : 'body.csv';
    throw new DomainError('VALIDATION_FAILED', 'VERIFICATION_INPUT_WRONG', {}, [
      fieldError(path, error.code),
    ]);
  }
  const performedAt = new Date();
  const report: AllocationReport = {
    reportId: randomUUID(),
    study: { nctId: env.study.nctId, name: env.study.name },
    list: { id: exp.list.id, name: exp.list.name, createdAt: exp.list.createdAt },
    performedAt: performedAt.toISOString(),
    performedBy: `${user.displayName} <${user.email}>`,
    armLabels: Object.fromEntries(env.study.arms.map((a) => [a.code, a.label.en])),
    verification,
  };
  const html = allocationReportHtml(report);
  const pdf = await allocationReportPdf(report);
  const row = await withAudit(env.db, ctx, async (tx) => {
    const [inserted] = await tx
      .insert(schema.allocationVerifications)
      .values({
        id: report.reportId,
        listId: exp.list.id,
        verifiedBy: user.id,
        verifiedAt: performedAt,
        match: verification.match,
        report,
        html,
        htmlSha256: sha256(html),
        pdfBase64: pdf.toString('base64'),
        pdfSha256: sha256(pdf),
      })
      .returning();
    if (!inserted) throw new Error('verification insert returned nothing');
    await appendAuditEvent(tx, {
      action: 'ALLOCATION_VERIFIED',
      tableName: 'allocation_verifications',
      recordId: inserted.id,
      details: {
        list_id: exp.list.id,
        match: verification.match,
        commitment_matches: verification.commitmentMatches,
        mismatches: verification.mismatchCount,
        first_mismatch: verification.firstMismatch?.kind ?? null,
        html_sha256: inserted.htmlSha256,
        pdf_sha256: inserted.pdfSha256,
      },
    });
    return inserted;
  });
  return toSummary(row);
}

export async function listVerifications(db: Db): Promise<AllocationVerificationSummary[]> {
  const rows = await db
    .select()
    .from(schema.allocationVerifications)
    .orderBy(desc(schema.allocationVerifications.verifiedAt));
  return rows.map(toSummary);
}

export async function verificationFile(db: Db, id: string, kind: 'html' | 'pdf') {
  const [row] = await db
    .select()
    .from(schema.allocationVerifications)
    .where(eq(schema.allocationVerifications.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'VERIFICATION_NOT_FOUND');
  return kind === 'html'
    ? { body: Buffer.from(row.html, 'utf8'), sha256: row.htmlSha256, row }
    : { body: Buffer.from(row.pdfBase64, 'base64'), sha256: row.pdfSha256, row };
}

/** The newest verification report, for the final export bundle. */
export async function latestVerification(db: Db) {
  const [row] = await db
    .select()
    .from(schema.allocationVerifications)
    .orderBy(desc(schema.allocationVerifications.verifiedAt))
    .limit(1);
  return row ?? null;
}

import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { appendAuditEvent, type Db, verifyAuditChain, withAudit } from '@mini-edc/db';
import {
  type AuditFilter,
  type AuditVerification,
  neutralizeCsvText,
  type StudyDefinition,
} from '@mini-edc/domain';
import { stringify } from 'csv-stringify';
import type { Acting } from './acting';
import { type AuditBlinding, auditBlindingFor, blindAuditRow } from './audit-blinding';
import {
  type AuditRow,
  auditPageRows,
  auditPageSql,
  changeList,
  ordersByTime,
  type PageEnd,
  type ResolvedAuditFilter,
  resolveAuditFilter,
} from './audit-review';
import type { AuthUser } from './sessions';

/**
 * The audit trail as CSV (21 CFR 11.10(b)/(e): accurate and complete copies in human-readable
 * form). Rows are read in keyset batches and streamed through csv-stringify, so the whole log is
 * never held in memory. The file opens with `#` comment lines stating when, by whom, with which
 * filters, and the result of the hash-chain verification at export time; read it with a parser
 * that skips comments (csv-parse `comment: '#'`). After them it is RFC 4180: CRLF line ends,
 * fields with a comma, quote or line break quoted, quotes doubled.
 */

const BATCH = 1000;

const auditCsvColumns = [
  'audit_id',
  'occurred_at_utc',
  'actor_id',
  'actor_label',
  'actor_role',
  'site',
  'action',
  'table',
  'record_id',
  'participant',
  'field',
  'old_value',
  'new_value',
  'reason',
  'request_id',
  // How many refusals a coalesced security event counted (docs/security.md §4); empty otherwise.
  'occurrences',
] as const;

/** Text stays as it is; numbers, booleans, objects and arrays as JSON; null as an empty field. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One CSV row per changed field; an entry without field changes still gives one row. */
function csvRows(row: AuditRow): string[][] {
  const base = [
    row.id,
    row.occurred_at,
    row.actor_id,
    cell(row.actor_label),
    row.actor_role,
    cell(row.site_code),
    row.action,
    row.table_name,
    cell(row.record_id),
    cell(row.study_id),
  ];
  const tail = [cell(row.reason), cell(row.request_id), cell(row.occurrences)];
  const changes = changeList(row.changes);
  if (changes.length === 0) return [[...base, '', '', '', ...tail]];
  return changes.map((c) => [...base, c.field, cell(c.old), cell(c.new), ...tail]);
}

/** The CSV rows after the header, as the viewer may see them (blinded: ./audit-blinding.ts). */
export async function* auditRecords(
  db: Db,
  { user, filter, blinding }: { user: AuthUser; filter: ResolvedAuditFilter; blinding: AuditBlinding | null },
): AsyncGenerator<string[]> {
  let before: PageEnd | undefined;
  for (;;) {
    const batch = await auditPageRows(db, auditPageSql({ user, filter, limit: BATCH, before, blinding }));
    for (const row of batch) yield* csvRows(blindAuditRow(blinding, row));
    const last = batch[batch.length - 1];
    if (batch.length < BATCH || !last) return;
    before = ordersByTime(filter) ? { id: Number(last.id), at: last.occurred_at } : Number(last.id);
  }
}

/** URL-encoded, so no comma, quote or formula character of a filter value reaches the file. */
function filterText(filter: AuditFilter): string {
  const pairs = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]): [string, string] => [k, String(v)]);
  return new URLSearchParams(pairs).toString() || 'none';
}

function headerComment(user: AuthUser, filter: AuditFilter, verification: AuditVerification, at: Date) {
  const chain = verification.ok
    ? `intact (${verification.rowsChecked} rows in ${verification.chains} chains)`
    : `BROKEN at audit row ${verification.firstBreak?.id} (${verification.firstBreak?.problem}); ${verification.rowsChecked} rows in ${verification.chains} chains`;
  return [
    `# mini-EDC audit trail export, generated ${at.toISOString()} by ${user.email} (${user.role})`,
    `# filters: ${filterText(filter)}`,
    `# audit chain verification at export time: ${chain}`,
  ]
    .map((line) => line.replace(/[\r\n]+/g, ' '))
    .join('\r\n')
    .concat('\r\n');
}

export interface AuditExport {
  verification: AuditVerification;
  filename: string;
  stream: Readable;
}

/**
 * Verifies the chain, records the export itself as an audited event (its own transaction,
 * committed before the first byte is sent), then returns the CSV stream.
 */
export async function exportAuditCsv(
  db: Db,
  { user, ctx, filter, study }: Acting & { filter: AuditFilter; study: StudyDefinition },
): Promise<AuditExport> {
  const verification = await verifyAuditChain(db);
  const at = new Date();
  await withAudit(db, ctx, (tx) =>
    appendAuditEvent(tx, {
      action: 'EXPORT',
      tableName: 'audit_log',
      details: {
        format: 'csv',
        filters: filter,
        chain_ok: verification.ok,
        rows_checked: verification.rowsChecked,
      },
    }),
  );
  const out = new PassThrough();
  out.write(headerComment(user, filter, verification, at));
  const csv = stringify({
    header: true,
    columns: [...auditCsvColumns],
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    // Values people typed (reasons, form text) must not run as formulas in a spreadsheet.
    cast: { string: neutralizeCsvText },
  });
  pipeline(
    Readable.from(
      auditRecords(db, {
        user,
        filter: resolveAuditFilter(filter, study),
        blinding: auditBlindingFor(user, study),
      }),
    ),
    csv,
    out,
  ).catch((error: unknown) => {
    // Headers are gone by now: cutting the stream short is the only honest signal left.
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return { verification, filename: `audit-trail-${stamp}.csv`, stream: out };
}

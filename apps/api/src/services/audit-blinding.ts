import {
  type AccessSubject,
  type BlindView,
  blindViewFor,
  formShownInFull,
  formVisible,
  redactAuditChanges,
  type StudyDefinition,
  visitFreeTextColumns,
} from '@mini-edc/domain';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The audit trail as a blinded viewer may read it (R-BLIND-2, R-BLIND-3; docs/architecture.md
 * "Access and blinding"). Denied by default: only rows of participants, visits and of records of
 * forms the viewer sees are read at all, so hidden records are not listed, not counted and not
 * paged over; then each row loses the fields and values the definition marks as revealing, and
 * free text (reasons) that was written about something the viewer does not see in full.
 */
export interface AuditBlinding {
  view: BlindView;
  /** Forms whose records' audit rows the viewer may read (some fields may still be withheld). */
  forms: readonly string[];
}

/** Tables whose audit rows are the same whatever the arm: enrolment and the visit schedule. */
const openTables = ['participants', 'visits'] as const;

export function auditBlindingFor(
  subject: AccessSubject | null | undefined,
  def: StudyDefinition,
): AuditBlinding | null {
  const view = blindViewFor(subject, def);
  if (view === null) return null;
  return { view, forms: def.forms.map((f) => f.code).filter((code) => formVisible(view, code)) };
}

/** The rows a blinded viewer may read, as SQL on the audit row `a`. */
export function blindAuditScope(blinding: AuditBlinding): SQL {
  const tables = sql.join(
    openTables.map((t) => sql`${t}`),
    sql`, `,
  );
  const records =
    blinding.forms.length === 0
      ? sql`false`
      : sql`a.table_name = 'form_records' and a.record_id in (
          select fr.id::text from form_records fr where fr.form_code in (${sql.join(
            blinding.forms.map((f) => sql`${f}`),
            sql`, `,
          )}))`;
  return sql`(a.table_name in (${tables}) or (${records}))`;
}

interface BlindableRow {
  table_name: string;
  form_code: string | null;
  changes: Record<string, unknown> | null;
  reason: string | null;
}

const isPair = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2;

/** One row as the viewer may see it (rows outside blindAuditScope never get here). */
export function blindAuditRow<T extends BlindableRow>(blinding: AuditBlinding | null, row: T): T {
  if (blinding === null) return row;
  if (row.table_name !== 'form_records') {
    // A participant row changes in the transaction of whatever form moved its status, whose
    // reason may be about a hidden record. A visit row's reason is its free text (missed, out of
    // window), which a blinded viewer does not read either (visitAsSeenBy).
    if (row.table_name !== 'visits') return { ...row, reason: null };
    const changes = Object.fromEntries(
      Object.entries(row.changes ?? {}).filter(([key]) => !visitFreeTextColumns.includes(key)),
    );
    return { ...row, changes: row.changes === null ? null : changes, reason: null };
  }
  const form = row.form_code ?? '';
  const pairs: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(row.changes ?? {})) {
    if (isPair(value)) pairs[key] = value;
  }
  return {
    ...row,
    changes: redactAuditChanges(blinding.view, form, pairs),
    reason: formShownInFull(blinding.view, form) ? row.reason : null,
  };
}

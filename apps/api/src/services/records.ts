import { schema, selectRows } from '@mini-edc/db';
import {
  baselineVisitOf,
  blindViewFor,
  can,
  DomainError,
  formShownInFull,
  type HistoryEntry,
  instrumentForm,
  odiChange,
  odiItemsFrom,
  type RecordHistory,
  redactAuditChanges,
  redactRecordData,
  type ScoresBlindedResponse,
  type ScoresResponse,
  scoreOdiAnswers,
  vasChange,
} from '@mini-edc/domain';
import { and, eq, sql } from 'drizzle-orm';
import { formRecordOf } from './participant-views';
import { notFound, type ServiceEnv } from './participants';
import { fieldChanges } from './row-fields';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';
import { signedContentHash } from './signatures';

const { auditLog, formRecords, participants } = schema;

function odiOf(data: Record<string, unknown>) {
  return scoreOdiAnswers(odiItemsFrom(data));
}

/**
 * VAS and ODI at every visit with change from baseline and the responder rules of the study
 * definition (protocol §2.3, §3.2 rule 8). Scores are recomputed from the items, never trusted.
 * A viewer without `see_outcome_comparison` (the blinded outcome assessor) gets the follow-up
 * values only: no baseline, no change, no MCID (R-BLIND-2), which are not even read.
 */
export async function participantScores(
  env: ServiceEnv,
  user: AuthUser,
  participantId: string,
): Promise<ScoresResponse | ScoresBlindedResponse> {
  const vasForm = instrumentForm(env.study, 'visual_analogue_scale')?.code ?? '';
  const odiForm = instrumentForm(env.study, 'oswestry_disability_index')?.code ?? '';
  const baseline = baselineVisitOf(env.study).code;
  const comparison = can(user, 'see_outcome_comparison');
  const rows = await selectRows(
    env.db,
    {
      visit_code: formRecords.visitCode,
      form_code: formRecords.formCode,
      data: formRecords.data,
      status: formRecords.status,
    },
    sql`select r.visit_code, r.form_code, r.data, r.status from form_records r
        where r.participant_id = ${participantId}::uuid and r.form_code in (${vasForm}, ${odiForm})
          and ${inUserSites(sql`r.site_id`, user)}
          ${comparison ? sql`` : sql`and r.visit_code <> ${baseline}`}`,
  );
  const [exists] = await selectRows(
    env.db,
    { id: participants.id },
    sql`select p.id from participants p where p.id = ${participantId}::uuid and ${inUserSites(sql`p.site_id`, user)}`,
  );
  if (!exists) throw notFound();
  const order = env.study.visits.map((v) => v.code);
  const visits = [...new Set(rows.map((r) => r.visit_code))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  const at = (visit: string, form: string) =>
    rows.find((r) => r.visit_code === visit && r.form_code === form);
  const vasOf = (visit: string) => {
    const v = at(visit, vasForm)?.data.vas_mm;
    return typeof v === 'number' ? v : null;
  };
  const odiAt = (visit: string) => {
    const record = at(visit, odiForm);
    return record ? odiOf(record.data) : null;
  };
  if (!comparison) {
    return {
      points: visits.map((visitCode) => ({
        visitCode,
        vasMm: vasOf(visitCode),
        odiPctX10: odiAt(visitCode)?.pctX10 ?? null,
      })),
    };
  }
  const { vas: vasT, odi: odiT } = env.study.mcid;
  const baselineVas = vasOf(baseline);
  const baselineOdi = odiAt(baseline);
  return {
    thresholds: { vas: vasT, odi: odiT },
    points: visits.map((visitCode) => {
      const vasMm = vasOf(visitCode);
      const odi = odiAt(visitCode);
      const isBaseline = visitCode === baseline;
      const vc =
        !isBaseline && baselineVas !== null && vasMm !== null ? vasChange(baselineVas, vasMm, vasT) : null;
      const oc = !isBaseline ? odiChange(baselineOdi, odi, odiT) : null;
      return {
        visitCode,
        vasMm,
        odiPctX10: odi?.pctX10 ?? null,
        vasDelta: vc?.delta ?? null,
        vasResponder: vc?.responder ?? null,
        vasLargeChange: vc?.largeChangeWarning ?? false,
        odiDeltaX10: oc?.deltaX10 ?? null,
        odiResponder: oc?.responder ?? null,
      };
    }),
  };
}

const historyRow = {
  id: auditLog.id,
  occurred_at: auditLog.occurredAt,
  actor_label: auditLog.actorLabel,
  actor_role: auditLog.actorRole,
  action: auditLog.action,
  reason: auditLog.reason,
  changes: fieldChanges,
};

/** A record's audit rows in order, read through audit_log_record_idx (exported for the EXPLAIN test). */
export function recordHistorySql(recordId: string) {
  return sql`select id, occurred_at, actor_label, actor_role, action, reason, changes from audit_log
        where table_name = 'form_records' and record_id = ${recordId} order by id`;
}

/**
 * Every version of a record from the audit trail (who, when, what changed, why), and its
 * signatures, including voided ones. Blinded users never see intervention records.
 */
export async function recordHistory(
  env: ServiceEnv,
  user: AuthUser,
  recordId: string,
): Promise<RecordHistory> {
  const [record] = await env.db
    .select()
    .from(formRecords)
    .where(and(eq(formRecords.id, recordId), inUserSites(formRecords.siteId, user)));
  // A record hidden from a blinded viewer answers exactly like one that does not exist (R-BLIND-2).
  const view = blindViewFor(user, env.study);
  const current = record ? formRecordOf(record) : null;
  const shown = current ? redactRecordData(view, current.formCode, current.data) : null;
  if (!record || !current || shown === null) {
    throw new DomainError('NOT_FOUND', 'RECORD_NOT_FOUND');
  }
  const audit = await selectRows(env.db, historyRow, recordHistorySql(recordId));
  const inFull = formShownInFull(view, current.formCode);
  const history: HistoryEntry[] = audit.map((a) => ({
    auditId: a.id,
    occurredAt: a.occurred_at.toISOString(),
    actorLabel: a.actor_label,
    actorRole: a.actor_role,
    action: a.action,
    // Free text about a record the viewer sees only in part may name what is withheld.
    reason: inFull ? a.reason : null,
    changes: Object.entries(redactAuditChanges(view, current.formCode, a.changes)).map(
      ([field, [oldValue, newValue]]) => ({ field, old: oldValue, new: newValue }),
    ),
  }));
  const sigs = await env.db
    .select()
    .from(schema.signatures)
    .where(eq(schema.signatures.recordId, recordId))
    .orderBy(schema.signatures.signedAt);
  const currentHash = signedContentHash(record);
  return {
    record: { ...current, data: shown },
    history,
    signatures: sigs.map((s) => ({
      id: s.id,
      recordVersion: s.recordVersion,
      signerName: s.signerName,
      meaning: s.meaning,
      contentHash: s.contentHash,
      signedAt: s.signedAt.toISOString(),
      voidedAt: s.voidedAt?.toISOString() ?? null,
      // "record changed: <reason for the change>" (services/forms.ts).
      voidReason: inFull ? s.voidReason : null,
      valid: s.voidedAt === null && s.contentHash === currentHash,
    })),
  };
}

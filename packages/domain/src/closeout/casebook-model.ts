import type { StudyDefinition } from '../study/definition-schema';
import { visitRank } from '../study/roles';

/**
 * A participant's casebook as of a chosen time (docs/closeout.md): what the database held then,
 * rebuilt by replaying the participant's audit trail up to that time, so a later correction does
 * not leak into an earlier casebook. The PDF is rendered from this model, and the cover states the
 * SHA-256 of the model's canonical JSON (the content without the cover).
 */

/** Until the study definition is versioned in the database, every record uses version 1. */
export const STUDY_DEFINITION_VERSION = 1;

/** The definition version printed on casebooks: the one place to switch to stored versions. */
export function definitionVersionOf(study: Pick<StudyDefinition, 'id'>): string {
  return `${study.id} v${STUDY_DEFINITION_VERSION}`;
}

export interface AuditRowForReplay {
  id: number;
  occurredAt: string;
  actorLabel: string | null;
  actorRole: string;
  action: string;
  tableName: string;
  recordId: string | null;
  changes: Record<string, unknown>;
  reason: string | null;
}

export type ReplayedRow = Record<string, unknown> & { data?: Record<string, unknown> };

/**
 * Rows as they stood after the given audit rows (oldest first): every row change recorded by the
 * audit trigger carries `[old, new]` per column, and form data per field (`data.vas_mm`), so
 * applying the new values in order rebuilds each row. Events that are not row changes (SIGN,
 * RANDOMIZED, EXPORT…) change nothing here.
 */
export function replayAuditRows(rows: readonly AuditRowForReplay[]): Map<string, Map<string, ReplayedRow>> {
  const tables = new Map<string, Map<string, ReplayedRow>>();
  for (const row of rows) {
    if (!['INSERT', 'UPDATE', 'DELETE'].includes(row.action) || row.recordId === null) continue;
    const table = tables.get(row.tableName) ?? new Map<string, ReplayedRow>();
    tables.set(row.tableName, table);
    if (row.action === 'DELETE') {
      table.delete(row.recordId);
      continue;
    }
    const state: ReplayedRow = table.get(row.recordId) ?? {};
    for (const [key, pair] of Object.entries(row.changes)) {
      if (!Array.isArray(pair) || pair.length !== 2) continue;
      const next: unknown = pair[1];
      if (key.startsWith('data.')) {
        const data = { ...(state.data ?? {}) };
        if (next === null) delete data[key.slice(5)];
        else data[key.slice(5)] = next;
        state.data = data;
      } else {
        state[key] = next;
      }
    }
    table.set(row.recordId, state);
  }
  return tables;
}

export interface CasebookSignature {
  signerName: string;
  meaning: string;
  signedAt: string;
  recordVersion: number;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface CasebookQuery {
  field: string;
  status: string;
  openedAt: string;
  messages: { kind: string; authorRole: string; message: string; createdAt: string }[];
}

export interface CasebookRecord {
  id: string;
  visitCode: string;
  formCode: string;
  seq: number;
  status: string;
  version: number;
  updatedAt: string | null;
  data: Record<string, unknown>;
  signatures: CasebookSignature[];
  queries: CasebookQuery[];
}

export interface CasebookVisit {
  visitCode: string;
  targetDate: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  status: string;
  visitDate: string | null;
  note: string | null;
}

export interface CasebookModel {
  study: { nctId: string; name: string };
  definitionVersion: string;
  site: { code: string; name: string };
  participant: {
    studyId: string;
    status: string;
    screenedAt: string | null;
    consentDate: string | null;
    randomizedAt: string | null;
  };
  /** The arm's code when the participant was randomized by the as-of time; the renderer labels it. */
  allocation: { arm: string; stratum: string; seq: number } | null;
  asOf: string;
  visits: CasebookVisit[];
  records: CasebookRecord[];
  auditTrail: AuditRowForReplay[];
}

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const byTime = <T extends { at: string }>(a: T, b: T) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

/** Builds the model from the replayed rows; visits and forms in the definition's order. */
export function casebookFromReplay(
  study: StudyDefinition,
  base: Pick<CasebookModel, 'site' | 'asOf' | 'allocation' | 'auditTrail'> & { participantId: string },
): CasebookModel {
  const tables = replayAuditRows(base.auditTrail);
  const p = tables.get('participants')?.get(base.participantId) ?? {};
  const rows = (name: string) => [...(tables.get(name)?.entries() ?? [])];
  const visitOrder = (code: string) => visitRank(study, code);
  const formOrder = (code: string) => study.forms.findIndex((f) => f.code === code);
  const signatures = rows('signatures').map(([, s]) => s);
  const messages = rows('query_messages').map(([, m]) => m);
  const records: CasebookRecord[] = rows('form_records')
    .map(([id, r]) => ({
      id,
      visitCode: str(r.visit_code) ?? '',
      formCode: str(r.form_code) ?? '',
      seq: num(r.seq, 1),
      status: str(r.status) ?? '',
      version: num(r.version, 1),
      updatedAt: str(r.updated_at),
      data: r.data ?? {},
      signatures: signatures
        .filter((s) => s.record_id === id)
        .map((s) => ({
          signerName: str(s.signer_name) ?? '',
          meaning: str(s.meaning) ?? '',
          signedAt: str(s.signed_at) ?? '',
          recordVersion: num(s.record_version, 0),
          voidedAt: str(s.voided_at),
          voidReason: str(s.void_reason),
        })),
      queries: rows('data_queries')
        .filter(([, q]) => q.record_id === id)
        .map(([qid, q]) => ({
          field: str(q.field) ?? '',
          status: str(q.status) ?? '',
          openedAt: str(q.opened_at) ?? '',
          messages: messages
            .filter((m) => m.query_id === qid)
            .map((m) => ({
              kind: str(m.kind) ?? '',
              authorRole: str(m.author_role) ?? '',
              message: str(m.message) ?? '',
              at: str(m.created_at) ?? '',
            }))
            .sort(byTime)
            .map(({ at, ...m }) => ({ ...m, createdAt: at })),
        })),
    }))
    .sort(
      (a, b) =>
        visitOrder(a.visitCode) - visitOrder(b.visitCode) ||
        formOrder(a.formCode) - formOrder(b.formCode) ||
        a.seq - b.seq,
    );
  const visits: CasebookVisit[] = rows('visits')
    .map(([, v]) => ({
      visitCode: str(v.visit_code) ?? '',
      targetDate: str(v.target_date),
      windowStart: str(v.window_start),
      windowEnd: str(v.window_end),
      status: str(v.status) ?? '',
      visitDate: str(v.visit_date),
      note: str(v.out_of_window_reason) ?? str(v.missed_reason),
    }))
    .sort((a, b) => visitOrder(a.visitCode) - visitOrder(b.visitCode));
  return {
    study: { nctId: study.nctId, name: study.name },
    definitionVersion: definitionVersionOf(study),
    site: base.site,
    participant: {
      studyId: str(p.study_id) ?? '',
      status: str(p.status) ?? '',
      screenedAt: str(p.screened_at),
      consentDate: str(p.consent_date),
      randomizedAt: str(p.randomized_at),
    },
    allocation: base.allocation,
    asOf: base.asOf,
    visits,
    records,
    auditTrail: base.auditTrail,
  };
}

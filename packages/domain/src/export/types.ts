import type { StudyDefinition } from '../study/definition-schema';

/**
 * What the API hands to the export shapers. The API maps database rows to these while it
 * streams; nothing here does I/O. Times are ISO 8601 strings, dates YYYY-MM-DD.
 */

/** One audit row of a form record (design: audit_log), narrowed to what an export shows. */
export interface ExportAuditEntry {
  auditId: number;
  /** ISO 8601 instant, UTC (ICH E6(R3) §4.2: unambiguous time stamps). */
  occurredAt: string;
  actorId: string;
  actorLabel: string | null;
  actorRole: string;
  /** The site the change was made for; null for a user without a site (admin, monitor). */
  siteCode: string | null;
  action: 'INSERT' | 'UPDATE' | 'DELETE';
  reason: string | null;
  /** Names of the data fields this entry changed, e.g. ['vas_mm'] (EMA 2023 §6.2: field level). */
  fields: string[];
  /**
   * The row's `data.<field>` old and new values, read for a blinded export only, so that a change
   * to or from a revealing choice value can be left out (./blinding.ts); no file writes them.
   */
  changes?: Record<string, [unknown, unknown]>;
}

/** One eCRF instance: a form at a visit (repeating forms count seq 1, 2, 3…). */
export interface ExportRecord {
  recordId: string;
  visitCode: string;
  formCode: string;
  seq: number;
  status: 'draft' | 'complete' | 'signed' | 'locked';
  version: number;
  /** The study definition version the record was last entered under (R-DEF-3, R-DEF-6). */
  definitionVersion: number;
  data: Record<string, unknown>;
  /** Oldest first. */
  audit: ExportAuditEntry[];
}

export interface ExportParticipant {
  participantId: string;
  studyId: string;
  siteCode: string;
  sex: 'male' | 'female' | null;
  birthYear: number | null;
  status: string;
  screenedAt: string | null;
  eligible: boolean | null;
  consentDate: string | null;
  /** ISO instant. */
  randomizedAt: string | null;
  /** Null when the export is blinded (assessor); the shapers also drop it themselves when blinded. */
  arm: string | null;
  stratum: string | null;
  records: ExportRecord[];
}

/**
 * Blinded exports (a role that may not see the allocation, design invariant 5) carry no arm column,
 * no arm item and nothing else the study definition's blinding rules hide (./blinding.ts).
 */
export interface ExportOptions {
  blinded: boolean;
}

/** A stored version of the study definition, for exports that describe every version used. */
export interface DefinitionVersionOf {
  version: number;
  def: StudyDefinition;
}

/** A CSV cell; null is written as an empty cell, never as 0. */
export type CsvCell = string | number | null;

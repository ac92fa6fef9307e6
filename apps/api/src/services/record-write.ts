import {
  changeReasonOf,
  parseRow,
  recordColumns,
  recordInsert,
  recordUpdate,
  runPrepared,
  type schema,
  type Tx,
} from '@mini-edc/db';
import type { SaveFormRequest } from '@mini-edc/domain';

export type RecordRow = typeof schema.formRecords.$inferSelect;

export interface RecordKey {
  participantId: string;
  visitCode: string;
  formCode: string;
  seq: number;
}

/**
 * The record write of a save, one prepared statement (packages/db/src/save-statements.ts): the
 * versioned UPDATE of the record the checks saw, with the signature voiding and SDV clearing of a
 * correction, or the INSERT of a new one that does nothing if another transaction created it
 * first. Either way the audit trigger writes its row in this transaction, under the context the
 * save's first statement set; nothing written (undefined) means the record changed since it was
 * read. The data goes as its JSON text, so the statement's parameter types are the same for
 * every form.
 */
export async function writeRecord(
  tx: Tx,
  at: RecordKey & { siteId: string; definitionVersion: number; reason: string | undefined },
  change: { existing: RecordRow | undefined; mode: SaveFormRequest['status']; data: Record<string, unknown> },
): Promise<RecordRow | undefined> {
  const { existing, mode, data } = change;
  // The record states the definition version it was entered under (R-DEF-3).
  const rows = existing
    ? await runPrepared(tx, recordUpdate, {
        id: existing.id,
        version: existing.version,
        priorStatus: existing.status,
        status: mode,
        data: JSON.stringify(data),
        definitionVersion: at.definitionVersion,
        at: new Date().toISOString(),
        changeReason: changeReasonOf(at.reason),
      })
    : await runPrepared(tx, recordInsert, {
        participantId: at.participantId,
        siteId: at.siteId,
        visitCode: at.visitCode,
        formCode: at.formCode,
        seq: at.seq,
        status: mode,
        data: JSON.stringify(data),
        definitionVersion: at.definitionVersion,
      });
  const [row] = rows;
  return row === undefined ? undefined : parseRow(recordColumns, row);
}

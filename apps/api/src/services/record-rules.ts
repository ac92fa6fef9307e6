import { changeReasonOf, schema, type Tx } from '@mini-edc/db';
import { DomainError, fieldError } from '@mini-edc/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { formRecordOf } from './participant-views';

type RecordRow = typeof schema.formRecords.$inferSelect;

export interface RecordChange {
  expectedVersion?: number | undefined;
  reason?: string | undefined;
}

/** A record that is complete or signed: a change to it is a correction. */
export const isFinalRecord = (row: RecordRow | undefined) =>
  row?.status === 'complete' || row?.status === 'signed';

/**
 * The rules every change to a stored record obeys, whichever route writes it (R-REC-1, R-REC-2):
 * a locked record never changes; a change made from an older version is refused; a change to a
 * complete or signed record needs a reason. Call with the row read `for update`.
 */
export function checkRecordChange(existing: RecordRow | undefined, change: RecordChange) {
  if (!existing) return;
  if (existing.status === 'locked') {
    throw new DomainError('RECORD_LOCKED', 'RECORD_LOCKED');
  }
  if (change.expectedVersion !== undefined && change.expectedVersion !== existing.version) {
    throw new DomainError(
      'VERSION_CONFLICT',
      'RECORD_VERSION_CONFLICT',
      { current: existing.version, expected: change.expectedVersion },
      undefined,
      // The caller has what it sent; echoing it would return unbounded input (docs/security.md).
      { current: formRecordOf(existing) },
    );
  }
  if (isFinalRecord(existing) && !change.reason) {
    throw new DomainError('REASON_REQUIRED', 'REASON_REQUIRED_FOR_CHANGE', {}, [
      fieldError('body.reason', 'REASON_REQUIRED'),
    ]);
  }
}

/**
 * After a change: the signature is voided (kept in history) and source verification cleared, both
 * with the reason for the change and audited by their tables' triggers (R-REC-1, 21 CFR 11.10(e)).
 * A form save does the same in its record's UPDATE (recordUpdate, packages/db/src/save-statements.ts).
 */
const voidedSignatures = (reason: string | undefined) => ({
  voidedAt: new Date(),
  voidReason: changeReasonOf(reason),
});
const clearedSdv = (reason: string | undefined) => ({
  clearedAt: new Date(),
  clearedReason: changeReasonOf(reason),
});
const openSignatures = (recordId: string) =>
  and(eq(schema.signatures.recordId, recordId), isNull(schema.signatures.voidedAt));
const openSdv = (recordId: string) =>
  and(eq(schema.sdvMarks.recordId, recordId), isNull(schema.sdvMarks.clearedAt));

export async function voidOnChange(tx: Tx, recordId: string, reason: string | undefined) {
  await tx.update(schema.signatures).set(voidedSignatures(reason)).where(openSignatures(recordId));
  await tx.update(schema.sdvMarks).set(clearedSdv(reason)).where(openSdv(recordId));
}

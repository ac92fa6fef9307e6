import { schema, setAuditReason, type Tx } from '@mini-edc/db';
import { DomainError, fieldError, windowDeviation } from '@mini-edc/domain';
import { and, eq } from 'drizzle-orm';

interface FormWindowCheck {
  participantId: string;
  visitCode: string;
  today: string;
  /** The caller's reason for entering the form outside the window, if any. */
  outOfWindowReason: string | undefined;
  /** The save's own audit reason, set again after the visit's change is audited. */
  restoreReason: string | null;
}

/**
 * Entering a form of a scheduled visit outside the visit's window (R-VISIT-2): refused until the
 * caller gives a reason, which is then kept on the visit (the visits audit trigger records it
 * with the reason as the audit reason). The date is the visit's recorded date, or today when the
 * visit was not marked done. Visits without a schedule row (screening, baseline, treatment,
 * unscheduled) have no window here.
 */
export async function checkFormWindow(tx: Tx, at: FormWindowCheck): Promise<void> {
  const { outOfWindowReason, restoreReason } = at;
  const [visit] = await tx
    .select()
    .from(schema.visits)
    .where(and(eq(schema.visits.participantId, at.participantId), eq(schema.visits.visitCode, at.visitCode)))
    .for('update');
  if (!visit || visit.status === 'missed') return;
  const date = visit.visitDate ?? at.today;
  const deviation = windowDeviation({ windowStart: visit.windowStart, windowEnd: visit.windowEnd }, date);
  if (deviation === null || visit.outOfWindowReason) return;
  if (!outOfWindowReason) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'FORM_OUT_OF_WINDOW',
      { windowStart: visit.windowStart, windowEnd: visit.windowEnd, date },
      [
        fieldError(
          'body.outOfWindowReason',
          deviation === 'early' ? 'VISIT_WINDOW_NOT_OPEN' : 'VISIT_WINDOW_CLOSED',
          {
            windowStart: visit.windowStart,
            windowEnd: visit.windowEnd,
            date,
          },
        ),
      ],
    );
  }
  await setAuditReason(tx, outOfWindowReason);
  await tx
    .update(schema.visits)
    .set({ outOfWindowReason, version: visit.version + 1 })
    .where(eq(schema.visits.id, visit.id));
  await setAuditReason(tx, restoreReason);
}

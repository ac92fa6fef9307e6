import { schema, setAuditReason, type Tx } from '@mini-edc/db';
import { DomainError, fieldError, windowDeviation } from '@mini-edc/domain';
import { eq } from 'drizzle-orm';
import { lockVisit } from './visit-rows';

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
  const visit = await lockVisit(tx, at.participantId, at.visitCode);
  if (!visit || visit.status === 'missed') return;
  const date = visit.visit_date ?? at.today;
  const deviation = windowDeviation({ windowStart: visit.window_start, windowEnd: visit.window_end }, date);
  if (deviation === null || visit.out_of_window_reason) return;
  if (!outOfWindowReason) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'FORM_OUT_OF_WINDOW',
      { windowStart: visit.window_start, windowEnd: visit.window_end, date },
      [
        fieldError(
          'body.outOfWindowReason',
          deviation === 'early' ? 'VISIT_WINDOW_NOT_OPEN' : 'VISIT_WINDOW_CLOSED',
          {
            windowStart: visit.window_start,
            windowEnd: visit.window_end,
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

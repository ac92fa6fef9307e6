import type { schema } from '@mini-edc/db';
import type { FormRuleContext, VisitRole } from '@mini-edc/domain';
import type { ServiceEnv } from './participants';

type DatedEvents = Pick<
  typeof schema.participants.$inferSelect,
  'screenedAt' | 'consentDate' | 'randomizedAt'
>;

/**
 * What a date entered for a participant is checked against: today (in the trial's time zone), the
 * participant's screening, consent and randomization, and the definition's plausible dates. A
 * form's date fields (R-REC-3) and a visit's date (R-VISIT-1) are checked in the same context.
 */
export function dateContext(
  env: Pick<ServiceEnv, 'study' | 'timeZone'>,
  participant: DatedEvents,
  at: { visitRole: VisitRole | undefined; today: string },
): FormRuleContext {
  return {
    visitRole: at.visitRole,
    today: at.today,
    timeZone: env.timeZone,
    events: {
      screening: participant.screenedAt,
      consent: participant.consentDate,
      randomization: participant.randomizedAt?.toISOString() ?? null,
    },
    plausibleDates: env.study.plausibleDates,
  };
}

import { field, schema, selectRows, setAuditReason, withAudit } from '@mini-edc/db';
import {
  blindViewFor,
  DomainError,
  dateEvent,
  fieldError,
  isWithinWindow,
  type UpdateVisitRequest,
  visitAsSeenBy,
  visitDateIssues,
  visitRoleOf,
  type WorklistItem,
} from '@mini-edc/domain';
import { eq, sql } from 'drizzle-orm';
import type { Acting } from './acting';
import { todayIn } from './clock';
import { dateContext } from './date-context';
import { fieldErrorsAt } from './field-errors';
import { lockParticipant, type ServiceEnv } from './participants';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';
import { lockVisit, selectVisits, toVisit, visitColumns, visitRow } from './visit-rows';

/** Due and overdue visits at the caller's sites, oldest window end first (R-VISIT-1). */
export async function worklist(env: ServiceEnv, user: AuthUser, siteId?: string): Promise<WorklistItem[]> {
  const today = todayIn(env.timeZone);
  const view = blindViewFor(user, env.study);
  const rows = await selectRows(
    env.db,
    { ...visitRow, study_id: schema.participants.studyId, site_code: schema.sites.code },
    sql`select ${visitColumns}, p.study_id, s.code as site_code
        from visits v join participants p on p.id = v.participant_id join sites s on s.id = v.site_id
        where v.status = 'scheduled' and v.window_start <= ${today}::date
          and p.status not in ('withdrawn', 'completed')
          and ${inUserSites(sql`v.site_id`, user)}
          ${siteId ? sql`and v.site_id = ${siteId}::uuid` : sql``}
        order by v.window_end, p.study_id`,
  );
  return rows
    .map((r) => ({
      participantId: r.participant_id,
      studyId: r.study_id,
      siteCode: r.site_code,
      visit: visitAsSeenBy(view, toVisit(r, today, env.study)),
    }))
    .filter((item) => item.visit.status !== 'done');
}

interface UpdateVisitCall extends Acting {
  participantId: string;
  visitCode: string;
  input: UpdateVisitRequest;
}

/**
 * Records that a visit took place (or was missed). A visit outside its window is allowed with a
 * reason and creates a protocol deviation automatically (protocol §5.1).
 */
export async function updateVisit(
  env: ServiceEnv,
  { user, ctx, participantId, visitCode, input }: UpdateVisitCall,
) {
  const today = todayIn(env.timeZone);
  const { roles } = env.study;
  const view = blindViewFor(user, env.study);
  return withAudit(env.db, ctx, async (tx) => {
    const participant = await lockParticipant(tx, user, participantId);
    const visit = await lockVisit(tx, participantId, visitCode);
    if (!visit) throw new DomainError('NOT_FOUND', 'VISIT_NOT_SCHEDULED', { visit: visitCode });
    if (input.expectedVersion !== undefined && input.expectedVersion !== visit.version) {
      throw new DomainError('VERSION_CONFLICT', 'VISIT_CHANGED', {}, undefined, {
        current: visitAsSeenBy(view, toVisit(visit, today)),
      });
    }
    if (input.status === 'missed') {
      await setAuditReason(tx, input.missedReason);
      await tx
        .update(schema.visits)
        .set({
          status: 'missed',
          missedReason: input.missedReason,
          visitDate: null,
          version: visit.version + 1,
        })
        .where(eq(schema.visits.id, visit.id));
    } else {
      // The definition's visit date rules (R-VISIT-1), as a date field's bounds are checked.
      const issues = visitDateIssues(
        input.visitDate,
        env.study.visitDates,
        dateContext(env, participant, { visitRole: visitRoleOf(env.study, visitCode), today }),
      );
      const [first] = issues;
      if (first) {
        const ref = first.params?.ref;
        const message =
          first.code === 'DATE_TOO_LATE' && ref === dateEvent.today
            ? 'VISIT_DATE_FUTURE'
            : first.code === 'DATE_TOO_EARLY' && ref === dateEvent.consent
              ? 'VISIT_BEFORE_CONSENT'
              : 'FIELDS_INVALID';
        throw new DomainError('VALIDATION_FAILED', message, {}, fieldErrorsAt(['body'], issues));
      }
      const inWindow = isWithinWindow(
        { windowStart: visit.window_start, windowEnd: visit.window_end },
        input.visitDate,
      );
      if (!inWindow && !input.outOfWindowReason) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'VISIT_OUT_OF_WINDOW',
          { windowStart: visit.window_start, windowEnd: visit.window_end },
          [
            fieldError(
              'body.outOfWindowReason',
              input.visitDate < visit.window_start ? 'VISIT_WINDOW_NOT_OPEN' : 'VISIT_WINDOW_CLOSED',
              { windowStart: visit.window_start, windowEnd: visit.window_end, date: input.visitDate },
            ),
          ],
        );
      }
      if (input.outOfWindowReason) await setAuditReason(tx, input.outOfWindowReason);
      await tx
        .update(schema.visits)
        .set({
          status: 'done',
          visitDate: input.visitDate,
          outOfWindowReason: inWindow ? null : (input.outOfWindowReason ?? null),
          missedReason: null,
          version: visit.version + 1,
        })
        .where(eq(schema.visits.id, visit.id));
      if (!inWindow) {
        const [{ next } = { next: 1 }] = await selectRows(
          tx,
          { next: field.int },
          sql`select coalesce(max(seq), 0) + 1 as next from form_records
              where participant_id = ${participantId}::uuid and visit_code = ${roles.unscheduledVisit.code}
                and form_code = ${roles.deviationForm}`,
        );
        await tx.insert(schema.formRecords).values({
          participantId,
          siteId: participant.siteId,
          visitCode: roles.unscheduledVisit.code,
          formCode: roles.deviationForm,
          seq: next,
          status: 'complete',
          data: {
            date: input.visitDate,
            category: 'visit_out_of_window',
            major: 'no',
            description: `${visitCode} on ${input.visitDate}, window ${visit.window_start} to ${visit.window_end}: ${input.outOfWindowReason}`,
          },
        });
      }
    }
    const [updated] = await selectVisits(tx, sql`v.id = ${visit.id}::uuid`);
    if (!updated) throw new Error('visit vanished');
    return visitAsSeenBy(view, toVisit(updated, today));
  });
}

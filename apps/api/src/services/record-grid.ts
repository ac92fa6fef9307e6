import { schema, selectRows } from '@mini-edc/db';
import {
  blindViewFor,
  can,
  formsWithQueriesFor,
  type GridCell,
  gridColumns,
  gridSeriesColumns,
  type RecordGrid,
  recordStatusSchema,
  seriesCell,
  visitFollowedUp,
  visitStatusFromData,
  windowDeviation,
} from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { todayIn } from './clock';
import type { ServiceEnv } from './participants';
import { parsedBy } from './row-fields';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';

const { participants, sites } = schema;

/** A visit as the grid query aggregates it (json_build_object, keys as written there). */
const gridVisitSchema = z.object({
  visitCode: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(['scheduled', 'done', 'missed']),
  visitDate: z.string().nullable(),
  reasonOnFile: z.boolean(),
});
type GridVisit = z.infer<typeof gridVisitSchema>;

/** A record as the grid query aggregates it (recordJson below). */
const gridRecordSchema = z.object({
  id: z.string(),
  visitCode: z.string(),
  formCode: z.string(),
  status: recordStatusSchema,
  openQueries: z.number(),
  sdvDone: z.boolean(),
});
type GridRecord = z.infer<typeof gridRecordSchema>;

const gridRecords = parsedBy(z.array(gridRecordSchema));

const gridRow = {
  id: participants.id,
  study_id: participants.studyId,
  site_id: participants.siteId,
  site_code: sites.code,
  status: participants.status,
  visits: parsedBy(z.array(gridVisitSchema)),
  records: gridRecords,
  repeating: gridRecords,
};

const list = (values: readonly string[]) =>
  values.length === 0
    ? sql`(null)`
    : sql`(${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;

/**
 * The record status grid of the caller's sites in one query (R-MON-2): each participant with its
 * visits, the records of the grid's columns and its repeating records (sessions, adverse events,
 * deviations) summed up per column. Forms hidden from a blinded viewer are not read at
 * all (R-BLIND-2); query counts only on forms the viewer may discuss, SDV marks only for viewers
 * who read the review state.
 */
export async function recordGrid(env: ServiceEnv, user: AuthUser, siteId?: string): Promise<RecordGrid> {
  const today = todayIn(env.timeZone);
  const readsReview = can(user, 'read_review_state');
  const view = blindViewFor(user, env.study);
  const columns = gridColumns(env.study, view);
  const series = gridSeriesColumns(env.study, view);
  const forms = [...new Set(columns.map((c) => c.formCode))];
  const repeatingForms = series.flatMap((c) => c.forms);
  const visitCodes = [...new Set(columns.map((c) => c.visitCode))];
  const queryForms = !can(user, 'read_queries')
    ? []
    : view
      ? formsWithQueriesFor(view, env.study)
      : [...forms, ...repeatingForms];
  const recordJson = sql`json_build_object('id', r.id, 'visitCode', r.visit_code,
                      'formCode', r.form_code, 'status', r.status,
                      'openQueries', case when r.form_code in ${list(queryForms)} then
                        (select count(*) from data_queries q where q.record_id = r.id and q.status <> 'closed')
                        else 0 end,
                      'sdvDone', ${readsReview ? sql`exists(select 1 from sdv_marks m where m.record_id = r.id and m.cleared_at is null)` : sql`false`})`;
  const rows = await selectRows(
    env.db,
    gridRow,
    sql`select p.id, p.study_id, p.site_id, s.code as site_code, p.status,
          coalesce((select json_agg(json_build_object('visitCode', v.visit_code,
                      'windowStart', v.window_start::text, 'windowEnd', v.window_end::text, 'status', v.status,
                      'visitDate', v.visit_date::text, 'reasonOnFile', v.out_of_window_reason is not null))
                    from visits v where v.participant_id = p.id), '[]'::json) as visits,
          coalesce((select json_agg(${recordJson})
                    from form_records r where r.participant_id = p.id and r.seq = 1
                      and r.form_code in ${list(forms)} and r.visit_code in ${list(visitCodes)}), '[]'::json) as records,
          coalesce((select json_agg(${recordJson})
                    from form_records r where r.participant_id = p.id
                      and r.form_code in ${list(repeatingForms)}), '[]'::json) as repeating
        from participants p join sites s on s.id = p.site_id
        where ${inUserSites(sql`p.site_id`, user)} ${siteId ? sql`and p.site_id = ${siteId}::uuid` : sql``}
          and p.status <> 'screen_failed'
        order by p.study_id`,
  );
  return {
    columns,
    series,
    rows: rows.map((p) => ({
      participantId: p.id,
      studyId: p.study_id,
      siteId: p.site_id,
      siteCode: p.site_code,
      participantStatus: p.status,
      cells: columns.map((column): GridCell => {
        const record = p.records.find(
          (r) => r.visitCode === column.visitCode && r.formCode === column.formCode,
        );
        const visit = p.visits.find((v) => v.visitCode === column.visitCode);
        const status = record?.status ?? 'not_started';
        return {
          ...column,
          status,
          recordId: record?.id ?? null,
          openQueries: record?.openQueries ?? 0,
          sdvDone: record?.sdvDone === true,
          ...windowState(env, visit, p.records, today, status),
        };
      }),
      series: series.map((column) => seriesCell(column, p.repeating)),
    })),
  };
}

function windowState(
  env: ServiceEnv,
  visit: GridVisit | undefined,
  records: GridRecord[],
  today: string,
  status: GridCell['status'],
): { outOfWindow: boolean; due: boolean } {
  // Screening and baseline have no schedule row: their forms are due as soon as the participant is.
  if (!visit) return { outOfWindow: false, due: true };
  const markedDone = visit.status === 'done';
  const followedUp = visitFollowedUp(env.study, {
    markedDone,
    records: records.filter((r) => r.visitCode === visit.visitCode),
  });
  const shown = visitStatusFromData(visit, today, {
    markedDone,
    missed: visit.status === 'missed',
    followedUp,
  });
  const late = shown === 'overdue' && status !== 'complete' && status !== 'signed' && status !== 'locked';
  const entered = visit.visitDate !== null && windowDeviation(visit, visit.visitDate) !== null;
  return { outOfWindow: visit.reasonOnFile || late || entered, due: shown !== 'upcoming' };
}

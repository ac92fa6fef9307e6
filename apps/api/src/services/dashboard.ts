import { field, schema, selectList, selectRows } from '@mini-edc/db';
import { can, type Dashboard, type DashboardBlinded, type VisitRecord } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { todayIn } from './clock';
import { type ConsortInput, consortBlinded, consortUnblinded } from './dashboard-consort';
import type { ServiceEnv } from './participants';
import { queryCounts } from './queries';
import { allocationRow, participantRow } from './row-shapes';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';
import { emergencyUnblindingsAt } from './unblinding';
import { selectVisits, toVisit } from './visit-rows';

/**
 * The study dashboard: enrollment against target, CONSORT counts, visit progress
 * and unresolved queries, all within the caller's sites. For a blinded caller the arm is not even
 * read from the database, and the answer has no per-arm part.
 */

const { formRecords, sites: siteTable } = schema;

/** A participant as the dashboard counts them: randomized in `month` (the study's time zone). */
const dashboardParticipantRow = {
  id: participantRow.id,
  site_id: participantRow.site_id,
  status: participantRow.status,
  eligible: participantRow.eligible,
  failed_criteria: participantRow.failed_criteria,
  month: field.nullable(field.text),
  arm: allocationRow.arm,
};

/** An outcome or end-of-participation record, with the end status read from its data. */
const consortRecordRow = {
  participant_id: formRecords.participantId,
  visit_code: formRecords.visitCode,
  form_code: formRecords.formCode,
  status: formRecords.status,
  end_status: field.nullable(field.text),
};

type Month = { month: string; randomized: number; cumulative: number };

/** Every month from the first randomization to this month, with counts and running totals. */
function monthSeries(months: string[], first: string | null, current: string): Month[] {
  if (!first) return [];
  const out: Month[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  let cumulative = 0;
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const randomized = months.filter((x) => x === key).length;
    cumulative += randomized;
    out.push({ month: key, randomized, cumulative });
    if (key >= current) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export async function dashboard(env: ServiceEnv, user: AuthUser): Promise<Dashboard | DashboardBlinded> {
  const today = todayIn(env.timeZone);
  const end = env.study.roles.endOfParticipation;
  const blind = !can(user, 'see_allocation');
  const participants = await selectRows(
    env.db,
    dashboardParticipantRow,
    sql`select ${selectList('p', dashboardParticipantRow)},
               to_char(p.randomized_at at time zone ${env.timeZone}, 'YYYY-MM') as month,
               ${blind ? sql`null::text` : sql`rs.arm`} as arm
        from participants p left join randomization_slots rs on rs.participant_id = p.id
        where ${inUserSites(sql`p.site_id`, user)}`,
  );
  const sites = await selectRows(
    env.db,
    { id: siteTable.id, code: siteTable.code },
    sql`select id, code from sites where ${inUserSites(sql`id`, user)} order by code`,
  );
  const visitRows = await selectVisits(env.db, inUserSites(sql`v.site_id`, user));
  const records = await selectRows(
    env.db,
    consortRecordRow,
    sql`select participant_id, visit_code, form_code, status,
               case when form_code = ${end.form} then data->>${end.statusField} end as end_status
        from form_records
        where form_code in (${sql.join(
          [...env.study.roles.outcomeForms, end.form].map((f) => sql`${f}`),
          sql`, `,
        )}) and ${inUserSites(sql`site_id`, user)}`,
  );

  const visits = new Map<string, VisitRecord[]>();
  for (const row of visitRows) {
    const list = visits.get(row.participant_id) ?? [];
    list.push(toVisit(row, today, env.study));
    visits.set(row.participant_id, list);
  }
  const input: ConsortInput = {
    participants: participants.map((p) => ({
      id: p.id,
      eligible: p.eligible,
      failedCriteria: p.failed_criteria,
      randomized: p.month !== null,
      status: p.status,
      arm: p.arm,
    })),
    visits,
    records: records.map((r) => ({
      participantId: r.participant_id,
      visitCode: r.visit_code,
      formCode: r.form_code,
      status: r.status,
      endStatus: r.end_status,
    })),
  };

  const current = today.slice(0, 7);
  const months = participants.flatMap((p) => (p.month ? [p.month] : []));
  const first = [...months].sort()[0] ?? null;
  const progress = env.study.visits
    .filter((v) => v.kind === 'follow_up')
    .map((v) => {
      const counts = { upcoming: 0, due: 0, overdue: 0, missed: 0, done: 0 };
      for (const list of visits.values()) {
        const visit = list.find((x) => x.visitCode === v.code);
        if (visit) counts[visit.status]++;
      }
      return { visitCode: v.code, ...counts };
    });
  const queries = await queryCounts(env, user);
  // Blinded roles get the number only (the blinded schema drops the list): R-BLIND-4.
  const unblindings = await emergencyUnblindingsAt(env.db, user);

  return {
    generatedAt: new Date().toISOString(),
    enrollment: {
      target: env.study.enrollment.target,
      randomized: months.length,
      months: monthSeries(months, first, current),
      bySite: sites.map((s) => {
        const ofSite = participants.filter((p) => p.site_id === s.id && p.month).map((p) => p.month ?? '');
        return {
          siteId: s.id,
          siteCode: s.code,
          randomized: ofSite.length,
          months: monthSeries(ofSite, first, current),
        };
      }),
    },
    consort: blind ? consortBlinded(env.study, input) : consortUnblinded(env.study, input),
    visits: progress,
    queries: queries.total,
    emergencyUnblindingCount: unblindings.length,
    ...(blind ? {} : { emergencyUnblindings: unblindings }),
  };
}

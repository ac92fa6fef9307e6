import { field, schema, selectRows, type Tx } from '@mini-edc/db';
import { type DefinitionChange, missingVisits, type StudyDefinition } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { texts } from './row-fields';

/**
 * Visits an amendment adds, placed on the schedules of participants already randomized (R-DEF-6):
 * each from the participant's own anchor (the randomization date in the study's time zone), by
 * the same computation randomization uses (`missingVisits`). Participants whose participation
 * ended (withdrawn, completed) get none. Existing visits keep their dates: a changed offset or
 * window applies to participants randomized after the amendment.
 */
export async function scheduleAddedVisits(
  tx: Tx,
  {
    definition,
    changes,
    timeZone,
  }: { definition: StudyDefinition; changes: readonly DefinitionChange[]; timeZone: string },
): Promise<number> {
  const added = new Set(changes.filter((c) => c.change === 'visit_added').map((c) => c.params.visit));
  const visits = definition.visits.filter((v) => added.has(v.code));
  if (visits.length === 0) return 0;
  const participants = await selectRows(
    tx,
    {
      id: schema.participants.id,
      site_id: schema.participants.siteId,
      randomized_on: field.day,
      scheduled: texts,
    },
    sql`select p.id, p.site_id, (p.randomized_at at time zone ${timeZone})::date::text as randomized_on,
               coalesce(array_agg(v.visit_code) filter (where v.visit_code is not null), '{}') as scheduled
        from participants p left join visits v on v.participant_id = p.id
        where p.randomized_at is not null and p.status not in ('withdrawn', 'completed')
        group by p.id, p.site_id, p.randomized_at order by p.id`,
  );
  const rows = participants.flatMap((p) =>
    missingVisits(visits, { randomization: p.randomized_on }, new Set(p.scheduled)).map((v) => ({
      participantId: p.id,
      siteId: p.site_id,
      visitCode: v.code,
      targetDate: v.targetDate,
      windowStart: v.windowStart,
      windowEnd: v.windowEnd,
    })),
  );
  for (let i = 0; i < rows.length; i += 500) await tx.insert(schema.visits).values(rows.slice(i, i + 500));
  return rows.length;
}

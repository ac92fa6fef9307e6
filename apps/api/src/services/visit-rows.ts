import {
  type Executor,
  type Field,
  field,
  preparedStatement,
  type RowOf,
  schema,
  selectList,
  selectPrepared,
  selectRows,
  type Tx,
} from '@mini-edc/db';
import {
  type StudyDefinition,
  type VisitRecord,
  type VisitRecordState,
  visitFollowedUp,
  visitStatusFromData,
} from '@mini-edc/domain';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The one shape of a visit read from the database, and the queries that read it: every visit list,
 * a visit locked for a write, and the visit a write answers with (rows.ts in packages/db).
 */

/**
 * The records of the visit row `v` as a JSON list of {formCode, status}, so a visit's status can
 * follow its data (R-VISIT-1) without a second query.
 */
const visitRecordsSql = sql`coalesce((select json_agg(json_build_object('formCode', r.form_code, 'status', r.status))
      from form_records r where r.participant_id = v.participant_id and r.visit_code = v.visit_code), '[]'::json) as records`;

const prop = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;

const visitRecordStates: Field<VisitRecordState[]> = {
  parse: (value, name) => {
    if (!Array.isArray(value)) throw new TypeError(`Row value ${name}: expected a list of records`);
    return value.map((r: unknown) => ({
      formCode: field.text.parse(prop(r, 'formCode'), `${name}.formCode`),
      status: field.text.parse(prop(r, 'status'), `${name}.status`),
    }));
  },
};

const { visits } = schema;

/** A visit's own columns. */
const visitFields = {
  id: visits.id,
  participant_id: visits.participantId,
  visit_code: visits.visitCode,
  target_date: visits.targetDate,
  window_start: visits.windowStart,
  window_end: visits.windowEnd,
  status: visits.status,
  visit_date: visits.visitDate,
  out_of_window_reason: visits.outOfWindowReason,
  missed_reason: visits.missedReason,
  version: visits.version,
};
type VisitFields = RowOf<typeof visitFields>;

/** The visit row every visit list reads: the visit and its records. */
export const visitRow = { ...visitFields, records: visitRecordStates };
type VisitRow = RowOf<typeof visitRow>;

/** The select list of visitRow from `visits v`; a list that joins more selects it beside its own. */
export const visitColumns = sql`${selectList('v', visitRow)}, ${visitRecordsSql}`;

/** The visits `where` selects from `visits v`, with their records, in target date order. */
export function selectVisits(db: Executor, where: SQL): Promise<VisitRow[]> {
  return selectRows(
    db,
    visitRow,
    sql`select ${visitColumns} from visits v where ${where} order by v.target_date`,
  );
}

/**
 * The visits of the participants `participantIds`, with their records, in target date order:
 * prepared (every participant view reads them), the ids as one array parameter.
 */
const visitsOfParticipantsStatement = preparedStatement(
  'visits_of_participants',
  ['participantIds'],
  (p) =>
    sql`select ${visitColumns} from visits v where v.participant_id = any(${p.participantIds}::uuid[])
      order by v.target_date`,
);

export function visitsOfParticipants(db: Executor, participantIds: string[]): Promise<VisitRow[]> {
  return selectPrepared(db, visitRow, visitsOfParticipantsStatement, { participantIds });
}

/**
 * A participant's visit locked for the rest of the transaction, or undefined when the visit has no
 * schedule row. Its records are not read: the write that locks it answers with selectVisits.
 */
export async function lockVisit(
  tx: Tx,
  participantId: string,
  visitCode: string,
): Promise<VisitFields | undefined> {
  const [visit] = await selectRows(
    tx,
    visitFields,
    sql`select ${selectList('v', visitFields)} from visits v
        where v.participant_id = ${participantId}::uuid and v.visit_code = ${visitCode} for update`,
  );
  return visit;
}

/**
 * A visit as the API shows it. With the study definition and the visit's records, a visit
 * followed up by its data is done even if nobody marked it (visit-progress.ts in the domain).
 */
export function toVisit(
  row: VisitFields & { records?: VisitRecordState[] },
  today: string,
  study?: StudyDefinition,
): VisitRecord {
  const window = {
    targetDate: row.target_date,
    windowStart: row.window_start,
    windowEnd: row.window_end,
  };
  return {
    id: row.id,
    visitCode: row.visit_code,
    ...window,
    status: visitStatusFromData(window, today, {
      markedDone: row.status === 'done',
      missed: row.status === 'missed',
      followedUp:
        study !== undefined &&
        visitFollowedUp(study, { markedDone: row.status === 'done', records: row.records ?? [] }),
    }),
    visitDate: row.visit_date,
    outOfWindowReason: row.out_of_window_reason,
    missedReason: row.missed_reason,
    windowReasonOnFile: row.out_of_window_reason !== null,
    version: row.version,
  };
}

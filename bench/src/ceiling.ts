/**
 * The database ceiling of a save: the SQL one PUT of a baseline VAS/ODI record executes
 * (apps/api/src/services/forms.ts), in the same order, with the audit trigger, the actor settings
 * and the row locks: BEGIN, the API's own prepared statements under their names
 * (packages/db/src/save-statements.ts: participant_for_write, which sets the audit context, locks
 * the participant with the site scope and reads the record; then record_insert, the INSERT … ON
 * CONFLICT DO NOTHING, or record_update, the guarded versioned UPDATE with the signature and SDV
 * clean-up), and COMMIT. Each connection parses a statement once; a save sends the four messages
 * in one socket write on a pipelining client and waits once: one round trip per save. No HTTP, no
 * session lookup, no validation in Node: what PostgreSQL itself needs for the audited work,
 * against which the API's save is measured.
 */
import { auditSettings } from '@mini-edc/db/audit-context';
import { type PreparedStatement, preparedValues } from '@mini-edc/db/prepared';
import { field, parseRow, type RowOf } from '@mini-edc/db/rows';
import {
  changeReasonOf,
  participantForWrite,
  recordInsert,
  recordUpdate,
} from '@mini-edc/db/save-statements';
import { formRecords } from '@mini-edc/db/schema';
import type pg from 'pg';
import type { SaveStep } from './forms';

export interface CeilingActor {
  actorId: string;
  actorLabel: string;
  /** The coordinator's sites: the participant lock carries the site scope, as the API's does. */
  siteIds: string[];
}

/** What the API learns of a record from the save's first statement, and the ceiling from its own writes. */
const recordState = { id: formRecords.id, version: formRecords.version, status: formRecords.status };
type RecordState = RowOf<typeof recordState>;

const named = <K extends string>(statement: PreparedStatement<K>, values: Record<K, unknown>) => ({
  name: statement.name,
  text: statement.query.sql,
  values: preparedValues(statement, values),
});

/**
 * The saves of one ceiling run. A save is sent before any answer comes back, so the record's id,
 * version and status a correction's guard needs are those of the ceiling's own last write of that
 * record (the API reads them in its first statement; here nothing else writes those records, and
 * the first statement's read is checked against them).
 */
export class CeilingSaves {
  private readonly records = new Map<string, RecordState>();

  constructor(
    private readonly actor: CeilingActor,
    private readonly siteId: string,
    /** The study definition's current version, as participant_for_write reads it. */
    private readonly definitionVersion: number,
  ) {}

  async save(client: pg.Client, step: SaveStep, requestId: string): Promise<void> {
    const key = `${step.participantId}/${step.form}`;
    const known = this.records.get(key);
    const reason = step.body.reason;
    if ((reason === undefined) !== (known === undefined)) {
      throw new Error(`ceiling: step ${requestId} is ${reason ? 'a correction' : 'an insert'} of ${key}`);
    }
    const context = Object.fromEntries(
      auditSettings({
        actorId: this.actor.actorId,
        actorRole: 'coordinator',
        actorLabel: this.actor.actorLabel,
        reason: reason ?? null,
        requestId,
      }),
    );
    const data = JSON.stringify(step.body.data);
    const write = known
      ? named(recordUpdate, {
          id: known.id,
          version: known.version,
          priorStatus: known.status,
          status: step.body.status,
          data,
          definitionVersion: this.definitionVersion,
          at: new Date().toISOString(),
          changeReason: changeReasonOf(reason),
        })
      : named(recordInsert, {
          participantId: step.participantId,
          siteId: this.siteId,
          visitCode: 'BL',
          formCode: step.form,
          seq: 1,
          status: step.body.status,
          data,
          definitionVersion: this.definitionVersion,
        });
    const [, first, written] = await together(client, [
      'begin',
      named(participantForWrite, {
        ...context,
        participantId: step.participantId,
        siteIds: this.actor.siteIds,
        visitCode: 'BL',
        formCode: step.form,
        seq: 1,
      }),
      write,
      'commit',
    ]);
    const read = first?.rows[0];
    if (read === undefined) throw new Error(`ceiling: participant ${step.participantId} not found`);
    const { record_id } = parseRow({ record_id: field.nullable(formRecords.id) }, read);
    const row = written?.rows[0];
    if (record_id !== (known?.id ?? null) || row === undefined) {
      throw new Error(`ceiling: ${key} was not as its last write left it`);
    }
    this.records.set(key, parseRow(recordState, row));
  }
}

/**
 * The queries in one socket write on a client made with `pipeline: true` (node-postgres sends
 * each without waiting for the answer to the one before; each keeps its Sync, so the server
 * answers them in order and a failed statement's transaction ends in ROLLBACK at the COMMIT).
 */
function together(client: pg.Client, queries: Array<string | pg.QueryConfig>): Promise<pg.QueryResult[]> {
  const stream = client.connection.stream;
  stream.cork();
  try {
    return Promise.all(queries.map((q) => (typeof q === 'string' ? client.query(q) : client.query(q))));
  } finally {
    stream.uncork();
  }
}

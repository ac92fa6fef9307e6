/**
 * The database ceiling of a save: the SQL one PUT of a baseline VAS/ODI record executes
 * (apps/api/src/services/forms.ts with packages/db/src/audit.ts), in the same order, with the
 * audit trigger, the actor settings and the row locks, sent as ONE simple-query round trip per
 * save (BEGIN … COMMIT in one message): the participant lock with the record read, and the
 * guarded write (INSERT … ON CONFLICT DO NOTHING, or the UPDATE with the signature and SDV
 * clean-up). No HTTP, no session lookup, no validation in Node: what PostgreSQL itself needs for the audited work, against which the API's save is measured.
 */
import { auditContextQuery } from '@mini-edc/db/audit-context';
import type { SaveStep } from './forms';

export interface CeilingActor {
  actorId: string;
  actorLabel: string;
  /** The coordinator's sites: the participant lock carries the site scope, as the API's does. */
  siteIds: string[];
}

/** Quotes a value as a SQL literal (the caller passes node-postgres' Client.escapeLiteral). */
export type Literal = (value: string) => string;

/** The query's $n parameters replaced by their values as literals: one message holds no parameters. */
function inlined(lit: Literal, query: { text: string; values: string[] }): string {
  return query.text.replace(/\$(\d+)/g, (_, n: string) => lit(query.values[Number(n) - 1] ?? ''));
}

export function ceilingSql(
  lit: Literal,
  actor: CeilingActor,
  siteId: string,
  step: SaveStep,
  requestId: string,
): string {
  const p = `${lit(step.participantId)}::uuid`;
  const f = lit(step.form);
  const data = `${lit(JSON.stringify(step.body.data))}::jsonb`;
  const reason = step.body.reason ?? '';
  const sites = actor.siteIds.map((s) => `${lit(s)}::uuid`).join(', ');
  const key = `participant_id = ${p} and visit_code = 'BL' and form_code = ${f} and seq = 1`;
  const statements = [
    'begin',
    // The audit context the API sets (auditContextQuery), its parameters written as literals.
    inlined(
      lit,
      auditContextQuery({
        actorId: actor.actorId,
        actorRole: 'coordinator',
        actorLabel: actor.actorLabel,
        reason,
        requestId,
      }),
    ),
    // The participant locked with the record read in the same statement (lockParticipantForWrite).
    `select p.*, r.* from participants p left join form_records r
       on r.participant_id = p.id and r.visit_code = 'BL' and r.form_code = ${f} and r.seq = 1
       where p.id = ${p} and p.site_id in (${sites}) for update of p`,
  ];
  const version = '(select coalesce(max(version), 1) from study_definitions)';
  if (step.body.reason === undefined) {
    statements.push(
      `insert into form_records (participant_id, site_id, visit_code, form_code, seq, status, data, definition_version)
       values (${p}, ${lit(siteId)}::uuid, 'BL', ${f}, 1, 'complete', ${data}, ${version})
       on conflict (participant_id, visit_code, form_code, seq) do nothing returning *`,
    );
  } else {
    // The API guards the UPDATE with the version and status it read; the ceiling, which sends the
    // save in one message, guards with the status (every corrected record here is complete).
    const record = `(select id from form_records where ${key})`;
    const why = lit(`record changed: ${reason}`);
    statements.push(
      `update form_records set data = ${data}, status = 'complete', version = version + 1,
         definition_version = ${version}, updated_at = now()
         where ${key} and status = 'complete' returning *`,
      `update signatures set voided_at = now(), void_reason = ${why}
         where record_id = ${record} and voided_at is null`,
      `update sdv_marks set cleared_at = now(), cleared_reason = ${why}
         where record_id = ${record} and cleared_at is null`,
    );
  }
  statements.push('commit');
  return `${statements.join(';\n')};`;
}

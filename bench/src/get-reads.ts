/**
 * The database side of GET /participants/:id, as a baseline for it: the reads the API makes for one
 * request (apps/api/src/services/sessions.ts lookupSession, then getParticipant in
 * apps/api/src/services/participants.ts with participant-views.ts), in the same order, one round
 * trip each. The API's four are prepared statements (packages/db/src/prepared.ts), so these are
 * too: the same text under a name, parsed once per connection, with the sites, the participant
 * ids of the visit read and the hidden forms as array parameters. No HTTP, no JSON, no checks in
 * Node: what PostgreSQL itself needs to answer the request, against which the API's GET is
 * measured.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface GetReadsInput {
  /** The session cookie's token; the API looks it up by its SHA-256 digest (auth/tokens.ts). */
  token: string;
  participantId: string;
  /** The caller's sites: the participant read carries the site scope, as the API's does. */
  siteIds: string[];
}

const sessionSql = `select s.id as session_id, s.csrf_token, s.last_seen_at, s.expires_at, s.ended_at,
       u.id as user_id, u.email, u.display_name, u.role, u.locale, u.must_change_password, u.active,
       (select array_agg(us.site_id order by us.site_id) from user_sites us where us.user_id = u.id) as site_ids,
       (select ss.allocation_released_at is not null from study_status ss where ss.id = 1) as allocation_released,
       (select ss.state = 'locked' from study_status ss where ss.id = 1) as study_locked
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = $1`;

const participantSql = `select p.id, p.study_id, p.site_id, s.code as site_code, p.status, p.sex, p.birth_year,
       p.screened_at::text, p.eligible, p.failed_criteria, p.consent_date::text, p.screening_closed_reason, p.randomized_at,
       rs.arm, rs.stratum_key, rs.seq as slot_seq
  from participants p
  join sites s on s.id = p.site_id
  left join randomization_slots rs on rs.participant_id = p.id
  where p.id = $1::uuid and p.site_id = any($2::uuid[])`;

const visitsSql = `select "v"."id" as "id", "v"."participant_id" as "participant_id", "v"."visit_code" as "visit_code",
       "v"."target_date"::text as "target_date", "v"."window_start"::text as "window_start",
       "v"."window_end"::text as "window_end", "v"."status" as "status", "v"."visit_date"::text as "visit_date",
       "v"."out_of_window_reason" as "out_of_window_reason", "v"."missed_reason" as "missed_reason",
       "v"."version" as "version",
       coalesce((select json_agg(json_build_object('formCode', r.form_code, 'status', r.status))
         from form_records r where r.participant_id = v.participant_id and r.visit_code = v.visit_code), '[]'::json) as records
  from visits v where v.participant_id = any($1::uuid[]) order by v.target_date`;

const recordsSql = `select id, visit_code, form_code, seq, status, version, data, updated_at from form_records
  where participant_id = $1::uuid and form_code <> all($2::text[])
  order by created_at, form_code, seq`;

/** The four reads of one GET, one round trip each; fails if the participant is not found. */
export async function getReads(client: pg.Client, input: GetReadsInput): Promise<void> {
  const digest = createHash('sha256').update(input.token).digest('hex');
  const session = await client.query({ name: 'session_lookup', text: sessionSql, values: [digest] });
  if (session.rowCount !== 1) throw new Error('get reads: no session');
  const participant = await client.query({
    name: 'participant_by_id',
    text: participantSql,
    values: [input.participantId, input.siteIds],
  });
  if (participant.rowCount !== 1) throw new Error('get reads: participant not found');
  await client.query({ name: 'visits_of_participants', text: visitsSql, values: [[input.participantId]] });
  // The bench's user is not blinded: no form is hidden from it (R-BLIND-2).
  await client.query({ name: 'records_of_participant', text: recordsSql, values: [input.participantId, []] });
}

/**
 * Seeding by SQL, as the explicit system actor so the audit triggers record every row, exactly as
 * they would for rows the API writes. Participants are created in the state the API leaves them
 * in after screening, eligibility and consent (and, for the randomization set, complete baseline
 * VAS and ODI), which would otherwise take five requests each.
 */
import { createRequire } from 'node:module';
import { auditContextQuery, SYSTEM_ACTOR } from '@mini-edc/db/audit-context';
import { field } from '@mini-edc/db/rows';
import * as schema from '@mini-edc/db/schema';
import type pg from 'pg';
import { pgRow, pgRows } from './db-rows';

export const benchPassword = 'Bench-Password-2026';

interface Argon2 {
  hash(
    password: string,
    options: { memoryCost: number; timeCost: number; parallelism: number },
  ): Promise<string>;
}
const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));

export async function withSystemActor<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const context = auditContextQuery({
      ...SYSTEM_ACTOR,
      actorLabel: 'bench seed',
      reason: 'benchmark seed',
    });
    await client.query(context.text, context.values);
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export interface World {
  benchSiteId: string;
  randomizeSiteId: string;
  randomizeStratum: string;
  /** Every site's stratum (its code): a randomization list must give each of them rows. */
  strata: string[];
  admin: { id: string; email: string };
  coordinator: { id: string; email: string };
  saveParticipants: string[];
  randomizeParticipants: string[];
  /** Participants of the database-ceiling run (bench/src/ceiling.ts), at a site of their own. */
  ceilingSiteId: string;
  ceilingParticipants: string[];
  /** Every site: the coordinator is assigned to all of them. */
  allSiteIds: string[];
}

/** The one seeded row `pick` selects; a seed that did not insert it is a failure of the bench. */
function only<T>(rows: T[], pick: (row: T) => boolean, what: string): T {
  const row = rows.find(pick);
  if (row === undefined) throw new Error(`seed: no ${what}`);
  return row;
}

async function insertParticipants(client: pg.PoolClient, siteId: string, code: string, count: number) {
  const rows = await pgRows(
    client,
    { id: schema.participants.id },
    `insert into participants (study_id, site_id, site_seq, status, sex, birth_year, screened_at, eligible,
                               consent_date)
     select $2 || '-' || lpad(i::text, 5, '0'), $1::uuid, i, 'enrolled',
            case when i % 2 = 0 then 'female' else 'male' end, 1960 + i % 40,
            current_date - 30, true, current_date - 20
     from generate_series(1, $3::int) i
     returning id`,
    [siteId, code, count],
  );
  await client.query('insert into site_counters (site_id, last_seq) values ($1, $2)', [siteId, count]);
  return rows.map((r) => r.id);
}

export async function seedWorld(
  pool: pg.Pool,
  counts: { saveParticipants: number; randomizeParticipants: number },
): Promise<World> {
  const argon2 = requireFromApi('@node-rs/argon2') as Argon2;
  // The API's own parameters (apps/api/src/auth/passwords.ts): a real login costs what it costs.
  const passwordHash = await argon2.hash(benchPassword, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  return withSystemActor(pool, async (client) => {
    const sites = await pgRows(
      client,
      { id: schema.sites.id, code: schema.sites.code },
      `insert into sites (code, name) values ('B01', 'Bench site'), ('R01', 'Randomization bench site'),
                                           ('C01', 'Database ceiling site')
       returning id, code`,
    );
    const siteId = (code: string) => only(sites, (s) => s.code === code, `site ${code}`).id;
    const users = await pgRows(
      client,
      { id: schema.users.id, email: schema.users.email, role: schema.users.role },
      `insert into users (email, display_name, role, password_hash)
       values ('admin@bench.edc', 'Bench Admin', 'admin', $1),
              ('coordinator@bench.edc', 'Bench Coordinator', 'coordinator', $1)
       returning id, email, role`,
      [passwordHash],
    );
    for (const user of users) {
      await client.query(`insert into user_sites (user_id, site_id) select $1, id from sites`, [user.id]);
    }
    const userOf = (role: string) => {
      const { id, email } = only(users, (u) => u.role === role, `user ${role}`);
      return { id, email };
    };
    const saveParticipants = await insertParticipants(client, siteId('B01'), 'B01', counts.saveParticipants);
    const randomizeParticipants = await insertParticipants(
      client,
      siteId('R01'),
      'R01',
      counts.randomizeParticipants,
    );
    const ceilingParticipants = await insertParticipants(
      client,
      siteId('C01'),
      'C01',
      counts.saveParticipants,
    );
    await client.query(
      `insert into form_records (participant_id, site_id, visit_code, form_code, status, data)
       select p.id, p.site_id, 'BL', f.code, 'complete', f.data
       from participants p
       cross join (values
         -- Randomization readiness needs the baseline VAS's assessment time.
         ('vas', jsonb_build_object('vas_mm', 62, 'vas_method', 'electronic', 'assessor_id', 'bench',
                  'assessed_at', to_char((now() at time zone 'UTC') - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
         ('odi', '{"odi_version": "2.1a-en", "q1": 2, "q2": 1, "q3": 3, "q4": 2, "q5": 3, "q6": 2, "q7": 1,
                   "q8": 0, "q9": 2, "q10": 1, "odi_score": 34}'::jsonb)) f(code, data)
       where p.site_id = $1`,
      [siteId('R01')],
    );
    return {
      benchSiteId: siteId('B01'),
      randomizeSiteId: siteId('R01'),
      randomizeStratum: 'R01',
      strata: sites.map((s) => s.code).sort(),
      admin: userOf('admin'),
      coordinator: userOf('coordinator'),
      saveParticipants,
      randomizeParticipants,
      ceilingSiteId: siteId('C01'),
      ceilingParticipants,
      allSiteIds: sites.map((s) => s.id).sort(),
    };
  });
}

/**
 * Grows audit_log to `target` rows with INSERT … SELECT FROM generate_series. Each synthetic row
 * is its own chain (chain_seq 1, zero prev_hash) with the real hash from edc_audit_hash, so the
 * chain columns are valid. Rows spread over `participantIds` (the bench site), 20 actors and one
 * row every 6 s of simulated time, newest last, as the trigger would write them.
 */
export async function growAuditLog(
  pool: pg.Pool,
  target: number,
  participantIds: string[],
  siteId: string,
  /** Time of synthetic row 0; row i is 6 s later than row i - 1. */
  base: Date,
  onProgress: (rows: number) => void,
): Promise<number> {
  const count = async () => (await pgRow(pool, { n: field.int }, 'select count(*) as n from audit_log')).n;
  let current = await count();
  const batch = 250_000;
  while (current < target) {
    const size = Math.min(batch, target - current);
    await pool.query(
      `with p as (select $1::uuid[] as ids),
       src as (
         select i, $5::timestamptz + i * interval '6 seconds' as occurred_at,
                'bench-user-' || (i % 20) as actor_id, p.ids[1 + i % cardinality(p.ids)] as participant_id
         from generate_series($3::bigint + 1, $3::bigint + $4::bigint) i, p
       ), rows as (
         select row(null, s.occurred_at, s.actor_id, s.actor_id || '@bench.edc', 'coordinator', $2::uuid,
                    case when s.i % 10 = 0 then 'INSERT' else 'UPDATE' end, 'form_records', md5(s.i::text),
                    s.participant_id, $2::uuid,
                    jsonb_build_object('data.vas_mm', jsonb_build_array(s.i % 101, (s.i + 7) % 101)),
                    case when s.i % 10 = 0 then null else 'bench correction' end, null,
                    'bench:' || s.i, 1, repeat('0', 64), '')::audit_log as r
         from src s
       )
       insert into audit_log (occurred_at, actor_id, actor_label, actor_role, actor_site_id, action, table_name,
                              record_id, participant_id, site_id, changes, reason, request_id, chain_key,
                              chain_seq, prev_hash, hash)
       select (r).occurred_at, (r).actor_id, (r).actor_label, (r).actor_role, (r).actor_site_id, (r).action,
              (r).table_name, (r).record_id, (r).participant_id, (r).site_id, (r).changes, (r).reason,
              (r).request_id, (r).chain_key, (r).chain_seq, (r).prev_hash, edc_audit_hash(r)
       from rows`,
      [participantIds, siteId, current, size, base.toISOString()],
    );
    current += size;
    onProgress(current);
  }
  await pool.query('analyze audit_log');
  return count();
}

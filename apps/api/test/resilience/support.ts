/**
 * Process-level helpers for the resilience suite: a fresh PostgreSQL database cloned from the
 * run's template, the BUILT server (apps/api/dist/server.js) started as a child process against it,
 * participants seeded by SQL as the system actor, and the bookkeeping of acknowledged writes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { field, SYSTEM_ACTOR, schema, selectRows, withAudit } from '@mini-edc/db';
import { createTestDb, type TestDb } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { newSite, newUser } from '../../src/seed/factories';
import { createSession, type SessionPolicy } from '../../src/services/sessions';

/** The built server; EDC_RESILIENCE_SERVER_JS points the suite at another bundle (e.g. a fix). */
export const serverJs =
  process.env.EDC_RESILIENCE_SERVER_JS ?? fileURLToPath(new URL('../../dist/server.js', import.meta.url));
const migrationsDir = fileURLToPath(new URL('../../../../migrations', import.meta.url));

/** Why the suite does not run here, or null when it does. */
export function resilienceSkipReason(): string | null {
  if (process.env.EDC_TEST_DB !== 'pg') {
    return 'process-level resilience tests need PostgreSQL (two processes on one database); run npm run test:resilience';
  }
  if (process.env.EDC_RESILIENCE !== '1') {
    return 'resilience tests run in their own config: npx vitest run -c vitest.resilience.config.ts';
  }
  return null;
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** SIGTERM, then SIGKILL after 12 s. */
  stop(): Promise<void>;
  /** kill -9: no shutdown hook, no pool.end(), in-flight requests cut off. */
  kill9(): Promise<void>;
  /** The end of the server's stdout and stderr (for failure messages). */
  output(): string;
}

const running = new Set<ChildProcess>();

export function killAll() {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: build the API first (pnpm build)`);
  const child = spawn(process.execPath, [serverJs], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      EDC_SEED_DEMO: 'false',
      EDC_LOGIN_RATE_PER_MINUTE: '1000000',
      EDC_WEB_DIST: fileURLToPath(new URL('./no-web-dist', import.meta.url)),
      EDC_MIGRATIONS_DIR: migrationsDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  let err = '';
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-10_000);
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-10_000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}\n${err}`));
    });
  });
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(sig);
    await exited;
    running.delete(child);
  };
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    kill9: () => signal('SIGKILL'),
    output: () => `${out}\n${err}`,
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await signal('SIGTERM');
      clearTimeout(timer);
    },
  };
}

export interface World {
  db: TestDb;
  url: string;
  siteId: string;
  siteCode: string;
  coordinator: { cookie: string; csrf: string };
  admin: { cookie: string; csrf: string };
}

const policy: SessionPolicy = { idleMinutes: 60, maxHours: 12 };

/** A fresh migrated database with one site, a coordinator and an admin with open sessions. */
export async function freshWorld(siteCode = 'R01'): Promise<World> {
  const db = await createTestDb();
  if (!db.url) throw new Error('the resilience suite needs PostgreSQL (EDC_TEST_DB=pg)');
  const site = await newSite(db.db, { code: siteCode });
  const sessionOf = async (role: 'coordinator' | 'admin') => {
    const user = await newUser(db.db, { role, siteIds: [site.id] });
    const { token, session } = await createSession(db.db, user.id, policy);
    return { cookie: `edc_session=${token}`, csrf: session.csrfToken };
  };
  return {
    db,
    url: db.url,
    siteId: site.id,
    siteCode,
    coordinator: await sessionOf('coordinator'),
    admin: await sessionOf('admin'),
  };
}

/**
 * Participants past screening, eligibility and consent; with `baseline`, also with complete
 * baseline VAS and ODI (ready for randomization). Written as the system actor, so audited.
 */
export async function seedParticipants(world: World, count: number, baseline = false): Promise<string[]> {
  return withAudit(world.db.db, { ...SYSTEM_ACTOR, reason: 'resilience seed' }, async (tx) => {
    const rows = await selectRows(
      tx,
      { id: schema.participants.id },
      sql`insert into participants (study_id, site_id, site_seq, status, sex, birth_year, screened_at,
                                     eligible, consent_date)
          select ${world.siteCode} || '-' || lpad(i::text, 4, '0'), ${world.siteId}::uuid, i, 'enrolled',
                 'female', 1980, current_date - 30, true, current_date - 20
          from generate_series(1, ${count}::int) i
          returning id`,
    );
    await tx.execute(
      sql`insert into site_counters (site_id, last_seq) values (${world.siteId}::uuid, ${count})
          on conflict (site_id) do update set last_seq = excluded.last_seq`,
    );
    if (baseline) {
      await tx.execute(sql`insert into form_records (participant_id, site_id, visit_code, form_code, status, data)
        select p.id, p.site_id, 'BL', f.code, 'complete', f.data::jsonb
        from participants p cross join (values
          ('vas', '{"vas_mm": 60, "vas_method": "electronic", "assessor_id": "seed",
                    "assessed_at": "' || to_char((now() at time zone 'UTC') - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"}'),
          ('odi', '{"odi_version": "2.1a-en", "q1": 1, "q2": 1, "q3": 1, "q4": 1, "q5": 1, "q6": 1, "q7": 1,
                    "q8": 1, "q9": 1, "q10": 1, "odi_score": 20}')) f(code, data)
        where p.site_id = ${world.siteId}::uuid`);
    }
    return rows.map((r) => r.id);
  });
}

export const vasBody = (k: number, reason?: string) => ({
  data: {
    vas_mm: k % 101,
    vas_method: 'electronic',
    assessed_at: new Date(Date.now() - 60_000).toISOString(),
    assessor_id: 'resilience',
  },
  status: 'complete',
  ...(reason ? { reason } : {}),
});

export interface Ack {
  recordId: string;
  version: number;
}

/** PUT baseline VAS as the coordinator; the first save inserts, later ones are corrections. */
export async function saveVas(
  base: string,
  session: World['coordinator'],
  participantId: string,
  k: number,
  correction: boolean,
) {
  const res = await fetch(`${base}/api/v1/participants/${participantId}/visits/BL/forms/vas`, {
    method: 'PUT',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(vasBody(k, correction ? `resilience correction ${k}` : undefined)),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/**
 * Every acknowledged write is in the database with its audit row; every form record has its
 * INSERT audit row and one UPDATE audit row per later version (nothing half-written).
 */
export async function checkAcknowledged(world: World, acks: Ack[]) {
  const lost: string[] = [];
  for (const ack of acks) {
    const [row] = await selectRows(
      world.db.db,
      { version: schema.formRecords.version, audited: field.bool },
      sql`select fr.version, exists (
            select 1 from audit_log a where a.table_name = 'form_records' and a.record_id = fr.id::text
              and (case when ${ack.version}::int = 1 then a.action = 'INSERT'
                        else a.action = 'UPDATE' and (a.changes -> 'version' ->> 1)::int = ${ack.version}::int end)
          ) as audited
          from form_records fr where fr.id = ${ack.recordId}::uuid`,
    );
    if (!row) lost.push(`${ack.recordId} v${ack.version}: row missing`);
    else if (row.version < ack.version) lost.push(`${ack.recordId} v${ack.version}: row at v${row.version}`);
    else if (!row.audited) lost.push(`${ack.recordId} v${ack.version}: no audit row`);
  }
  const halfWritten = await selectRows(
    world.db.db,
    {
      id: schema.formRecords.id,
      version: schema.formRecords.version,
      inserts: field.int,
      updates: field.int,
    },
    sql`select fr.id, fr.version,
               count(a.id) filter (where a.action = 'INSERT')::int as inserts,
               count(a.id) filter (where a.action = 'UPDATE' and a.changes ? 'version')::int as updates
        from form_records fr
        left join audit_log a on a.table_name = 'form_records' and a.record_id = fr.id::text
        group by fr.id, fr.version
        having count(a.id) filter (where a.action = 'INSERT') <> 1
            or count(a.id) filter (where a.action = 'UPDATE' and a.changes ? 'version') <> fr.version - 1`,
  );
  return { lost, halfWritten };
}

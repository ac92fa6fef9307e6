import { type Db, field, schema, selectRows, withAudit } from '@mini-edc/db';
import { sql } from 'drizzle-orm';

/**
 * Refused requests as security events (docs/security.md §4): an insider probing other sites'
 * participants, a stolen session that has ended, a forged cross-site request. Coalesced per
 * actor, kind, method, route and minute: the first refusal of a window appends one hash-chained
 * ACCESS_REFUSED row to the audit trail (global chain, so no participant's casebook carries it);
 * the others raise the window's count. A scan of thousands of ids writes one chained row a minute.
 */

export type RefusalKind = 'SESSION_EXPIRED' | 'FORBIDDEN' | 'NOT_FOUND_AT_OTHER_SITE' | 'CSRF_FAILED';

const ACCESS_REFUSED = 'ACCESS_REFUSED';

interface RefusalActor {
  id: string;
  role: string;
  label: string | null;
  siteIds: readonly string[];
}

export interface Refusal {
  kind: RefusalKind;
  status: number;
  method: string;
  /** The route pattern (/api/v1/participants/:id), never the raw URL: the window key is bounded. */
  route: string;
  /** The id the request named, when it named one. */
  targetId: string | null;
  /** The site the target belongs to; else the actor's only site; else none (admins read it). */
  siteId: string | null;
  /** The session's user, or null for a request without one (filed as anonymous by address). */
  actor: RefusalActor | null;
  clientAddress: string;
  requestId: string;
}

function actorOf(refusal: Refusal) {
  const { actor } = refusal;
  if (!actor) {
    return {
      key: `anonymous:${refusal.clientAddress}`,
      ctx: { actorId: 'anonymous', actorRole: 'anonymous', actorLabel: refusal.clientAddress },
    };
  }
  return {
    key: actor.id,
    ctx: {
      actorId: actor.id,
      actorRole: actor.role,
      actorLabel: actor.label,
      actorSiteId: actor.siteIds.length === 1 ? (actor.siteIds[0] ?? null) : null,
    },
  };
}

/** Counts the refusal in its window; the window's first refusal also writes its audit row. */
export async function recordRefusal(db: Db, refusal: Refusal): Promise<void> {
  const { key, ctx } = actorOf(refusal);
  const siteId =
    refusal.siteId ?? (refusal.actor?.siteIds.length === 1 ? (refusal.actor.siteIds[0] ?? null) : null);
  await withAudit(db, { ...ctx, requestId: refusal.requestId }, async (tx) => {
    const [window] = await selectRows(
      tx,
      // The bigint id as text: it goes back into SQL as it came.
      { id: field.text, count: schema.securityEvents.count },
      sql`insert into security_events
            (window_start, actor_key, kind, method, route, status, site_id, first_at, last_at)
          values (date_trunc('minute', clock_timestamp()), ${key}, ${refusal.kind}, ${refusal.method},
                  ${refusal.route}, ${refusal.status}, ${siteId}::uuid, clock_timestamp(), clock_timestamp())
          on conflict on constraint security_events_window do update
            set count = security_events.count + 1,
                last_at = greatest(security_events.last_at, excluded.last_at)
          returning id::text, count`,
    );
    if (window?.count !== 1) return;
    const details = {
      kind: refusal.kind,
      status: refusal.status,
      method: refusal.method,
      route: refusal.route,
      ...(refusal.targetId ? { target: refusal.targetId } : {}),
      client: refusal.clientAddress,
    };
    const [audit] = await selectRows(
      tx,
      { id: field.text },
      sql`select edc_audit_append(${ACCESS_REFUSED}, 'security_events', ${window.id}, null,
            ${siteId}::uuid, ${JSON.stringify(details)}::jsonb)::text as id`,
    );
    await tx.execute(
      sql`update security_events set audit_id = ${audit?.id}::bigint where id = ${window.id}::bigint`,
    );
  });
}

type TargetTable = 'participants' | 'form_records' | 'data_queries';

/**
 * Where an id a route names lives, for "404 for an id that exists at another site": in the path
 * (every route under the prefix), or in the body of the review routes that take a record or
 * participant id there (a monitor probing another site's records through them is as much a probe).
 */
const pathTargets: Record<string, { param: string; table: TargetTable }> = {
  '/api/v1/participants/:id': { param: 'id', table: 'participants' },
  '/api/v1/records/:recordId': { param: 'recordId', table: 'form_records' },
  '/api/v1/queries/:id': { param: 'id', table: 'data_queries' },
  '/api/v1/closeout/casebooks/:participantId': { param: 'participantId', table: 'participants' },
};

const bodyTargetRoutes = new Set(['/api/v1/queries', '/api/v1/sdv', '/api/v1/sdv/undo']);
const bodyTargets: ReadonlyArray<{ field: string; table: TargetTable }> = [
  { field: 'recordId', table: 'form_records' },
  { field: 'participantId', table: 'participants' },
];

const uuidLike = /^[0-9a-f-]{36}$/i;

function idIn(source: unknown, key: string): string | null {
  if (typeof source !== 'object' || source === null) return null;
  const value: unknown = (source as Record<string, unknown>)[key];
  return typeof value === 'string' && uuidLike.test(value) ? value.toLowerCase() : null;
}

/** The id a participant-data route names, and the table it lives in, if the route names one. */
export function routeTarget(
  route: string,
  params: unknown,
  body?: unknown,
): { id: string; table: TargetTable } | null {
  for (const [prefix, target] of Object.entries(pathTargets)) {
    if (route !== prefix && !route.startsWith(`${prefix}/`)) continue;
    const id = idIn(params, target.param);
    return id ? { id, table: target.table } : null;
  }
  if (!bodyTargetRoutes.has(route)) return null;
  for (const target of bodyTargets) {
    const id = idIn(body, target.field);
    if (id) return { id, table: target.table };
  }
  return null;
}

/** The site of a participant, record or query, whoever asks (used only to file a refusal). */
export async function siteOfTarget(
  db: Db,
  target: { id: string; table: TargetTable },
): Promise<string | null> {
  const table = sql.identifier(target.table);
  const [row] = await selectRows(
    db,
    { site_id: field.text },
    sql`select site_id::text from ${table} where id = ${target.id}::uuid`,
  );
  return row?.site_id ?? null;
}

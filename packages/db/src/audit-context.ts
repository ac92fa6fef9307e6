/**
 * Who is acting, and why: the transaction-local settings the audit triggers read. This module has
 * no dependency, so a plain node-postgres client (the bench's raw baselines) sets the context
 * with the same statement as the API (`@mini-edc/db/audit-context`).
 */

/**
 * Who is acting, and why. The audit triggers read these from transaction-local settings
 * (set_config(..., true)), so they vanish at commit or rollback and never leak to another request.
 */
export interface AuditContext {
  actorId: string;
  actorRole: string;
  actorLabel?: string | null;
  actorSiteId?: string | null;
  reason?: string | null;
  requestId?: string | null;
}

/**
 * The explicit actor for writes made by the system itself (migrations' data, the demo seed,
 * scheduled jobs). A transaction that sets no actor at all is refused by the audit trigger:
 * an anonymous change to trial data is never recorded as if it were legitimate.
 */
export const SYSTEM_ACTOR: AuditContext = {
  actorId: 'system',
  actorRole: 'system',
  actorLabel: 'system',
};

/** Each setting the audit triggers read, with its value for ctx ('' when absent), in the order set. */
export function auditSettings(ctx: AuditContext): ReadonlyArray<readonly [name: string, value: string]> {
  return [
    ['edc.actor_id', ctx.actorId],
    ['edc.actor_role', ctx.actorRole],
    ['edc.actor_label', ctx.actorLabel ?? ''],
    ['edc.actor_site_id', ctx.actorSiteId ?? ''],
    ['edc.reason', ctx.reason ?? ''],
    ['edc.request_id', ctx.requestId ?? ''],
  ];
}

/**
 * The statement that sets ctx for the rest of the transaction, as SQL text with $1… parameters and
 * their values, for a client that does not use drizzle (`client.query(text, values)`).
 */
export function auditContextQuery(ctx: AuditContext): { text: string; values: string[] } {
  const settings = auditSettings(ctx);
  const calls = settings.map(([name], i) => `set_config('${name}', $${i + 1}, true)`);
  return { text: `select num_nonnulls(${calls.join(', ')})`, values: settings.map(([, value]) => value) };
}

import { appendAuditEvent, type Db, type Executor, field, schema, selectRows, withAudit } from '@mini-edc/db';
import {
  DomainError,
  fieldError,
  type LifecycleAction,
  type LifecycleActionRequest,
  type LifecycleEvent,
  lifecycleActionAllowed,
  lifecycleRequirements,
  nextStudyState,
  type PreLockChecks,
  type StudyDefinition,
  type StudyLifecycle,
  type StudyState,
  type StudyStatus,
  studyStates,
} from '@mini-edc/domain';
import { eq, sql } from 'drizzle-orm';
import type { Acting } from './acting';
import { confirmPassword } from './auth';
import { preLockChecks } from './closeout-checks';
import { readAuditHeadLocked } from './export-audit-head';
import type { LockoutPolicy } from './lockout';

// Writers hold this advisory lock shared (the guard trigger of migrations/0010); a lifecycle
// change takes it exclusively, so it waits for writes in flight and none commits after a lock.
const STUDY_WRITE_LOCK = 74_652_003;

type StatusRow = typeof schema.studyStatus.$inferSelect;

function isState(value: unknown): value is StudyState {
  return typeof value === 'string' && (studyStates as readonly string[]).includes(value);
}

function toStatus(row: StatusRow): StudyStatus {
  if (!isState(row.state)) throw new Error(`unknown study state ${row.state}`);
  return {
    state: row.state,
    changedAt: row.changedAt.toISOString(),
    lockedAt: row.lockedAt?.toISOString() ?? null,
    allocationReleasedAt: row.allocationReleasedAt?.toISOString() ?? null,
  };
}

async function statusRow(db: Executor, forUpdate = false): Promise<StatusRow> {
  const query = db.select().from(schema.studyStatus).where(eq(schema.studyStatus.id, 1));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw new Error('study_status has no row; run the migrations');
  return row;
}

export async function getStudyStatus(db: Executor): Promise<StudyStatus> {
  return toStatus(await statusRow(db));
}

/** The state and every change of it, oldest first, from the audit trail itself. */
export async function getStudyLifecycle(db: Db): Promise<StudyLifecycle> {
  const { auditLog } = schema;
  const rows = await selectRows(
    db,
    {
      id: field.int,
      occurred_at: field.text,
      actor_label: auditLog.actorLabel,
      action: auditLog.action,
      from_state: field.nullable(field.text),
      to_state: field.nullable(field.text),
      reason: auditLog.reason,
    },
    sql`select id::text, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
               actor_label, action, changes ->> 'from' as from_state, changes ->> 'to' as to_state, reason
        from audit_log
        where table_name = 'study_status' and action not in ('INSERT', 'UPDATE', 'DELETE') order by id`,
  );
  const history: LifecycleEvent[] = rows.map((r) => ({
    auditId: r.id,
    occurredAt: r.occurred_at,
    actorLabel: r.actor_label,
    action: r.action,
    from: isState(r.from_state) ? r.from_state : null,
    to: isState(r.to_state) ? r.to_state : null,
    reason: r.reason,
  }));
  return { status: await getStudyStatus(db), history };
}

/** The audit chain heads recorded when the study was last locked (null if it never was). */
export async function lockAuditHead(db: Executor) {
  return (await statusRow(db)).lockAuditHead ?? null;
}

export async function getPreLockChecks(db: Db, study: StudyDefinition): Promise<PreLockChecks> {
  return preLockChecks(db, study, (await getStudyStatus(db)).state);
}

export interface LifecycleEnv {
  db: Db;
  study: StudyDefinition;
  lockout: LockoutPolicy;
}

const auditAction: Record<LifecycleAction, string> = {
  close_entry: 'STUDY_ENTRY_CLOSED',
  reopen_entry: 'STUDY_ENTRY_REOPENED',
  lock: 'STUDY_LOCKED',
  unlock: 'STUDY_UNLOCKED',
  release_allocation: 'ALLOCATION_RELEASED',
};

/**
 * Moves the study through its lifecycle (packages/domain/src/closeout/study-lifecycle.ts). Unlock
 * and the release of the allocation to blinded roles (R-BLIND-4) need the admin's password again
 * and a reason; lock runs the pre-lock checks inside the locking
 * transaction, needs an override reason when any is open, and records the audit chain heads at
 * the moment of lock for the final export bundle.
 */
export async function applyLifecycleAction(
  env: LifecycleEnv,
  { user, ctx, action, input }: Acting & { action: LifecycleAction; input: LifecycleActionRequest },
): Promise<StudyLifecycle> {
  const current = await getStudyStatus(env.db);
  const to = nextStudyState(current.state, action);
  if (!to || !lifecycleActionAllowed(current.state, current.allocationReleasedAt !== null, action)) {
    throw new DomainError(
      'CONFLICT',
      current.allocationReleasedAt !== null && action === 'release_allocation'
        ? 'ALLOCATION_ALREADY_RELEASED'
        : 'STUDY_STEP_NOT_NOW',
    );
  }
  const needs = lifecycleRequirements(action, 0);
  if (needs.password) {
    if (!input.password) {
      throw new DomainError('VALIDATION_FAILED', 'PASSWORD_TO_CONFIRM', {}, [
        fieldError('body.password', 'FIELD_REQUIRED'),
      ]);
    }
    await confirmPassword(env, { ctx, userId: user.id, password: input.password });
  }
  if (needs.reason === 'required' && !input.reason) throw reasonRequired();

  await withAudit(env.db, { ...ctx, reason: input.reason ?? null }, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${STUDY_WRITE_LOCK})`);
    const row = await statusRow(tx, true);
    if (
      row.state !== current.state ||
      (row.allocationReleasedAt !== null) !== (current.allocationReleasedAt !== null)
    ) {
      throw new DomainError('CONFLICT', 'STUDY_STATE_CHANGED');
    }
    const now = new Date();
    // Releasing the allocation leaves the state (and when it last changed) as it is.
    const changes: Partial<StatusRow> =
      to === row.state
        ? { version: row.version + 1 }
        : { state: to, changedAt: now, changedBy: user.id, version: row.version + 1 };
    let details: Record<string, unknown> = { from: row.state, to };
    if (action === 'lock') {
      const checks = await preLockChecks(tx, env.study, row.state as StudyState);
      if (checks.openItems > 0 && !input.reason) throw reasonRequired(checks.openItems);
      changes.lockedAt = now;
      changes.lockAuditHead = await readAuditHeadLocked(tx);
      details = {
        ...details,
        override: checks.openItems > 0,
        openItems: Object.fromEntries(checks.checks.map((c) => [c.code, c.count])),
        auditHead: changes.lockAuditHead,
      };
    }
    if (action === 'unlock') changes.lockedAt = null;
    if (action === 'release_allocation') {
      // From the next request on, blinded roles see arms (the access policy's allocationReleased).
      changes.allocationReleasedAt = now;
      changes.allocationReleasedBy = user.id;
    }
    await tx.update(schema.studyStatus).set(changes).where(eq(schema.studyStatus.id, 1));
    await appendAuditEvent(tx, {
      action: auditAction[action],
      tableName: 'study_status',
      recordId: '1',
      details,
    });
  });
  return getStudyLifecycle(env.db);
}

function reasonRequired(openItems?: number) {
  const [message, params] =
    openItems === undefined
      ? (['STEP_NEEDS_REASON', {}] as const)
      : (['LOCK_OVERRIDE_REASON', { count: openItems }] as const);
  return new DomainError('REASON_REQUIRED', message, params, [fieldError('body.reason', 'REASON_REQUIRED')]);
}

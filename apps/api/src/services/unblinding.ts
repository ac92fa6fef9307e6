import { appendAuditEvent, type Db, field, type RowOf, schema, selectRows, withAudit } from '@mini-edc/db';
import {
  DomainError,
  type EmergencyUnblinding,
  type EmergencyUnblindingEntry,
  type EmergencyUnblindingRequest,
} from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import type { Acting } from './acting';
import { confirmPassword } from './auth';
import type { PasswordEnv } from './lockout';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';

/**
 * Emergency unblinding of one participant before lock (R-BLIND-4, docs/closeout.md "Unblinding").
 * The route lets investigators only; this service checks the site scope (another site's
 * participant is a 404), the allocation, the password again, and writes the event with its reason
 * and audit rows in one transaction. Nothing here changes what the access policy (can()) answers: the assessor
 * stays blinded. While the study is locked the API answers 423 and the database refuses the insert.
 */

const { emergencyUnblindings: eu, participants, randomizationSlots, sites, users } = schema;

const entryRow = {
  id: eu.id,
  participant_id: eu.participantId,
  study_id: participants.studyId,
  site_code: sites.code,
  unblinded_at: eu.unblindedAt,
  unblinded_by: users.displayName,
  reason: eu.reason,
};

const toEntry = (r: RowOf<typeof entryRow>): EmergencyUnblindingEntry => ({
  id: r.id,
  participantId: r.participant_id,
  studyId: r.study_id,
  siteCode: r.site_code,
  unblindedAt: r.unblinded_at.toISOString(),
  unblindedBy: r.unblinded_by,
  reason: r.reason,
});

const entrySelect = sql`select eu.id, eu.participant_id, p.study_id, s.code as site_code, eu.unblinded_at,
                               u.display_name as unblinded_by, eu.reason
                        from emergency_unblindings eu
                        join participants p on p.id = eu.participant_id
                        join sites s on s.id = eu.site_id
                        join users u on u.id = eu.unblinded_by`;

/** Every emergency unblinding at the caller's sites, newest first (for the dashboard). */
export async function emergencyUnblindingsAt(db: Db, user: AuthUser): Promise<EmergencyUnblindingEntry[]> {
  const rows = await selectRows(
    db,
    entryRow,
    sql`${entrySelect} where ${inUserSites(sql`eu.site_id`, user)} order by eu.unblinded_at desc, eu.id`,
  );
  return rows.map(toEntry);
}

export async function emergencyUnblind(
  env: PasswordEnv,
  { user, ctx, participantId, input }: Acting & { participantId: string; input: EmergencyUnblindingRequest },
): Promise<EmergencyUnblinding> {
  const [participant] = await selectRows(
    env.db,
    {
      site_id: participants.siteId,
      study_id: participants.studyId,
      arm: field.nullable(randomizationSlots.arm),
    },
    sql`select p.site_id, p.study_id, rs.arm
        from participants p left join randomization_slots rs on rs.participant_id = p.id
        where p.id = ${participantId}::uuid and ${inUserSites(sql`p.site_id`, user)}`,
  );
  if (!participant) throw new DomainError('NOT_FOUND', 'PARTICIPANT_NOT_FOUND');
  const arm = participant.arm;
  if (!arm) throw new DomainError('NOT_RANDOMIZED', 'NOT_RANDOMIZED');
  await confirmPassword(env, { ctx, userId: user.id, password: input.password });

  const id = await withAudit(env.db, { ...ctx, reason: input.reason }, async (tx) => {
    const [row] = await tx
      .insert(schema.emergencyUnblindings)
      .values({ participantId, siteId: participant.site_id, unblindedBy: user.id, reason: input.reason })
      .returning({ id: schema.emergencyUnblindings.id });
    if (!row) throw new Error('emergency unblinding insert returned nothing');
    // The event names the participant, never the arm: the audit trail stays safe for blinded readers.
    await appendAuditEvent(tx, {
      action: 'EMERGENCY_UNBLINDED',
      tableName: 'emergency_unblindings',
      recordId: row.id,
      participantId,
      siteId: participant.site_id,
      details: { studyId: participant.study_id },
    });
    return row.id;
  });
  const [entry] = await selectRows(env.db, entryRow, sql`${entrySelect} where eu.id = ${id}::uuid`);
  if (!entry) throw new Error('emergency unblinding vanished after insert');
  return { ...toEntry(entry), arm };
}

import { createHash } from 'node:crypto';
import { appendAuditEvent, schema, withAudit } from '@mini-edc/db';
import {
  canonicalJson,
  DomainError,
  fieldError,
  formsBlockingSignature,
  recordsToSign,
} from '@mini-edc/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Acting } from './acting';
import type { LockoutPolicy } from './lockout';
import { lockParticipant, type ServiceEnv } from './participants';
import { checkPassword, recordReauthentication } from './password-check';
import { openQueryCount } from './queries';

interface SignVisitCall extends Acting {
  participantId: string;
  visitCode: string;
  password: string;
}

const SIGNATURE_MEANING = 'I confirm these data are accurate';

/** SHA-256 over exactly what was signed, so any later change is detectable (21 CFR 11.70). */
export function signedContentHash(record: {
  id: string;
  visitCode: string;
  formCode: string;
  seq: number;
  version: number;
  data: unknown;
}): string {
  const content = canonicalJson({
    recordId: record.id,
    visitCode: record.visitCode,
    formCode: record.formCode,
    seq: record.seq,
    version: record.version,
    data: record.data,
  });
  return createHash('sha256').update(content).digest('hex');
}

/**
 * An investigator signs every completed record of a visit after entering the password again in
 * the same request (21 CFR 11.200). Drafts and records with unresolved queries block signing.
 * A wrong password counts towards the one lockout (services/password-check.ts); a right one is
 * recorded as REAUTHENTICATED in the signing transaction itself, so a refused signing leaves no
 * re-authentication behind.
 */
export async function signVisit(
  env: ServiceEnv & { lockout: LockoutPolicy },
  { user, ctx, participantId, visitCode, password }: SignVisitCall,
) {
  const account = await checkPassword(
    env.db,
    { account: { userId: user.id }, password, purpose: 'sign', ctx },
    env.lockout,
  );
  return withAudit(env.db, { ...ctx, reason: SIGNATURE_MEANING }, async (tx) => {
    const participant = await lockParticipant(tx, user, participantId);
    const records = await tx
      .select()
      .from(schema.formRecords)
      .where(
        and(eq(schema.formRecords.participantId, participantId), eq(schema.formRecords.visitCode, visitCode)),
      )
      .for('update');
    if (records.length === 0)
      throw new DomainError('NOT_FOUND', 'SIGN_NOTHING_AT_VISIT', { visit: visitCode });
    // A required form not started blocks signing as a draft does (R-SIGN-2).
    const blocking = formsBlockingSignature(
      env.study,
      visitCode,
      records,
      participant.status === 'screen_failed',
    );
    if (blocking.length > 0) {
      throw new DomainError('CONFLICT', 'SIGN_FORMS_NOT_COMPLETE', {}, [
        fieldError('visit', 'FORMS_NOT_COMPLETE', { forms: blocking.join(',') }),
      ]);
    }
    let unresolved = 0;
    for (const record of records) unresolved += await openQueryCount(tx, record.id);
    if (unresolved > 0) {
      throw new DomainError('CONFLICT', 'SIGN_OPEN_QUERY');
    }
    const toSign = recordsToSign(records);
    const signedAt = new Date();
    for (const record of toSign) {
      await tx.insert(schema.signatures).values({
        recordId: record.id,
        recordVersion: record.version,
        participantId,
        siteId: participant.siteId,
        signerId: user.id,
        signerName: user.displayName,
        meaning: SIGNATURE_MEANING,
        contentHash: signedContentHash(record),
        signedAt,
      });
    }
    if (toSign.length > 0) {
      await tx
        .update(schema.formRecords)
        .set({ status: 'signed' })
        .where(
          inArray(
            schema.formRecords.id,
            toSign.map((r) => r.id),
          ),
        );
    }
    await recordReauthentication(tx, account);
    await appendAuditEvent(tx, {
      action: 'SIGN',
      tableName: 'form_records',
      participantId,
      siteId: participant.siteId,
      details: { visit: visitCode, records: toSign.map((r) => r.id), meaning: SIGNATURE_MEANING },
    });
    return { signed: toSign.length, signedAt: signedAt.toISOString(), meaning: SIGNATURE_MEANING };
  });
}

/** Locking freezes a record for analysis (design invariant 3): no later change is accepted. */
export async function lockRecord(env: ServiceEnv, { user, ctx, recordId }: Acting & { recordId: string }) {
  return withAudit(env.db, { ...ctx, reason: ctx.reason ?? 'record locked' }, async (tx) => {
    const [record] = await tx
      .select()
      .from(schema.formRecords)
      .where(eq(schema.formRecords.id, recordId))
      .for('update');
    if (!record || !user.siteIds.includes(record.siteId))
      throw new DomainError('NOT_FOUND', 'RECORD_NOT_FOUND');
    if (record.status === 'draft') throw new DomainError('CONFLICT', 'LOCK_DRAFT');
    if (record.status !== 'locked') {
      await tx
        .update(schema.formRecords)
        .set({ status: 'locked' })
        .where(eq(schema.formRecords.id, recordId));
    }
    return { id: recordId, status: 'locked' as const };
  });
}

import { type AuditContext, schema } from '@mini-edc/db';
import {
  canEnterForm,
  DomainError,
  type FormRecord,
  formDataSchema,
  formsOfVisit,
  isArmForm,
  type SaveFormRequest,
  type StudyDefinition,
  visitRoleOf,
  withDerivedFields,
} from '@mini-edc/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { todayIn } from './clock';
import { participantSourceForms, rederiveParticipant } from './participant-status';
import { formRecordOf } from './participant-views';
import { lockParticipantForWrite, type ServiceEnv } from './participants';
import type { AuthUser } from './sessions';

function resolveForm(study: StudyDefinition, visitCode: string, formCode: string) {
  // Visits outside the schedule: treatment records and unscheduled events (protocol §5.1).
  const allowed = formsOfVisit(study, visitCode);
  if (!allowed) throw new DomainError('NOT_FOUND', `No visit ${visitCode} in this study.`);
  const form = study.forms.find((f) => f.code === formCode);
  if (!form || !allowed.includes(formCode)) {
    throw new DomainError('NOT_FOUND', `Form ${formCode} is not part of visit ${visitCode}.`);
  }
  if (formCode === study.roles.eligibilityForm) {
    throw new DomainError('CONFLICT', 'Eligibility is recorded through the eligibility step.');
  }
  return { form };
}

/** One message per field: the range check and the instrument's own rule may both fire. */
function fieldErrors(issues: { path: PropertyKey[]; message: string }[]) {
  const byPath = new Map<string, string>();
  for (const issue of issues) {
    const path = ['body', 'data', ...issue.path.map(String)].join('.');
    if (!byPath.has(path)) byPath.set(path, issue.message);
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

/**
 * Saves one eCRF: validated against the study definition, gated by the trial's order of events
 * (consent before baseline, randomization before follow-up, own arm's intervention form only),
 * with the record lifecycle of design invariant 3 and optimistic concurrency.
 */
export async function saveForm(
  env: ServiceEnv,
  user: AuthUser,
  ctx: AuditContext,
  participantId: string,
  visitCode: string,
  formCode: string,
  input: SaveFormRequest,
): Promise<FormRecord> {
  const { form } = resolveForm(env.study, visitCode, formCode);
  if (!canEnterForm(user, env.study, formCode)) {
    throw new DomainError('FORBIDDEN', 'Your role does not enter this form.');
  }
  const seq = input.seq ?? 1;
  if (seq > 1 && !form.repeating) {
    throw new DomainError('VALIDATION_FAILED', 'This form is entered once per visit.', [
      { path: 'body.seq', message: 'Only 1 for this form' },
    ]);
  }

  // Four round trips in the transaction (BEGIN, context + participant lock + definition version,
  // record lock, write) and COMMIT; the reason is part of the context from the start, since no
  // audited write happens before the record's own (docs/benchmarks.md "The audited write path").
  const auditCtx: AuditContext = input.reason ? { ...ctx, reason: input.reason } : ctx;
  return env.db.transaction(async (tx) => {
    const { participant, definitionVersion } = await lockParticipantForWrite(
      tx,
      user,
      participantId,
      auditCtx,
    );
    const [existing] = await tx
      .select()
      .from(schema.formRecords)
      .where(
        and(
          eq(schema.formRecords.participantId, participantId),
          eq(schema.formRecords.visitCode, visitCode),
          eq(schema.formRecords.formCode, formCode),
          eq(schema.formRecords.seq, seq),
        ),
      )
      .for('update');

    if (existing?.status === 'locked') {
      throw new DomainError('RECORD_LOCKED', 'This record is locked and cannot change.');
    }
    if (existing && input.expectedVersion !== undefined && input.expectedVersion !== existing.version) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `Someone saved a newer version (${existing.version}) of this form while you were editing version ${input.expectedVersion}. Nothing was overwritten.`,
        undefined,
        // The caller has what it sent; echoing it would return unbounded input (docs/security.md).
        { current: formRecordOf(existing) },
      );
    }
    // Once complete, a record stays complete: later edits are corrections and need a reason.
    const wasComplete = existing?.status === 'complete' || existing?.status === 'signed';
    const mode = wasComplete ? 'complete' : input.status;
    if (wasComplete && !input.reason) {
      throw new DomainError('REASON_REQUIRED', 'Changing a completed record needs a reason for the change.', [
        { path: 'body.reason', message: 'Give a reason for this change' },
      ]);
    }
    const parsed = formDataSchema(form, mode).safeParse(input.data);
    if (!parsed.success) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Some fields are invalid; see fields.',
        fieldErrors(parsed.error.issues),
      );
    }
    const data = withDerivedFields(form, parsed.data);
    checkOrderOfEvents(env, participant, visitRoleOf(env.study, visitCode), formCode, data);
    const armOfForm = env.study.arms.find((a) => a.interventionForm === formCode);
    if (armOfForm) {
      const [slot] = await tx
        .select({ arm: schema.randomizationSlots.arm })
        .from(schema.randomizationSlots)
        .where(eq(schema.randomizationSlots.participantId, participantId));
      if (slot?.arm !== armOfForm.code) {
        throw new DomainError(
          'WRONG_ARM_FORM',
          `This form belongs to the other arm than ${participant.studyId}'s.`,
        );
      }
    }

    // The record states the definition version it was entered under (R-DEF-3).
    let saved: typeof schema.formRecords.$inferSelect | undefined;
    if (existing) {
      // A change voids the signature (kept in history) and clears source verification, both with
      // the reason for the change (design invariant 3): two data-modifying CTEs of the record's
      // UPDATE, so the three writes are one statement.
      const voided = tx.$with('voided_signatures').as(
        tx
          .update(schema.signatures)
          .set({ voidedAt: new Date(), voidReason: `record changed: ${input.reason ?? ''}` })
          .where(and(eq(schema.signatures.recordId, existing.id), isNull(schema.signatures.voidedAt)))
          .returning({ id: schema.signatures.id }),
      );
      const cleared = tx.$with('cleared_sdv').as(
        tx
          .update(schema.sdvMarks)
          .set({ clearedAt: new Date(), clearedReason: `record changed: ${input.reason ?? ''}` })
          .where(and(eq(schema.sdvMarks.recordId, existing.id), isNull(schema.sdvMarks.clearedAt)))
          .returning({ id: schema.sdvMarks.id }),
      );
      [saved] = await tx
        .with(voided, cleared)
        .update(schema.formRecords)
        .set({ data, status: mode, version: existing.version + 1, definitionVersion, updatedAt: new Date() })
        .where(eq(schema.formRecords.id, existing.id))
        .returning();
    } else {
      [saved] = await tx
        .insert(schema.formRecords)
        .values({
          participantId,
          siteId: participant.siteId,
          visitCode,
          formCode,
          seq,
          status: mode,
          data,
          definitionVersion,
        })
        .returning();
    }
    if (!saved) throw new Error('form save returned nothing');
    if (participantSourceForms(env.study).includes(formCode)) {
      await rederiveParticipant(env.study, tx, participant);
    }
    return formRecordOf(saved);
  });
}

type Participant = typeof schema.participants.$inferSelect;

function checkOrderOfEvents(
  env: ServiceEnv,
  participant: Participant,
  visitRole: ReturnType<typeof visitRoleOf>,
  formCode: string,
  data: Record<string, unknown>,
) {
  const today = todayIn(env.timeZone);
  const { roles } = env.study;
  if (participant.status === 'screen_failed' && !roles.afterScreenFailure.includes(formCode)) {
    throw new DomainError(
      'NOT_ELIGIBLE',
      `${participant.studyId} failed screening; no further data is collected.`,
    );
  }
  if (formCode === roles.consent.form) {
    const date = data[roles.consent.dateField];
    const path = `body.data.${roles.consent.dateField}`;
    if (typeof date === 'string' && date > today) {
      throw new DomainError('VALIDATION_FAILED', 'The consent date cannot be in the future.', [
        { path, message: `The consent date cannot be after today (${today})` },
      ]);
    }
    if (typeof date === 'string' && participant.screenedAt && date < participant.screenedAt) {
      throw new DomainError('VALIDATION_FAILED', 'The consent date cannot be before screening.', [
        { path, message: `Consent cannot predate screening (${participant.screenedAt})` },
      ]);
    }
  }
  if ((visitRole === 'baseline' || visitRole === 'unscheduled') && !participant.consentDate) {
    throw new DomainError('CONSENT_REQUIRED', 'Record informed consent before any baseline data.');
  }
  if (
    (visitRole === 'follow_up' || visitRole === 'treatment' || isArmForm(env.study, formCode)) &&
    !participant.randomizedAt
  ) {
    throw new DomainError('NOT_RANDOMIZED', 'Follow-up and treatment data come after randomization.');
  }
}

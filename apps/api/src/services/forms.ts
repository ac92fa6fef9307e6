import { type AuditContext, lastStatement, schema, type Tx } from '@mini-edc/db';
import {
  canEnterForm,
  DomainError,
  type FormDefinition,
  type FormRecord,
  fieldError,
  formsOfVisit,
  isArmForm,
  type SaveFormRequest,
  type StudyDefinition,
  validateFormData,
  visitRoleOf,
  withDerivedFields,
} from '@mini-edc/domain';
import { and, eq } from 'drizzle-orm';
import type { Acting } from './acting';
import { todayIn } from './clock';
import { dateContext } from './date-context';
import { fieldErrorsAt } from './field-errors';
import { checkFormWindow } from './form-window';
import { participantSourceForms, rederiveParticipant } from './participant-status';
import { formRecordOf } from './participant-views';
import { lockParticipantForWrite, type ServiceEnv } from './participants';
import { checkRecordChange, isFinalRecord } from './record-rules';
import { type RecordKey, type RecordRow, writeRecord } from './record-write';

interface SaveFormCall extends Acting {
  participantId: string;
  visitCode: string;
  formCode: string;
  input: SaveFormRequest;
}

function resolveForm(study: StudyDefinition, visitCode: string, formCode: string) {
  // Visits outside the schedule: treatment records and unscheduled events (protocol §5.1).
  const allowed = formsOfVisit(study, visitCode);
  if (!allowed) throw new DomainError('NOT_FOUND', 'VISIT_NOT_IN_STUDY', { visit: visitCode });
  const form = study.forms.find((f) => f.code === formCode);
  if (!form || !allowed.includes(formCode)) {
    throw new DomainError('NOT_FOUND', 'FORM_NOT_IN_VISIT', { visit: visitCode });
  }
  if (formCode === study.roles.eligibilityForm) {
    throw new DomainError('CONFLICT', 'ELIGIBILITY_THROUGH_STEP');
  }
  return { form };
}

/**
 * Saves one eCRF: validated against the study definition, gated by the trial's order of events
 * (consent before baseline, randomization before follow-up, own arm's intervention form only),
 * with the record lifecycle of design invariant 3 and optimistic concurrency.
 */
export async function saveForm(
  env: ServiceEnv,
  { user, ctx, participantId, visitCode, formCode, input }: SaveFormCall,
): Promise<FormRecord> {
  const { form } = resolveForm(env.study, visitCode, formCode);
  if (!canEnterForm(user, env.study, formCode)) {
    throw new DomainError('FORBIDDEN', 'ROLE_DOES_NOT_ENTER_FORM');
  }
  const seq = input.seq ?? 1;
  if (seq > 1 && !form.repeating) {
    throw new DomainError('VALIDATION_FAILED', 'FORM_ONCE_PER_VISIT', {}, [
      fieldError('body.seq', 'FORM_NOT_REPEATING'),
    ]);
  }

  // A participant derived again from this form writes after the record; any other save ends with
  // the record's write, and its COMMIT travels with it (lastStatement, docs/benchmarks.md "The
  // audited write path"). Should that write find the record changed since it was read, nothing was
  // written and the transaction is over: the save is decided again in a transaction of its own.
  const call = { user, ctx, participantId, visitCode, formCode, input, form };
  const endsWithWrite = !participantSourceForms(env.study).includes(formCode);
  try {
    return await saveInTransaction(env, call, endsWithWrite);
  } catch (error) {
    if (!(error instanceof RecordMoved)) throw error;
    return saveInTransaction(env, call, false);
  }
}

/** The record changed between its read and a write that was the transaction's last statement. */
class RecordMoved extends Error {}

async function saveInTransaction(
  env: ServiceEnv,
  { user, ctx, participantId, visitCode, formCode, input, form }: SaveFormCall & { form: FormDefinition },
  endsWithWrite: boolean,
): Promise<FormRecord> {
  // Two round trips for the transaction: BEGIN with the context, participant lock, definition
  // version and the record; then the write (with the COMMIT when it is the last statement). The
  // reason is part of the context from the start, since no audited write happens before the
  // record's own (docs/benchmarks.md "The audited write path").
  const auditCtx: AuditContext = input.reason ? { ...ctx, reason: input.reason } : ctx;
  const seq = input.seq ?? 1;
  const key = { participantId, visitCode, formCode, seq };
  return env.db.transaction(async (tx) => {
    const { participant, definitionVersion, record } = await lockParticipantForWrite(tx, {
      user,
      ctx: auditCtx,
      record: key,
    });
    const visitRole = visitRoleOf(env.study, visitCode);
    // The record rules and the validation read the record's status and version only.
    const prepare = (existing: RecordRow | undefined) => {
      checkRecordChange(existing, input);
      // Once complete, a record stays complete: later edits are corrections (with their reason).
      const mode = isFinalRecord(existing) ? 'complete' : input.status;
      const parsed = validateFormData(
        form,
        mode,
        input.data,
        dateContext(env, participant, { visitRole, today: todayIn(env.timeZone) }),
      );
      if (!parsed.success) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'FIELDS_INVALID',
          {},
          fieldErrorsAt(['body', 'data'], parsed.issues),
        );
      }
      return { existing, mode, data: withDerivedFields(form, parsed.data) };
    };
    // The record as the first statement read it may be older than the participant lock (when that
    // statement waited for it): a refusal is decided on the record read again under its lock.
    let change: ReturnType<typeof prepare>;
    try {
      change = prepare(record);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      change = prepare(await lockRecord(tx, key));
    }
    checkOrderOfEvents(env, participant, visitRole, formCode);
    const armOfForm = env.study.arms.find((a) => a.interventionForm === formCode);
    if (armOfForm) {
      const [slot] = await tx
        .select({ arm: schema.randomizationSlots.arm })
        .from(schema.randomizationSlots)
        .where(eq(schema.randomizationSlots.participantId, participantId));
      if (slot?.arm !== armOfForm.code) {
        throw new DomainError('WRONG_ARM_FORM', 'WRONG_ARM_FORM', { studyId: participant.studyId });
      }
    }

    // Only follow-up visits have a window on the schedule (R-VISIT-2); other saves skip the read.
    if (visitRole === 'follow_up') {
      await checkFormWindow(tx, {
        participantId,
        visitCode,
        today: todayIn(env.timeZone),
        outOfWindowReason: input.outOfWindowReason,
        restoreReason: auditCtx.reason ?? null,
      });
    }
    const write = (c: typeof change) =>
      writeRecord(tx, { ...key, siteId: participant.siteId, definitionVersion, reason: input.reason }, c);
    // The write succeeds only on the record the checks saw (optimistic concurrency, R-REC-2): a
    // record created, corrected, signed or locked since the first statement makes it write
    // nothing, and the save is decided again on the record read under its lock.
    if (endsWithWrite) {
      const saved = await lastStatement(() => write(change));
      if (!saved) throw new RecordMoved();
      return formRecordOf(saved);
    }
    const saved = (await write(change)) ?? (await write(prepare(await lockRecord(tx, key))));
    if (!saved) throw new Error('form save returned nothing under the record lock');
    if (participantSourceForms(env.study).includes(formCode)) {
      await rederiveParticipant(tx, { study: env.study, participant });
    }
    return formRecordOf(saved);
  });
}

/** The record a save addresses, read and locked (the slow path of saveForm). */
async function lockRecord(tx: Tx, key: RecordKey): Promise<RecordRow | undefined> {
  const [row] = await tx
    .select()
    .from(schema.formRecords)
    .where(
      and(
        eq(schema.formRecords.participantId, key.participantId),
        eq(schema.formRecords.visitCode, key.visitCode),
        eq(schema.formRecords.formCode, key.formCode),
        eq(schema.formRecords.seq, key.seq),
      ),
    )
    .for('update');
  return row;
}

type Participant = typeof schema.participants.$inferSelect;

function checkOrderOfEvents(
  env: ServiceEnv,
  participant: Participant,
  visitRole: ReturnType<typeof visitRoleOf>,
  formCode: string,
) {
  // The consent date's own limits (not in the future, not before screening) are field rules of
  // the definition, checked with every other rule by validateFormData.
  const { roles } = env.study;
  if (participant.status === 'screening_closed') throw DomainError.coded('CONFLICT', 'SCREENING_CLOSED');
  if (participant.status === 'screen_failed' && !roles.afterScreenFailure.includes(formCode)) {
    throw new DomainError('NOT_ELIGIBLE', 'SCREEN_FAILED_NO_DATA', { studyId: participant.studyId });
  }
  if ((visitRole === 'baseline' || visitRole === 'unscheduled') && !participant.consentDate) {
    throw new DomainError('CONSENT_REQUIRED', 'CONSENT_BEFORE_BASELINE');
  }
  if (
    (visitRole === 'follow_up' || visitRole === 'treatment' || isArmForm(env.study, formCode)) &&
    !participant.randomizedAt
  ) {
    throw new DomainError('NOT_RANDOMIZED', 'RANDOMIZATION_BEFORE_FOLLOW_UP');
  }
}

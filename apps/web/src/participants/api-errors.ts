import { ApiError } from '../api/client';
import { formDefinition, localized, study } from '../forms/study';
import { i18n } from '../i18n';
import { codedFieldText } from '../i18n/field-codes';
import { codedMessageText, describeError } from '../i18n/messages';

/** Trial-workflow refusals of the participant API, each with its own sentence in both languages. */
const workflowCodes = [
  'VERSION_CONFLICT',
  'RECORD_LOCKED',
  'REASON_REQUIRED',
  'CONSENT_REQUIRED',
  'NOT_ELIGIBLE',
  'NOT_RANDOMIZED',
  'BASELINE_INCOMPLETE',
  'BASELINE_OUT_OF_WINDOW',
  'NOT_ENROLLED',
  'WRONG_ARM_FORM',
  'NO_ACTIVE_LIST',
  'RANDOMIZATION_LIST_EXHAUSTED',
  'STRATUM_NOT_IN_LIST',
  'ENROLLMENT_CAP_REACHED',
] as const;
type WorkflowCode = (typeof workflowCodes)[number];

function workflowCode(error: unknown): WorkflowCode | null {
  if (!(error instanceof ApiError)) return null;
  return workflowCodes.includes(error.code as WorkflowCode) ? (error.code as WorkflowCode) : null;
}

/**
 * One sentence for a failed participant action, in the interface language: the refusal's message
 * code, else the sentence of its error code.
 */
export function participantErrorText(error: unknown, general?: string | null): string | null {
  const code = workflowCode(error);
  if (!code) return general === undefined ? describeError(error) : general;
  return codedMessageText(error) ?? i18n.t(`participants.apiErrors.${code}`);
}

const readinessCodes = new Set([
  'NOT_ELIGIBLE',
  'CONSENT_REQUIRED',
  'NOT_ENROLLED',
  'BASELINE_INCOMPLETE',
  'BASELINE_OUT_OF_WINDOW',
]);

/**
 * A refused randomization (R-RAND-2) as one sentence per unmet condition the server named, each
 * baseline form by its label and the window's dates in the interface language (`day` formats a
 * YYYY-MM-DD); null when the refusal names none, so the caller words it as any other.
 */
export function readinessRefusalText(error: unknown, day: (iso: string) => string): string | null {
  if (!(error instanceof ApiError)) return null;
  const fields = (error.body?.error.fields ?? []).filter((f) => readinessCodes.has(f.code ?? ''));
  if (fields.length === 0) return null;
  return fields
    .map((f) => {
      const params = f.params ?? {};
      const code = typeof params.form === 'string' ? params.form : undefined;
      const form = code && study.forms.some((x) => x.code === code) ? formDefinition(code) : undefined;
      const named = {
        ...params,
        ...(form ? { form: localized(form.label, i18n.language) } : {}),
        ...(typeof params.from === 'string' ? { from: day(params.from) } : {}),
        ...(typeof params.to === 'string' ? { to: day(params.to) } : {}),
      };
      return codedFieldText({ ...f, params: named }, i18n.t);
    })
    .join(' ');
}

import { ApiError } from '../api/client';
import { i18n } from '../i18n';
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

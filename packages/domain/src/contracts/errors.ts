import { z } from 'zod';
import { type MessageParams, type ServerMessageCode, serverMessageText } from './server-messages';

/**
 * The one error body every 4xx/5xx answer has (design invariant 6). `fields` names each input
 * that was refused, by its path in the request (e.g. "body.odi.q3"), with the reason.
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The sentence as a code with parameters (contracts/server-messages.ts): the web words it. */
    messageCode: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    fields: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          /** A reason the web words itself (e.g. PASSWORD_TOO_GUESSABLE), with its parameters. */
          code: z.string().optional(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
    /** On a version conflict: the record as it is now (what the caller sent is not echoed). */
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The closed list of error codes the API answers with (docs/errors.md explains each). */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SESSION_EXPIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
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
  'DATA_ENTRY_CLOSED',
  'AMENDMENT_CONFLICTS_WITH_DATA',
  'STUDY_LOCKED',
  'CSRF_FAILED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldError {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * A refusal a service raises for the caller to see: a closed code, a sentence for a person, and
 * the fields at fault. The API maps each code to one HTTP status in one place.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  /** Set by `DomainError.coded`: the message as a code the web words in the user's language. */
  messageCode: ServerMessageCode | undefined;
  params: MessageParams | undefined;

  /** A refusal whose sentence is a message code with parameters (preferred for new refusals). */
  static coded(
    code: ErrorCode,
    messageCode: ServerMessageCode,
    params: MessageParams = {},
    fields?: FieldError[],
    details?: Record<string, unknown>,
  ): DomainError {
    const error = new DomainError(code, serverMessageText(messageCode, params), fields, details);
    error.messageCode = messageCode;
    error.params = params;
    return error;
  }

  constructor(code: ErrorCode, message: string, fields?: FieldError[], details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
    this.details = details;
    this.messageCode = undefined;
    this.params = undefined;
  }
}

import { z } from 'zod';
import type { FieldCode } from './field-codes';
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
    messageCode: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    fields: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          /** Why, as a field code (contracts/field-codes.ts) the web words, with its parameters. */
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

/**
 * One refused input: its path in the request, why as a code with parameters (contracts/field-codes.ts;
 * the web words it) and the English sentence rendered from them for other API clients.
 */
export interface FieldError {
  path: string;
  message: string;
  code: FieldCode;
  params: MessageParams;
}

/** A field error as the web receives it: a code it may not know yet is worded generically. */
export type ReceivedFieldError = NonNullable<ErrorBody['error']['fields']>[number];

/**
 * A refusal a service raises for the caller to see: a closed code, the sentence as a message code
 * with parameters (contracts/server-messages.ts; the English text is rendered from it), and the
 * fields at fault. The API maps each code to one HTTP status in one place. There is no way to
 * raise one with a free sentence: the web words every refusal in the user's language.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly messageCode: ServerMessageCode;
  readonly params: MessageParams;
  readonly fields: FieldError[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  /** The same as the constructor; kept for the refusals written before it took a code. */
  static coded(
    code: ErrorCode,
    messageCode: ServerMessageCode,
    params: MessageParams = {},
    fields?: FieldError[],
    details?: Record<string, unknown>,
  ): DomainError {
    return new DomainError(code, messageCode, params, fields, details);
  }

  constructor(
    code: ErrorCode,
    messageCode: ServerMessageCode,
    params: MessageParams = {},
    fields?: FieldError[],
    details?: Record<string, unknown>,
  ) {
    super(serverMessageText(messageCode, params));
    this.name = 'DomainError';
    this.code = code;
    this.messageCode = messageCode;
    this.params = params;
    this.fields = fields;
    this.details = details;
  }
}

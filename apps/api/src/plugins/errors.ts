import { databaseError } from '@mini-edc/db';
import { DomainError, type ErrorBody, type ErrorCode, type FieldError } from '@mini-edc/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db-errors';

export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  RECORD_LOCKED: 409,
  REASON_REQUIRED: 400,
  CONSENT_REQUIRED: 409,
  NOT_ELIGIBLE: 409,
  NOT_RANDOMIZED: 409,
  BASELINE_INCOMPLETE: 409,
  WRONG_ARM_FORM: 409,
  NO_ACTIVE_LIST: 409,
  RANDOMIZATION_LIST_EXHAUSTED: 409,
  ENROLLMENT_CAP_REACHED: 409,
  DATA_ENTRY_CLOSED: 409,
  STUDY_LOCKED: 423,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
};

/**
 * Refusals raised by database triggers that a request can meet (migrations/0010): the study's
 * lifecycle state, enforced below every code path, becomes the same code the API hook sends.
 */
const databaseRefusals: Record<string, { code: ErrorCode; message: string }> = {
  EL001: {
    code: 'STUDY_LOCKED',
    message: 'The study database is locked; nothing can change until an admin unlocks it.',
  },
  EL002: {
    code: 'DATA_ENTRY_CLOSED',
    message: 'Data entry is closed: no new participants or allocations.',
  },
};

export function errorBody(code: ErrorCode, message: string, fields?: FieldError[]): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** Fastify's own client errors (malformed JSON, wrong content type, body too large). */
function fastifyClientError(error: FastifyError): { code: ErrorCode; message: string } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'VALIDATION_FAILED', message: 'The request body has an unsupported content type.' };
  }
  if (error.statusCode === 429)
    return { code: 'RATE_LIMITED', message: 'Too many requests; try again later.' };
  return null;
}

/**
 * The one place errors become HTTP answers (conventions §6): validation failures name each field,
 * domain refusals keep their code, an unreachable database is a 503, everything else is a 500 whose
 * detail stays in the log, never in the response.
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const fields = error.validation.map((v) => ({
          path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
          message: v.message ?? 'is invalid',
        }));
        return reply
          .status(400)
          .send(errorBody('VALIDATION_FAILED', 'Some fields are invalid; see fields.', fields));
      }
      const dbCode = databaseError(error)?.code;
      if (error instanceof DomainError) {
        return reply.status(statusOf[error.code]).send({
          error: { code: error.code, message: error.message, fields: error.fields, ...error.details },
        });
      }
      const refusal = dbCode ? databaseRefusals[dbCode] : undefined;
      if (refusal) return reply.status(statusOf[refusal.code]).send(errorBody(refusal.code, refusal.message));
      // PostgreSQL text cannot hold U+0000 (22P05, 22021): a client error, and nothing was written.
      if (dbCode === '22P05' || dbCode === '22021') {
        return reply
          .status(400)
          .send(errorBody('VALIDATION_FAILED', 'Text may not contain the NUL character (U+0000).'));
      }
      const client = fastifyClientError(error);
      if (client) return reply.status(statusOf[client.code]).send(errorBody(client.code, client.message));
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        return reply
          .status(503)
          .header('retry-after', '5')
          .send(
            errorBody(
              'DATABASE_UNAVAILABLE',
              'The database cannot be reached right now. Nothing was saved; please try again in a moment.',
            ),
          );
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply
        .status(500)
        .send(errorBody('INTERNAL', `Something went wrong on our side (request ${request.id}).`));
    });
  },
  { name: 'error-handler' },
);

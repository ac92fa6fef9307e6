import { databaseError } from '@mini-edc/db';
import {
  codedFieldIssues,
  DomainError,
  type ErrorBody,
  type ErrorCode,
  type FieldError,
  fieldError,
  type MessageParams,
  type ServerMessageCode,
  serverMessageText,
} from '@mini-edc/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db-errors';

const statusOf: Record<ErrorCode, number> = {
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
  BASELINE_OUT_OF_WINDOW: 409,
  NOT_ENROLLED: 409,
  WRONG_ARM_FORM: 409,
  NO_ACTIVE_LIST: 409,
  RANDOMIZATION_LIST_EXHAUSTED: 409,
  STRATUM_NOT_IN_LIST: 409,
  ENROLLMENT_CAP_REACHED: 409,
  DATA_ENTRY_CLOSED: 409,
  AMENDMENT_CONFLICTS_WITH_DATA: 409,
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
const databaseRefusals: Record<string, { code: ErrorCode; message: ServerMessageCode }> = {
  EL001: { code: 'STUDY_LOCKED', message: 'STUDY_LOCKED' },
  EL002: { code: 'DATA_ENTRY_CLOSED', message: 'DATA_ENTRY_CLOSED' },
  // The participant lifecycle (migrations/0019): the service refuses first, the database too.
  EP001: { code: 'CONFLICT', message: 'STATUS_CHANGE_INVALID' },
  EP002: { code: 'CONFLICT', message: 'STATUS_CONTRADICTS_RECORDS' },
  EP003: { code: 'CONFLICT', message: 'RANDOMIZED_KEEPS_ALLOCATION' },
};

/** An error body whose sentence is a message code (the English text rendered from it). */
export function errorBody(
  code: ErrorCode,
  messageCode: ServerMessageCode,
  params: MessageParams = {},
  fields?: FieldError[],
): ErrorBody {
  const error = { code, message: serverMessageText(messageCode, params), messageCode, params };
  return { error: fields ? { ...error, fields } : error };
}

/** The input at a path of the request part (body, querystring, params), or undefined. */
function inputAt(part: unknown, path: readonly string[]): unknown {
  let value = part;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;
  }
  return value;
}

/**
 * Each zod issue of a request contract as field errors with a code and parameters
 * (docs/errors.md, "Field codes"): an absent input is FIELD_REQUIRED, whatever zod calls it.
 */
function contractFieldErrors(
  context: string,
  part: unknown,
  issue: { keyword: string; instancePath: string; params: unknown },
): FieldError[] {
  const at = issue.instancePath.split('/').filter(Boolean);
  const missing = inputAt(part, at) === undefined;
  return codedFieldIssues(issue.keyword, issue.params, missing).map((coded) =>
    fieldError([context, ...at, ...coded.at].join('.'), coded.code, coded.params),
  );
}

function requestPart(request: FastifyRequest, context: string): unknown {
  switch (context) {
    case 'body':
      return request.body;
    case 'querystring':
      return request.query;
    case 'params':
      return request.params;
    case 'headers':
      return request.headers;
    default:
      return undefined;
  }
}

/** Fastify's own client errors (malformed JSON, wrong content type, body too large). */
function fastifyClientError(error: FastifyError): { code: ErrorCode; message: ServerMessageCode } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'PAYLOAD_TOO_LARGE', message: 'BODY_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'VALIDATION_FAILED', message: 'BODY_NOT_JSON' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'VALIDATION_FAILED', message: 'BODY_UNSUPPORTED' };
  }
  if (error.statusCode === 429) return { code: 'RATE_LIMITED', message: 'TOO_MANY_REQUESTS' };
  return null;
}

/** Longest message or field path an error answer carries: input is never echoed unbounded. */
const MAX_TEXT = 300;
const MAX_FIELDS = 50;

function clip(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function bounded(body: ErrorBody): ErrorBody {
  const { fields, ...rest } = body.error;
  const error: ErrorBody['error'] = { ...rest, message: clip(rest.message) };
  if (fields) {
    error.fields = fields
      .slice(0, MAX_FIELDS)
      .map((f) => ({ ...f, path: clip(f.path), message: clip(f.message) }));
  }
  return { error };
}

/**
 * Serialized here rather than by a route's response schema: an answer that cannot be serialized
 * becomes the generic 500 envelope, never Fastify's own error text (docs/security.md).
 */
export function sendError(reply: FastifyReply, status: number, body: ErrorBody) {
  let json: string;
  try {
    json = JSON.stringify(bounded(body));
  } catch {
    json = JSON.stringify(errorBody('INTERNAL', 'INTERNAL', { requestId: reply.request.id }));
    status = 500;
  }
  return reply.status(status).type('application/json; charset=utf-8').send(json);
}

/**
 * The one place errors become HTTP answers: validation failures name each field,
 * domain refusals keep their code, an unreachable database is a 503, everything else is a 500 whose
 * detail stays in the log, never in the response.
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const context = error.validationContext ?? 'body';
        const part = requestPart(request, context);
        const fields = error.validation.flatMap((v) => contractFieldErrors(context, part, v));
        return sendError(reply, 400, errorBody('VALIDATION_FAILED', 'FIELDS_INVALID', {}, fields));
      }
      const dbCode = databaseError(error)?.code;
      if (error instanceof DomainError) {
        return sendError(reply, statusOf[error.code], {
          error: {
            code: error.code,
            message: error.message,
            messageCode: error.messageCode,
            params: error.params,
            fields: error.fields,
            ...error.details,
          },
        });
      }
      const refusal = dbCode ? databaseRefusals[dbCode] : undefined;
      if (refusal) return sendError(reply, statusOf[refusal.code], errorBody(refusal.code, refusal.message));
      // PostgreSQL text cannot hold U+0000 (22P05, 22021): a client error, and nothing was written.
      if (dbCode === '22P05' || dbCode === '22021') {
        return sendError(reply, 400, errorBody('VALIDATION_FAILED', 'TEXT_NUL'));
      }
      const client = fastifyClientError(error);
      if (client) return sendError(reply, statusOf[client.code], errorBody(client.code, client.message));
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', '5');
        return sendError(reply, 503, errorBody('DATABASE_UNAVAILABLE', 'DATABASE_UNAVAILABLE'));
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendError(reply, 500, errorBody('INTERNAL', 'INTERNAL', { requestId: request.id }));
    });
  },
  { name: 'error-handler' },
);

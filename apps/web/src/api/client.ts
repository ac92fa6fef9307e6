import { type ErrorBody, errorBodySchema } from '@mini-edc/domain';
import { type ZodType, z } from 'zod';

/** An API refusal with the server's code, message and field errors, for forms to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody | null;

  constructor(status: number, body: ErrorBody | null) {
    super(body?.error.message ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get code(): string | undefined {
    return this.body?.error.code;
  }
}

/** 401 codes that mean "the session is gone", as opposed to a wrong password at login. */
const sessionEndedCodes = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && sessionEndedCodes.has(error.code ?? '');
}

type SessionEvent = 'session-ended' | 'password-change-required' | 'csrf-failed';
type Listener = (event: SessionEvent) => void;

const listeners = new Set<Listener>();

/** The session provider listens here, so any call anywhere can raise the "sign in again" dialog. */
export function onSessionEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The CSRF token of the current session, kept in memory only (never in storage a script from
 * another origin could read). Set from POST /auth/login and GET /auth/me.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ApiOptions<T> extends Omit<RequestInit, 'body'> {
  /** A value to send as JSON. */
  json?: unknown;
  /** Parse the answer with this contract schema, so a drifting API fails loudly. */
  schema?: ZodType<T>;
  /** Do not announce a 401 to the session provider (used by the session calls themselves). */
  quiet?: boolean;
}

export async function apiFetch<T = void>(path: string, options: ApiOptions<T> = {}): Promise<T> {
  const { json, schema, quiet, headers, ...init } = options;
  const method = (init.method ?? 'GET').toUpperCase();
  if (method === 'GET' && json === undefined) {
    const inlined = takeInlinedAnswer(`/api/v1${path}`);
    if (inlined) return answered(inlined.status, inlined.body, schema, quiet);
  }
  const response = await fetch(`/api/v1${path}`, {
    ...init,
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(safeMethods.has(method) ? {} : { 'x-csrf-token': csrfToken ?? '' }),
      ...headers,
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return answered(response.status, body, schema, quiet);
}

/** A refusal as an ApiError (announced unless quiet), else the body checked by the contract. */
function answered<T>(status: number, body: unknown, schema: ZodType<T> | undefined, quiet?: boolean): T {
  if (status < 200 || status > 299) {
    const parsed = errorBodySchema.safeParse(body);
    const error = new ApiError(status, parsed.success ? parsed.data : null);
    if (!quiet) announce(error);
    throw error;
  }
  if (schema) return schema.parse(body);
  return body as T;
}

/**
 * The answers the server wrote into index.html for the page's first requests
 * (apps/api/src/plugins/inline-answers.ts), each used once, and only on the page as it was opened:
 * app.tsx forgets those left unused at the first navigation, so a later screen asks the server.
 */
let inlinedAnswers: Map<string, unknown> | null = null;

const inlinedAnswerSchema = z.object({ status: z.number().int(), body: z.unknown() });

function takeInlinedAnswer(path: string): { status: number; body: unknown } | null {
  if (inlinedAnswers === null) {
    inlinedAnswers = new Map();
    const block = document.getElementById('edc-answers');
    try {
      const answers: unknown = JSON.parse(block?.textContent || '{}');
      if (typeof answers === 'object' && answers !== null) {
        for (const [key, body] of Object.entries(answers)) inlinedAnswers.set(key, body);
      }
    } catch {
      // A block that does not parse is not used: the app asks the server.
    }
    block?.remove();
  }
  const answer = inlinedAnswerSchema.safeParse(inlinedAnswers.get(path));
  inlinedAnswers.delete(path);
  return answer.success ? { status: answer.data.status, body: answer.data.body } : null;
}

export function forgetInlinedAnswers(): void {
  inlinedAnswers = new Map();
  document.getElementById('edc-answers')?.remove();
}

function announce(error: ApiError): void {
  let event: SessionEvent | null = null;
  if (isSessionEnded(error)) event = 'session-ended';
  else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    event = 'password-change-required';
  } else if (error.status === 403 && error.code === 'CSRF_FAILED') {
    // Usually a sign-in in another tab replaced the session (and its token) under this one.
    event = 'csrf-failed';
  }
  if (event) for (const listener of listeners) listener(event);
}

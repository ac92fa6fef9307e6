import { type ComponentProps, type FormEvent, type RefObject, useId, useRef, useState } from 'react';
import { FormAlert } from '../components/form-alert';
import type { SignInText } from '../i18n/sign-in.en';

/**
 * Email + password → POST /auth/login: the one sign-in form, on the sign-in page (which loads
 * before the rest of the app, so it uses neither i18next nor react-hook-form nor zod) and in the
 * app's session-ended dialog. The input is checked by the server against the contract
 * (loginRequestSchema); its field refusals are shown beside the fields, translated.
 */

type ErrorKey = keyof SignInText['errors'];
type FieldKey = keyof SignInText['signInFields'];
export type SignInKey =
  | 'login.email'
  | 'login.password'
  | 'login.submit'
  | 'login.submitting'
  | `errors.${ErrorKey}`
  | `signInFields.${FieldKey}`;

export interface SignInFormProps {
  t: (key: SignInKey) => string;
  defaultEmail?: string;
  /** In the session dialog the email is known: start in the password field. */
  focusPassword?: boolean;
  /** The session the server answered (SessionInfo), for the caller to check and keep. */
  onSignedIn: (session: unknown) => void;
}

type FieldName = 'email' | 'password';
type FieldErrors = Partial<Record<FieldName, string>>;

interface Refusal {
  status: number;
  code: string | null;
  fields: { path: string; code: string | null }[];
}

const knownCodes = new Set<string>([
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'VALIDATION_FAILED',
  'CSRF_FAILED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
]);
const fieldKeys: readonly FieldKey[] = ['FIELD_REQUIRED', 'INVALID_FORMAT', 'TOO_LONG'];
/** The field code worded by this form, or "refused": never the server's sentence. */
const fieldKey = (code: string | null): FieldKey => fieldKeys.find((k) => k === code) ?? 'refused';
const isErrorKey = (code: string | null): code is ErrorKey => code !== null && knownCodes.has(code);

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** The error envelope (docs/errors.md), read without a schema library. */
function refusalOf(status: number, body: unknown): Refusal {
  const error = record(record(body)?.error);
  const fields = Array.isArray(error?.fields) ? error.fields : [];
  return {
    status,
    code: typeof error?.code === 'string' ? error.code : null,
    fields: fields.flatMap((f) => {
      const field = record(f);
      return typeof field?.path === 'string'
        ? [{ path: field.path, code: typeof field.code === 'string' ? field.code : null }]
        : [];
    }),
  };
}

async function postLogin(email: string, password: string): Promise<{ session: unknown } | Refusal | null> {
  try {
    const response = await fetch('/api/v1/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        // Before a session exists the API expects this fixed value (a header a cross-site form cannot set).
        'x-csrf-token': 'login',
      },
      body: JSON.stringify({ email, password }),
    });
    const body: unknown = await response.json().catch(() => null);
    return response.ok ? { session: body } : refusalOf(response.status, body);
  } catch {
    return null;
  }
}

export function SignInForm({ t, defaultEmail = '', focusPassword = false, onSignedIn }: SignInFormProps) {
  const [general, setGeneral] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = emailRef.current?.value ?? '';
    const password = passwordRef.current?.value ?? '';
    setGeneral(null);
    setErrors({});
    setSubmitting(true);
    const result = await postLogin(email, password);
    setSubmitting(false);
    if (result && 'session' in result) {
      onSignedIn(result.session);
      return;
    }
    if (passwordRef.current) passwordRef.current.value = '';
    const fieldErrors: FieldErrors = {};
    for (const field of result?.fields ?? []) {
      const name = field.path.replace(/^body\./, '');
      if ((name === 'email' || name === 'password') && !fieldErrors[name]) {
        fieldErrors[name] = t(`signInFields.${fieldKey(field.code)}`);
      }
    }
    setErrors(fieldErrors);
    const code = result?.code ?? null;
    setGeneral(
      !result
        ? t('errors.network')
        : isErrorKey(code)
          ? t(`errors.${code}`)
          : result.status >= 500
            ? t('errors.INTERNAL')
            : t('errors.unknown'),
    );
    (fieldErrors.email ? emailRef : passwordRef).current?.focus();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stack">
      <FormAlert message={general} />
      <Field
        label={t('login.email')}
        error={errors.email}
        inputRef={emailRef}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        defaultValue={defaultEmail}
      />
      <Field
        label={t('login.password')}
        error={errors.password}
        inputRef={passwordRef}
        type="password"
        name="password"
        autoComplete="current-password"
        data-autofocus={focusPassword ? true : undefined}
      />
      <div className="actions">
        <button type="submit" className="button primary" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </div>
    </form>
  );
}

interface FieldProps extends ComponentProps<'input'> {
  label: string;
  error: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  'data-autofocus'?: boolean | undefined;
}

/** The markup of components/field.tsx TextField (label, aria-invalid, aria-describedby, error). */
function Field({ label, error, inputRef, ...input }: FieldProps) {
  const inputId = useId();
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        ref={inputRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        {...input}
      />
      {error ? (
        <p id={errorId} className="field-error">
          <span aria-hidden="true" className="field-error-icon">
            ⚠
          </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

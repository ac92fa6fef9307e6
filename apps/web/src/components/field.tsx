import { type ComponentProps, type ReactNode, useId } from 'react';

export interface FieldErrorLike {
  message?: string | undefined;
}

interface FieldIds {
  inputId: string;
  hintId: string | undefined;
  errorId: string | undefined;
  describedBy: string | undefined;
}

function useFieldIds(id: string | undefined, hint: ReactNode, error: FieldErrorLike | undefined): FieldIds {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error?.message ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { inputId, hintId, errorId, describedBy };
}

/**
 * The error under a control, with the id the control points at. The message is already worded in
 * the interface language (lib/coded-resolver.ts, i18n/field-codes.ts): shown as given.
 */
export function FieldMessage({ id, error }: { id: string | undefined; error: FieldErrorLike | undefined }) {
  if (!id || !error?.message) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true" className="field-error-icon">
        ⚠
      </span>
      {error.message}
    </p>
  );
}

interface CommonProps {
  label: string;
  hint?: ReactNode;
  error?: FieldErrorLike | undefined;
  /** Rendered beside the control, e.g. a "Generate" button. */
  addon?: ReactNode;
  /** Keeps the label for assistive technology only (e.g. inline table edits). */
  hideLabel?: boolean;
}

/** Label, input, hint and error wired together (htmlFor, aria-describedby, aria-invalid). */
export function TextField({
  label,
  hint,
  error,
  addon,
  hideLabel,
  id,
  ...input
}: CommonProps & ComponentProps<'input'>) {
  const ids = useFieldIds(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={ids.inputId} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <div className={addon ? 'field-row' : undefined}>
        <input
          id={ids.inputId}
          aria-invalid={error?.message ? true : undefined}
          aria-describedby={ids.describedBy}
          {...input}
        />
        {addon}
      </div>
      <FieldMessage id={ids.errorId} error={error} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  children,
  ...select
}: CommonProps & ComponentProps<'select'>) {
  const ids = useFieldIds(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={ids.inputId}>{label}</label>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <select
        id={ids.inputId}
        aria-invalid={error?.message ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {children}
      </select>
      <FieldMessage id={ids.errorId} error={error} />
    </div>
  );
}

export function TextAreaField({ label, hint, error, id, ...area }: CommonProps & ComponentProps<'textarea'>) {
  const ids = useFieldIds(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={ids.inputId}>{label}</label>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={ids.inputId}
        aria-invalid={error?.message ? true : undefined}
        aria-describedby={ids.describedBy}
        {...area}
      />
      <FieldMessage id={ids.errorId} error={error} />
    </div>
  );
}

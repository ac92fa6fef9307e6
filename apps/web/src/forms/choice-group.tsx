import { type ReactNode, useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { type FieldErrorLike, FieldMessage } from '../components/field';

interface ChoiceOption {
  value: string;
  label: string;
}

interface ChoiceGroupProps {
  legend: string;
  options: ChoiceOption[];
  /** Radios (one answer) or checkboxes (several). */
  kind: 'radio' | 'checkbox';
  registration: UseFormRegisterReturn;
  error?: FieldErrorLike | undefined;
  hint?: ReactNode;
  /** Drawn as a compact row (scales such as ODI 0–5, yes/no). */
  inline?: boolean;
  /** Rendered after the options, e.g. a "clear" button. */
  after?: ReactNode;
  disabled?: boolean;
  className?: string;
}

/**
 * A radio or checkbox group in a fieldset with its legend (WCAG 1.3.1); the hint and the error
 * are linked to the group and each control is marked invalid with it.
 */
export function ChoiceGroup({
  legend,
  options,
  kind,
  registration,
  error,
  hint,
  inline,
  after,
  disabled,
  className,
}: ChoiceGroupProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error?.message ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={['choice-group', className].filter(Boolean).join(' ')}
      aria-describedby={describedBy}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <div className={inline ? 'choice-options inline' : 'choice-options'}>
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type={kind}
              value={option.value}
              aria-invalid={error?.message ? true : undefined}
              {...registration}
            />
            <span>{option.label}</span>
          </label>
        ))}
        {after}
      </div>
      <FieldMessage id={errorId} error={error} />
    </fieldset>
  );
}

import type { ReceivedFieldError } from '@mini-edc/domain';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError, isSessionEnded } from '../api/client';
import { i18n } from '../i18n';
import { codedFieldText } from '../i18n/field-codes';
import { describeError } from '../i18n/messages';
import { fieldForPath } from './field-path';

/**
 * Puts each field error of an API refusal beside its field (react-hook-form setError) and returns
 * the general message for the form's alert region. A session that ended returns null: the
 * session dialog explains it and the form keeps its values for a resend.
 */
export function applyApiError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly FieldPath<T>[],
  /** Words the screen's own field codes (e.g. a study form's issues); null leaves it to the catalogue. */
  fieldText: (field: ReceivedFieldError) => string | null = () => null,
): string | null {
  if (isSessionEnded(error)) return null;
  const leftOver: string[] = [];
  let marked = 0;
  if (error instanceof ApiError) {
    for (const field of error.body?.error.fields ?? []) {
      const name = fieldForPath(field.path, fields);
      if (name) {
        const message = fieldText(field) ?? codedFieldText(field, i18n.t);
        setError(name, { type: 'server', message }, { shouldFocus: marked === 0 });
        marked++;
      } else {
        leftOver.push(fieldText(field) ?? codedFieldText(field, i18n.t));
      }
    }
  }
  // A plain validation refusal whose fields are all marked needs only a pointer to them.
  const general =
    error instanceof ApiError && error.code === 'VALIDATION_FAILED' && marked > 0 && leftOver.length === 0
      ? i18n.t('errors.VALIDATION_FAILED')
      : describeError(error);
  return [general, ...leftOver].join(' ');
}

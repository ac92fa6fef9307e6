import { zodResolver } from '@hookform/resolvers/zod';
import {
  type FormDefinition,
  type FormField,
  formDataSchema,
  type RecordMode,
  saveFormRequestSchema,
} from '@mini-edc/domain';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { i18n } from '../i18n';
import { fromFormValues, type RawData } from './form-values';
import { localized } from './study';

export interface StudyFormValues {
  data: RawData;
  reason: string;
}

/** The reason rule of the save contract (design invariant 3), reused as is. */
const reasonSchema = saveFormRequestSchema.shape.reason.unwrap();

/**
 * The form's schema: the study definition's own `formDataSchema` (the API validates with the
 * very same function), fed with the inputs converted to typed values.
 */
export function studyFormSchema(form: FormDefinition, mode: RecordMode, reasonRequired: boolean) {
  return z.object({
    data: z.preprocess((raw) => fromFormValues(form, raw, {}, i18n.language), formDataSchema(form, mode)),
    reason: reasonRequired ? reasonSchema : z.string().optional(),
  });
}

const REQUIRED_SUFFIX = 'is required to complete the form';

/** The domain's English sentence for an issue, re-worded in the interface language. */
function localizedMessage(field: FormField, error: FieldError): string | undefined {
  const label = localized(field.label, i18n.language);
  const t = i18n.t.bind(i18n);
  switch (error.type) {
    case 'too_small':
      return t('participants.formErrors.min', { label, min: field.min ?? 0 });
    case 'too_big':
      return t('participants.formErrors.max', { label, max: field.max ?? 0 });
    case 'invalid_type':
    case 'invalid_format':
      if (field.type === 'integer') return t('participants.formErrors.integer', { label });
      if (field.type === 'decimal') return t('participants.formErrors.number', { label });
      if (field.type === 'date') return t('participants.formErrors.date', { label });
      if (field.type === 'datetime') return t('participants.formErrors.datetime', { label });
      return error.message;
    case 'invalid_value':
      return t('participants.formErrors.choose', { label });
    default:
      if (error.message?.endsWith(REQUIRED_SUFFIX)) return t('participants.formErrors.required', { label });
      return error.message;
  }
}

/**
 * zodResolver over `studyFormSchema`, with the mode (draft or complete) read at validation time,
 * and each field's message given in the user's language.
 */
export function studyFormResolver(
  form: FormDefinition,
  mode: () => RecordMode,
  reasonRequired: () => boolean,
): Resolver<StudyFormValues> {
  return async (values, context, options) => {
    const schema = studyFormSchema(form, mode(), reasonRequired());
    const resolve = zodResolver(schema) as unknown as Resolver<StudyFormValues>;
    const result = await resolve(values, context, options);
    const dataErrors = (result.errors as FieldErrors<StudyFormValues>).data as
      | Record<string, FieldError | undefined>
      | undefined;
    if (dataErrors) {
      for (const field of form.fields) {
        const error = dataErrors[field.name];
        if (error) error.message = localizedMessage(field, error) ?? error.message ?? '';
      }
    }
    return result;
  };
}

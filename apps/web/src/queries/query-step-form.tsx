import { closeQueryRequestSchema, type DataQuery, queryMessageRequestSchema } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { type QueryStep, useQueryStep } from './queries-api';

interface FormValues {
  message?: string | undefined;
}

/** One step on a query (answer, close, reopen) with its message; the close message is optional. */
export function QueryStepForm({
  query,
  step,
  onDone,
}: {
  query: DataQuery;
  step: QueryStep;
  onDone: (step: QueryStep) => void;
}) {
  const { t } = useTranslation();
  const mutation = useQueryStep();
  const [alert, setAlert] = useState<string | null>(null);
  const schema = step === 'close' ? closeQueryRequestSchema : queryMessageRequestSchema;
  const form = useForm<FormValues>({
    resolver: codedResolver(schema),
    defaultValues: { message: '' },
  });
  const { register, handleSubmit, reset, setError, formState } = form;

  const submit = handleSubmit(async (values) => {
    setAlert(null);
    try {
      await mutation.mutateAsync({ id: query.id, step, message: values.message?.trim() || undefined });
      reset({ message: '' });
      onDone(step);
    } catch (error) {
      setAlert(applyApiError(error, setError, ['message']));
    }
  });

  return (
    <form className="inline-form query-step" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert message={alert} />
      <TextAreaField
        label={t(`monitor.queries.${step}Label`)}
        hint={step === 'close' ? t('monitor.queries.closeHint') : undefined}
        rows={2}
        error={formState.errors.message}
        {...register('message')}
      />
      <div className="actions">
        <button
          type="submit"
          className={step === 'answer' ? 'button primary' : 'button'}
          disabled={formState.isSubmitting}
        >
          {t(`monitor.queries.${step}`)}
        </button>
      </div>
    </form>
  );
}

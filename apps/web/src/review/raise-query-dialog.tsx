import { type CreateQueryRequest, createQueryRequestSchema, type DataQuery } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useCreateQuery } from './review-api';
import { fieldLabel, formFields, formLabel, visitLabel } from './study-labels';

interface RaiseQueryDialogProps {
  record: { recordId: string; formCode: string; visitCode: string; seq: number };
  studyId: string;
  onClose: () => void;
  onRaised: (query: DataQuery) => void;
}

/** Opens a query on one field of a record: the fields come from the study definition's form. */
export function RaiseQueryDialog({ record, studyId, onClose, onRaised }: RaiseQueryDialogProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateQuery();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<CreateQueryRequest>({
    resolver: codedResolver(createQueryRequestSchema),
    defaultValues: { recordId: record.recordId, field: '', message: '' },
  });
  const { register, handleSubmit, setError, formState } = form;
  const language = i18n.language;
  const fields = formFields(record.formCode);

  const submit = handleSubmit(async (values) => {
    setAlert(null);
    try {
      onRaised(await create.mutateAsync(values));
    } catch (error) {
      setAlert(applyApiError(error, setError, ['field', 'message']));
    }
  });

  return (
    <Modal
      title={t('monitor.review.raiseTitle', {
        studyId,
        form: formLabel(record.formCode, language),
        visit: visitLabel(record.visitCode, language),
      })}
      onClose={onClose}
    >
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert message={alert} />
        <SelectField
          label={t('monitor.review.field')}
          error={formState.errors.field}
          data-autofocus
          {...register('field')}
        >
          <option value="">{t('monitor.review.chooseField')}</option>
          {fields.map((f) => (
            <option key={f.name} value={f.name}>
              {fieldLabel(record.formCode, f.name, language)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('monitor.review.message')}
          hint={t('monitor.review.messageHint')}
          rows={4}
          error={formState.errors.message}
          {...register('message')}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('common.saving') : t('monitor.review.raiseSubmit')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { sdvUndoRequestSchema } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../components/dialog-actions';
import { TextAreaField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useUndoSdv } from '../review/review-api';
import { participantErrorText } from './api-errors';

/** Undoes a source verification made in error; the reason goes into the audit trail. */
export function UndoSdvDialog({
  recordId,
  onClose,
  onDone,
}: {
  recordId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const undo = useUndoSdv();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(sdvUndoRequestSchema),
    defaultValues: { recordId, reason: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setGeneral(null);
    try {
      await undo.mutateAsync(body);
      onDone();
    } catch (error) {
      setGeneral(participantErrorText(error, applyApiError(error, form.setError, ['reason'])));
    }
  });

  return (
    <Modal title={t('participants.formReview.undoTitle')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormAlert message={general} />
        <TextAreaField
          label={t('participants.formReview.undoReason')}
          rows={2}
          data-autofocus
          error={errors.reason}
          {...form.register('reason')}
        />
        <DialogActions
          submitLabel={t('participants.formReview.undo')}
          tone="danger"
          submitting={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}

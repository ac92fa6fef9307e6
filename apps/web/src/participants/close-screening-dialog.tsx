import { closeScreeningRequestSchema } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../components/dialog-actions';
import { TextAreaField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { participantErrorText } from './api-errors';
import { useCloseScreening } from './participants-api';

/**
 * Closes an abandoned screening with a reason (docs/requirements.md R-ELIG-4): the server moves
 * the participant to "screening closed", audits the reason, and CONSORT counts it apart.
 */
export function CloseScreeningDialog({
  participantId,
  onClose,
  onDone,
}: {
  participantId: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const close = useCloseScreening();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(closeScreeningRequestSchema),
    defaultValues: { reason: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setGeneral(null);
    try {
      await close.mutateAsync({ id: participantId, body });
      onDone(t('participants.closeScreening.closed'));
    } catch (error) {
      setGeneral(participantErrorText(error, applyApiError(error, form.setError, ['reason'])));
    }
  });

  return (
    <Modal title={t('participants.closeScreening.title')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <p className="muted">{t('participants.closeScreening.hint')}</p>
        <FormAlert message={general} />
        <TextAreaField
          label={t('participants.closeScreening.reason')}
          hint={t('participants.closeScreening.reasonHint')}
          rows={2}
          data-autofocus
          error={errors.reason}
          {...form.register('reason')}
        />
        <DialogActions
          submitLabel={t('participants.closeScreening.submit')}
          tone="danger"
          submitting={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}

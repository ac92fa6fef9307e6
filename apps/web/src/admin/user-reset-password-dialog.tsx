import { type AdminUser, PASSWORD_MIN_LENGTH, resetPasswordRequestSchema } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useResetPassword } from './admin-api';
import { generateTemporaryPassword } from './temporary-password';

interface UserResetPasswordDialogProps {
  user: AdminUser;
  onDone: () => void;
  onClose: () => void;
}

/** Sets a temporary password; the user must replace it at the next sign-in. */
export function UserResetPasswordDialog({ user, onDone, onClose }: UserResetPasswordDialogProps) {
  const { t } = useTranslation();
  const resetPassword = useResetPassword();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(resetPasswordRequestSchema),
    defaultValues: { temporaryPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setGeneral(null);
    try {
      await resetPassword.mutateAsync({ id: user.id, body });
      onDone();
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['temporaryPassword']));
    }
  });

  return (
    <Modal title={t('admin.users.resetTitle', { name: user.displayName })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <p>{t('admin.users.resetIntro')}</p>
        <FormAlert message={general} />
        <TextField
          label={t('admin.users.temporaryPassword')}
          hint={t('admin.users.temporaryPasswordHint', { min: PASSWORD_MIN_LENGTH })}
          type="text"
          autoComplete="off"
          spellCheck={false}
          className="mono"
          error={errors.temporaryPassword}
          {...form.register('temporaryPassword')}
          addon={
            <button
              type="button"
              className="button"
              onClick={() =>
                form.setValue('temporaryPassword', generateTemporaryPassword(), { shouldValidate: true })
              }
            >
              {t('admin.users.generate')}
            </button>
          }
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {t('admin.users.resetPassword')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

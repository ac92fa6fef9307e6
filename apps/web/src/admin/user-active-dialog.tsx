import { type AdminUser, updateUserRequestSchema } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useUpdateUser } from './admin-api';

interface UserActiveDialogProps {
  user: AdminUser;
  onDone: (user: AdminUser) => void;
  onClose: () => void;
}

/** Deactivate or reactivate an account (accounts are never deleted), with a reason. */
export function UserActiveDialog({ user, onDone, onClose }: UserActiveDialogProps) {
  const { t } = useTranslation();
  const updateUser = useUpdateUser();
  const [general, setGeneral] = useState<string | null>(null);
  const deactivating = user.active;
  const form = useForm({
    resolver: codedResolver(updateUserRequestSchema),
    defaultValues: { active: !user.active, reason: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    setGeneral(null);
    try {
      onDone(await updateUser.mutateAsync({ id: user.id, body: { active: !user.active, reason } }));
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['reason']));
    }
  });

  const name = user.displayName;
  return (
    <Modal
      title={
        deactivating ? t('admin.users.deactivateTitle', { name }) : t('admin.users.reactivateTitle', { name })
      }
      onClose={onClose}
    >
      <form onSubmit={onSubmit} noValidate className="stack">
        <p>{deactivating ? t('admin.users.deactivateIntro') : t('admin.users.reactivateIntro')}</p>
        <FormAlert message={general} />
        <TextAreaField
          label={t('admin.reason')}
          hint={t('admin.reasonHint')}
          rows={2}
          error={errors.reason}
          {...form.register('reason')}
        />
        <div className="actions">
          <button
            type="submit"
            className={deactivating ? 'button danger' : 'button primary'}
            disabled={isSubmitting}
          >
            {deactivating ? t('admin.users.deactivate') : t('admin.users.reactivate')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { type LifecycleAction, lifecycleRequirements } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { applyApiError } from '../lib/apply-api-error';
import { useLifecycleAction } from './closeout-api';

interface Values {
  reason: string;
  password: string;
}

/**
 * Confirms one lifecycle step, asking what the shared rule (lifecycleRequirements) asks: a reason,
 * an override reason while pre-lock checks are open, the password to unlock.
 */
export function LifecycleActionDialog({
  action,
  openItems,
  onClose,
  onDone,
}: {
  action: LifecycleAction;
  openItems: number;
  onClose: () => void;
  onDone: (action: LifecycleAction) => void;
}) {
  const { t } = useTranslation();
  const mutation = useLifecycleAction();
  const needs = lifecycleRequirements(action, openItems);
  const form = useForm<Values>({ defaultValues: { reason: '', password: '' } });
  const [general, setGeneral] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const override = action === 'lock' && openItems > 0;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    const reason = values.reason.trim();
    try {
      await mutation.mutateAsync({
        action,
        body: {
          ...(reason ? { reason } : {}),
          ...(needs.password ? { password: values.password } : {}),
        },
      });
      onDone(action);
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['reason', 'password']));
    }
  });

  return (
    <Modal title={t(`closeout.actions.${action}`)} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormAlert message={general} />
        {override ? <p className="panel notice">{t('closeout.overrideHint', { count: openItems })}</p> : null}
        <TextAreaField
          label={override ? t('closeout.overrideReason') : t('closeout.reason')}
          hint={t('closeout.reasonHint')}
          rows={3}
          required={needs.reason === 'required'}
          data-autofocus
          error={errors.reason}
          {...form.register('reason')}
        />
        {needs.password ? (
          <TextField
            label={t('closeout.password')}
            hint={t('closeout.passwordHint')}
            type="password"
            autoComplete="current-password"
            error={errors.password}
            {...form.register('password')}
          />
        ) : null}
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('closeout.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

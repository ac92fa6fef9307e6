import {
  type EmergencyUnblinding,
  emergencyUnblindingRoles,
  emergencyUnblindingSchema,
} from '@mini-edc/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client';
import { useSession } from '../auth/session-context';
import { useStudyStatus } from '../closeout/closeout-api';
import { TextAreaField, TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { applyApiError } from '../lib/apply-api-error';
import { reviewKeys } from '../review/review-api';
import { ArmLabel } from './arm-label';

interface Values {
  reason: string;
  password: string;
}

/**
 * Emergency unblinding of one participant (R-BLIND-4): offered to the roles the API lets
 * (emergencyUnblindingRoles) while the study is not locked; asks for a reason and the password
 * again, and shows the arm the server returns. The assessor stays blinded.
 */
export function EmergencyUnblindingButton({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const status = useStudyStatus();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<EmergencyUnblinding | null>(null);
  const state = status.data?.state;
  const allowed = user !== null && user !== undefined && emergencyUnblindingRoles.includes(user.role);
  // After lock the way to the arm is the study-wide release; the API answers 423 STUDY_LOCKED.
  if (!allowed || (state !== 'open' && state !== 'entry_closed')) return null;
  return (
    <div className="stack">
      <div className="actions">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('participants.unblinding.button')}
        </button>
      </div>
      {result ? (
        <div role="status" className="alert alert-ok" data-testid="unblinding-result">
          {t('participants.unblinding.done')} <ArmLabel code={result.arm} />
        </div>
      ) : null}
      {open ? (
        <UnblindingDialog
          participantId={participantId}
          onClose={() => setOpen(false)}
          onDone={(r) => {
            setOpen(false);
            setResult(r);
          }}
        />
      ) : null}
    </div>
  );
}

function UnblindingDialog({
  participantId,
  onClose,
  onDone,
}: {
  participantId: string;
  onClose: () => void;
  onDone: (result: EmergencyUnblinding) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: Values) =>
      apiFetch(`/participants/${participantId}/emergency-unblinding`, {
        method: 'POST',
        json: body,
        schema: emergencyUnblindingSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
  const form = useForm<Values>({ defaultValues: { reason: '', password: '' } });
  const [general, setGeneral] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      onDone(await mutation.mutateAsync({ reason: values.reason.trim(), password: values.password }));
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['reason', 'password']));
    }
  });

  return (
    <Modal title={t('participants.unblinding.title')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormAlert message={general} />
        <p className="panel notice">{t('participants.unblinding.warning')}</p>
        <TextAreaField
          label={t('participants.unblinding.reason')}
          hint={t('participants.unblinding.reasonHint')}
          rows={3}
          required
          data-autofocus
          error={errors.reason}
          {...form.register('reason')}
        />
        <TextField
          label={t('participants.unblinding.password')}
          type="password"
          autoComplete="current-password"
          error={errors.password}
          {...form.register('password')}
        />
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('participants.unblinding.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

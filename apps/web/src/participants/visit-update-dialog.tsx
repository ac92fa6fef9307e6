import { isWithinWindow, updateVisitRequestSchema, type VisitRecord } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../components/dialog-actions';
import { TextAreaField, TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { todayIso } from '../forms/study';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { participantErrorText } from './api-errors';
import { useUpdateVisit } from './participants-api';
import { useDates } from './use-dates';

const [doneSchema, missedSchema] = updateVisitRequestSchema.options;

interface Props {
  participantId: string;
  visit: VisitRecord;
  title: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Marks a visit done on a date; a date outside the window needs a reason (protocol §5.1). */
export function VisitDoneDialog({ participantId, visit, title, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const dates = useDates();
  const update = useUpdateVisit();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(doneSchema),
    defaultValues: {
      status: 'done' as const,
      visitDate: todayIso(),
      outOfWindowReason: undefined as string | undefined,
      expectedVersion: visit.version,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const date = useWatch({ control: form.control, name: 'visitDate' });
  const outside = /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') && !isWithinWindow(visit, date);

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      await update.mutateAsync({
        id: participantId,
        visitCode: visit.visitCode,
        body: { ...values, outOfWindowReason: values.outOfWindowReason || undefined },
      });
      onDone(t('participants.visits.markedDone', { visit: title }));
    } catch (error) {
      setGeneral(
        participantErrorText(error, applyApiError(error, form.setError, ['visitDate', 'outOfWindowReason'])),
      );
    }
  });

  return (
    <Modal title={t('participants.visits.doneTitle', { visit: title })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <p className="muted">
          {t('participants.visits.windowIs', { window: dates.range(visit.windowStart, visit.windowEnd) })}
        </p>
        <FormAlert message={general} />
        <TextField
          label={t('participants.visits.visitDate')}
          type="date"
          max={todayIso()}
          data-autofocus
          error={errors.visitDate}
          {...form.register('visitDate')}
        />
        {outside ? <p className="notice">{t('participants.visits.outsideWindow')}</p> : null}
        <TextAreaField
          label={t('participants.visits.outOfWindowReason')}
          hint={t('participants.visits.outOfWindowHint')}
          rows={2}
          error={errors.outOfWindowReason}
          {...form.register('outOfWindowReason', { setValueAs: (v: string) => (v?.trim() ? v : undefined) })}
        />
        <DialogActions
          submitLabel={t('participants.visits.markDone')}
          tone="primary"
          submitting={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}

/** Marks a visit missed, with the reason. */
export function VisitMissedDialog({ participantId, visit, title, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const update = useUpdateVisit();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(missedSchema),
    defaultValues: { status: 'missed' as const, missedReason: '', expectedVersion: visit.version },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      await update.mutateAsync({ id: participantId, visitCode: visit.visitCode, body: values });
      onDone(t('participants.visits.markedMissed', { visit: title }));
    } catch (error) {
      setGeneral(participantErrorText(error, applyApiError(error, form.setError, ['missedReason'])));
    }
  });

  return (
    <Modal title={t('participants.visits.missedTitle', { visit: title })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormAlert message={general} />
        <TextAreaField
          label={t('participants.visits.missedReason')}
          rows={2}
          data-autofocus
          error={errors.missedReason}
          {...form.register('missedReason')}
        />
        <DialogActions
          submitLabel={t('participants.visits.markMissed')}
          tone="danger"
          submitting={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}

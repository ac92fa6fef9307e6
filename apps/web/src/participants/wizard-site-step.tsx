import { createParticipantRequestSchema } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session-context';
import { SelectField, TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { todayIso } from '../forms/study';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useCreateParticipant } from './participants-api';

/** Step 1: the site (when the user has several) and the screening date → a new study id. */
export function WizardSiteStep() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const create = useCreateParticipant();
  const [general, setGeneral] = useState<string | null>(null);
  const sites = user?.sites ?? [];
  const form = useForm({
    resolver: codedResolver(createParticipantRequestSchema),
    defaultValues: { siteId: sites.length === 1 ? (sites[0]?.id ?? '') : '', screenedAt: todayIso() },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      const created = await create.mutateAsync(values);
      await navigate(`/participants/${created.id}/screening`, { replace: true });
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['siteId', 'screenedAt']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack wizard-form">
      <p className="muted">{t('participants.wizard.siteIntro')}</p>
      <FormAlert message={general} />
      <div className="grid-2">
        {sites.length > 1 ? (
          <SelectField label={t('participants.site')} error={errors.siteId} {...form.register('siteId')}>
            <option value="">{t('participants.form.choose')}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} · {s.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <div className="field">
            <span className="field-label">{t('participants.site')}</span>
            <span className="static-value">
              {sites[0] ? `${sites[0].code} · ${sites[0].name}` : t('common.none')}
            </span>
          </div>
        )}
        <TextField
          label={t('participants.wizard.screeningDate')}
          type="date"
          max={todayIso()}
          error={errors.screenedAt}
          {...form.register('screenedAt')}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('participants.wizard.startScreening')}
        </button>
      </div>
    </form>
  );
}

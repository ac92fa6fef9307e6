import { createSiteRequestSchema, type Site } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useCreateSite } from './admin-api';

export function SiteCreateForm({ onCreated }: { onCreated: (site: Site) => void }) {
  const { t } = useTranslation();
  const createSite = useCreateSite();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(createSiteRequestSchema),
    defaultValues: { code: '', name: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      const site = await createSite.mutateAsync(values);
      form.reset();
      onCreated(site);
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['code', 'name']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="add-site-title">
      <h2 id="add-site-title">{t('admin.sites.addTitle')}</h2>
      <FormAlert message={general} />
      <div className="grid-site">
        <TextField
          label={t('admin.sites.code')}
          hint={t('admin.sites.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={3}
          className="mono"
          error={errors.code}
          {...form.register('code', { setValueAs: (v: string) => v.toUpperCase() })}
        />
        <TextField
          label={t('admin.sites.name')}
          autoComplete="off"
          error={errors.name}
          {...form.register('name')}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t('admin.sites.adding') : t('admin.sites.add')}
        </button>
      </div>
    </form>
  );
}

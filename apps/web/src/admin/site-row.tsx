import { renameSiteRequestSchema, type Site } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { useFormat } from '../i18n/format';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useRenameSite } from './admin-api';

interface SiteRowProps {
  site: Site;
  onRenamed: (site: Site) => void;
}

/** One site; "Rename" turns the name cell into a small form in place. */
export function SiteRow({ site, onRenamed }: SiteRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  return (
    <tr>
      <th scope="row" data-label={t('admin.sites.code')} className="mono">
        {site.code}
      </th>
      <td data-label={t('admin.sites.name')}>
        {editing ? (
          <RenameForm
            site={site}
            onCancel={() => setEditing(false)}
            onRenamed={(renamed) => {
              setEditing(false);
              onRenamed(renamed);
            }}
          />
        ) : (
          site.name
        )}
      </td>
      <td data-label={t('admin.created')} className="nowrap">
        {format.date(site.createdAt)}
      </td>
      <td data-label={t('admin.actions')}>
        {editing ? null : (
          <button type="button" className="button small" onClick={() => setEditing(true)}>
            {t('admin.sites.rename')}
            <span className="sr-only"> {site.code}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

interface RenameFormProps {
  site: Site;
  onRenamed: (site: Site) => void;
  onCancel: () => void;
}

function RenameForm({ site, onRenamed, onCancel }: RenameFormProps) {
  const { t } = useTranslation();
  const renameSite = useRenameSite();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(renameSiteRequestSchema),
    defaultValues: { name: site.name },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ name }) => {
    setGeneral(null);
    try {
      onRenamed(await renameSite.mutateAsync({ id: site.id, name }));
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['name']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="inline-form">
      <FormAlert message={general} />
      <TextField
        label={t('admin.sites.renameLabel', { code: site.code })}
        hideLabel
        autoComplete="off"
        // Focus moves into the field the user asked to edit.
        autoFocus
        error={errors.name}
        {...form.register('name')}
      />
      <div className="actions">
        <button type="submit" className="button primary small" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

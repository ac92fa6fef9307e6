import { type AdminUser, createUserRequestSchema, PASSWORD_MIN_LENGTH, type Site } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useCreateUser } from './admin-api';
import { RoleSelect } from './role-select';
import { SiteCheckboxes } from './site-checkboxes';
import { generateTemporaryPassword } from './temporary-password';

interface UserCreateFormProps {
  sites: readonly Site[];
  /** With the temporary password as sent: the page keeps it on screen until dismissed. */
  onCreated: (user: AdminUser, temporaryPassword: string) => void;
  onCancel: () => void;
}

const fields = ['email', 'displayName', 'role', 'siteIds', 'temporaryPassword'] as const;

export function UserCreateForm({ sites, onCreated, onCancel }: UserCreateFormProps) {
  const { t } = useTranslation();
  const createUser = useCreateUser();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(createUserRequestSchema),
    defaultValues: {
      email: '',
      displayName: '',
      // Unset until chosen (the select shows "Choose a role…"): a role is never given by default.
      role: undefined,
      siteIds: [],
      temporaryPassword: '',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      onCreated(await createUser.mutateAsync(values), values.temporaryPassword);
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, fields));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('admin.users.createTitle')}</h2>
      <FormAlert message={general} />
      <div className="grid-2">
        <TextField
          label={t('admin.users.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={errors.email}
          {...form.register('email')}
        />
        <TextField
          label={t('admin.users.displayName')}
          autoComplete="off"
          error={errors.displayName}
          {...form.register('displayName')}
        />
      </div>
      <RoleSelect placeholder error={errors.role} {...form.register('role')} />
      <SiteCheckboxes control={form.control} name="siteIds" legend={t('admin.users.sites')} sites={sites} />
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
          {isSubmitting ? t('admin.users.creating') : t('admin.users.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

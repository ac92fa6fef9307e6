import { type AdminUser, type Site, type UpdateUserRequest, updateUserRequestSchema } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useUpdateUser } from './admin-api';
import { RoleSelect } from './role-select';
import { SiteCheckboxes } from './site-checkboxes';

interface UserEditDialogProps {
  user: AdminUser;
  sites: readonly Site[];
  onDone: (user: AdminUser) => void;
  onClose: () => void;
}

const fields = ['displayName', 'role', 'siteIds', 'reason'] as const;

const sameSites = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** Name, role and sites of an account; only what changed is sent, always with a reason. */
export function UserEditDialog({ user, sites, onDone, onClose }: UserEditDialogProps) {
  const { t } = useTranslation();
  const updateUser = useUpdateUser();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(updateUserRequestSchema),
    defaultValues: { displayName: user.displayName, role: user.role, siteIds: user.siteIds, reason: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    const body: UpdateUserRequest = { reason: values.reason };
    if (values.displayName !== undefined && values.displayName !== user.displayName) {
      body.displayName = values.displayName;
    }
    if (values.role !== undefined && values.role !== user.role) body.role = values.role;
    if (values.siteIds !== undefined && !sameSites(values.siteIds, user.siteIds))
      body.siteIds = values.siteIds;
    if (Object.keys(body).length === 1) {
      setGeneral(t('admin.users.nothingChanged'));
      return;
    }
    try {
      onDone(await updateUser.mutateAsync({ id: user.id, body }));
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, fields));
    }
  });

  return (
    <Modal title={t('admin.users.editTitle', { name: user.displayName })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormAlert message={general} />
        <TextField
          label={t('admin.users.displayName')}
          autoComplete="off"
          error={errors.displayName}
          {...form.register('displayName')}
        />
        <RoleSelect error={errors.role} {...form.register('role')} />
        <SiteCheckboxes control={form.control} name="siteIds" legend={t('admin.users.sites')} sites={sites} />
        <TextAreaField
          label={t('admin.reason')}
          hint={t('admin.reasonHint')}
          rows={2}
          error={errors.reason}
          {...form.register('reason')}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

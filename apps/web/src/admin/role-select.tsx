import { roles } from '@mini-edc/domain';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrorLike, SelectField } from '../components/field';

interface RoleSelectProps extends ComponentProps<'select'> {
  error?: FieldErrorLike | undefined;
  /** Offer an empty "Choose a role…" option, so a role is always a deliberate choice. */
  placeholder?: boolean;
}

export function RoleSelect({ error, placeholder = false, ...select }: RoleSelectProps) {
  const { t } = useTranslation();
  // zod's own message for a missing enum value lists the codes; show a sentence instead.
  const shown = error ? { message: t('validation.chooseRole') } : undefined;
  return (
    <SelectField label={t('admin.users.role')} error={shown} {...select}>
      {placeholder ? <option value="">{t('admin.users.chooseRole')}</option> : null}
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </SelectField>
  );
}

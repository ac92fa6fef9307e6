import { changePasswordRequestSchema, PASSWORD_MIN_LENGTH } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { apiFetch } from '../api/client';
import { TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { i18n } from '../i18n';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { useSession } from './session-context';

/**
 * The contract's rules (length, letter, digit, differs from current) plus a typed-twice check
 * that only the screen needs. The mismatch message is written in the interface language when the
 * form is checked; the contract's issues are worded from their field codes (lib/coded-resolver.ts).
 */
const formSchema = z
  .object({ currentPassword: z.string(), newPassword: z.string(), confirmPassword: z.string() })
  .superRefine((values, ctx) => {
    const { confirmPassword, ...request } = values;
    const result = changePasswordRequestSchema.safeParse(request);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // The contract's issue as it is, so the resolver words it from its code.
        ctx.addIssue({ ...issue, path: [...issue.path] });
      }
    }
    if (confirmPassword !== values.newPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['confirmPassword'],
        message: i18n.t('changePassword.mismatch'),
        params: { worded: true },
      });
    }
  });

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, refresh } = useSession();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: codedResolver(formSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setGeneral(null);
    try {
      await apiFetch('/auth/change-password', { method: 'POST', json: { currentPassword, newPassword } });
      await refresh();
      await navigate('/', { replace: true });
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['currentPassword', 'newPassword']));
    }
  });

  return (
    <section className="panel narrow" aria-labelledby="change-password-title">
      <h1 id="change-password-title">{t('changePassword.title')}</h1>
      {user?.mustChangePassword ? <p className="notice">{t('changePassword.forced')}</p> : null}
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormAlert message={general} />
        {/* Lets password managers pair the new password with the account. */}
        <input type="hidden" autoComplete="username" value={user?.email ?? ''} readOnly />
        <TextField
          label={t('changePassword.current')}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
          {...form.register('currentPassword')}
        />
        <TextField
          label={t('changePassword.new')}
          hint={t('changePassword.newHint', { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          error={errors.newPassword}
          {...form.register('newPassword')}
        />
        <TextField
          label={t('changePassword.confirm')}
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword}
          {...form.register('confirmPassword')}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? t('changePassword.submitting') : t('changePassword.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { loginRequestSchema, type SessionInfo, sessionInfoSchema } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client';
import { TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { applyApiError } from '../lib/apply-api-error';

interface LoginFormProps {
  defaultEmail?: string;
  onSignedIn: (info: SessionInfo) => void;
  /** In the session dialog the email is known: start in the password field. */
  focusPassword?: boolean;
}

/** Email + password → POST /auth/login. Used by the sign-in page and the session-ended dialog. */
export function LoginForm({ defaultEmail = '', onSignedIn, focusPassword = false }: LoginFormProps) {
  const { t } = useTranslation();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { email: defaultEmail, password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      const info = await apiFetch('/auth/login', {
        method: 'POST',
        json: values,
        schema: sessionInfoSchema,
        // Before a session exists the API expects this fixed value (a header a cross-site form cannot set).
        headers: { 'x-csrf-token': 'login' },
        quiet: true,
      });
      onSignedIn(info);
    } catch (error) {
      form.resetField('password');
      setGeneral(applyApiError(error, form.setError, ['email', 'password']));
      form.setFocus('password');
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormAlert message={general} />
      <TextField
        label={t('login.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        error={errors.email}
        {...form.register('email')}
      />
      <TextField
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        data-autofocus={focusPassword ? true : undefined}
        error={errors.password}
        {...form.register('password')}
      />
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t('login.submitting') : t('login.submit')}
        </button>
      </div>
    </form>
  );
}

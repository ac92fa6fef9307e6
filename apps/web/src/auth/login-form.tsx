import { type SessionInfo, sessionInfoSchema } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { SignInForm } from './sign-in-form';

interface LoginFormProps {
  defaultEmail?: string;
  onSignedIn: (info: SessionInfo) => void;
  /** In the session dialog the email is known: start in the password field. */
  focusPassword?: boolean;
}

/** The sign-in form inside the app (sign-in route, session-ended dialog), worded by i18next. */
export function LoginForm({ defaultEmail = '', onSignedIn, focusPassword = false }: LoginFormProps) {
  const { t } = useTranslation();
  return (
    <SignInForm
      t={(key) => t(key)}
      defaultEmail={defaultEmail}
      focusPassword={focusPassword}
      onSignedIn={(session) => onSignedIn(sessionInfoSchema.parse(session))}
    />
  );
}

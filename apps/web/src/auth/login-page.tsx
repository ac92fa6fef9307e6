import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { landingPath } from '../navigation';
import { LoginForm } from './login-form';
import { useSession } from './session-context';

interface FromState {
  from?: { pathname?: string; search?: string };
}

/**
 * Where a protected route sent the visitor from, so sign-in returns there; otherwise the landing
 * page of the user's capabilities (the record grid or the participants).
 */
function returnPath(state: unknown, landing: string): string {
  const from = (state as FromState | null)?.from;
  if (!from?.pathname || from.pathname === '/login' || from.pathname === '/') return landing;
  return `${from.pathname}${from.search ?? ''}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { user, signedIn } = useSession();

  if (user) return <Navigate to={returnPath(location.state, landingPath(user))} replace />;

  return (
    <section className="panel narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <LoginForm onSignedIn={signedIn} />
    </section>
  );
}

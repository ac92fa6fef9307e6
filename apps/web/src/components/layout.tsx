import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session-context';
import { navFor } from '../navigation';
import { LanguageSwitch } from './language-switch';
import { UserSummary } from './user-summary';

export function Layout() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  // An account with an administrator-set password may do nothing else until it is changed.
  if (user?.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  const items = user && !user.mustChangePassword ? navFor(user) : [];

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('header.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t('common.appName')}
        </Link>
        {items.length > 0 ? (
          <nav aria-label={t('header.mainNav')} className="main-nav">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{t(item.label)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="header-end">
          <LanguageSwitch />
          {user ? (
            <>
              <UserSummary user={user} />
              <button
                type="button"
                className="button header-button"
                onClick={() => {
                  void signOut().then(() => navigate('/login', { replace: true }));
                }}
              >
                {t('header.signOut')}
              </button>
            </>
          ) : location.pathname !== '/login' ? (
            <Link to="/login" className="button header-button">
              {t('header.signIn')}
            </Link>
          ) : null}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

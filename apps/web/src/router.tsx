import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from './auth/change-password-page';
import { LoginPage } from './auth/login-page';
import { RequireAuth } from './auth/require-auth';
import { Layout } from './components/layout';
import { rolesFor } from './navigation';
import { ComingSoonPage } from './pages/coming-soon-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';

// Admin screens load on demand: most users never open them, so they stay out of the first bundle.
const UsersPage = lazy(() => import('./admin/users-page').then((m) => ({ default: m.UsersPage })));
const SitesPage = lazy(() => import('./admin/sites-page').then((m) => ({ default: m.SitesPage })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingText />}>{children}</Suspense>;
}

function LoadingText() {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { element: <RequireAuth />, children: [{ path: 'change-password', element: <ChangePasswordPage /> }] },
      {
        element: <RequireAuth roles={rolesFor('/participants')} />,
        children: [{ path: 'participants', element: <ComingSoonPage title="nav.participants" /> }],
      },
      {
        element: <RequireAuth roles={rolesFor('/audit')} />,
        children: [{ path: 'audit', element: <ComingSoonPage title="nav.audit" /> }],
      },
      {
        element: <RequireAuth roles={rolesFor('/admin/users')} />,
        children: [
          {
            path: 'admin/users',
            element: (
              <Loading>
                <UsersPage />
              </Loading>
            ),
          },
        ],
      },
      {
        element: <RequireAuth roles={rolesFor('/admin/sites')} />,
        children: [
          {
            path: 'admin/sites',
            element: (
              <Loading>
                <SitesPage />
              </Loading>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

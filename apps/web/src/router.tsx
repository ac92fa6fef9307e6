import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from './auth/login-page';
import { RequireAuth } from './auth/require-auth';
import { Layout } from './components/layout';
import { needsFor } from './navigation';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { monitorRoutes } from './review/monitor-routes';

const ChangePasswordPage = lazy(() =>
  import('./auth/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
// Admin screens load on demand: most users never open them, so they stay out of the first bundle.
const UsersPage = lazy(() => import('./admin/users-page').then((m) => ({ default: m.UsersPage })));
const ExportsPage = lazy(() => import('./exports/exports-page').then((m) => ({ default: m.ExportsPage })));
const AmendmentsPage = lazy(() =>
  import('./admin/amendments-page').then((m) => ({ default: m.AmendmentsPage })),
);
const SitesPage = lazy(() => import('./admin/sites-page').then((m) => ({ default: m.SitesPage })));
const RandomizationListsPage = lazy(() =>
  import('./randomization/randomization-lists-page').then((m) => ({ default: m.RandomizationListsPage })),
);
const CloseoutPage = lazy(() =>
  import('./closeout/closeout-page').then((m) => ({ default: m.CloseoutPage })),
);
// Participant screens are the app's largest part; each loads with its first visit.
const ParticipantsPage = lazy(() =>
  import('./participants/participants-page').then((m) => ({ default: m.ParticipantsPage })),
);
const ScreeningWizard = lazy(() =>
  import('./participants/screening-wizard').then((m) => ({ default: m.ScreeningWizard })),
);
const ParticipantPage = lazy(() =>
  import('./participants/participant-page').then((m) => ({ default: m.ParticipantPage })),
);
const RecordGridPage = lazy(() =>
  import('./grid/record-grid-page').then((m) => ({ default: m.RecordGridPage })),
);
const FormPage = lazy(() => import('./participants/form-page').then((m) => ({ default: m.FormPage })));

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
      {
        element: <RequireAuth study={false} />,
        children: [{ path: 'change-password', element: <Loading>{<ChangePasswordPage />}</Loading> }],
      },
      {
        element: <RequireAuth needs={needsFor('/participants')} />,
        children: [
          { path: 'participants', element: <Loading>{<ParticipantsPage />}</Loading> },
          { path: 'participants/new', element: <Loading>{<ScreeningWizard />}</Loading> },
          { path: 'participants/:id', element: <Loading>{<ParticipantPage />}</Loading> },
          { path: 'participants/:id/screening', element: <Loading>{<ScreeningWizard />}</Loading> },
          {
            path: 'participants/:id/visits/:visitCode/forms/:formCode',
            element: <Loading>{<FormPage />}</Loading>,
          },
        ],
      },
      {
        element: <RequireAuth needs={needsFor('/grid')} />,
        children: [{ path: 'grid', element: <Loading>{<RecordGridPage />}</Loading> }],
      },
      ...monitorRoutes,
      {
        element: <RequireAuth needs={needsFor('/exports')} />,
        children: [{ path: 'exports', element: <Loading>{<ExportsPage />}</Loading> }],
      },
      {
        element: <RequireAuth needs={needsFor('/admin/users')} />,
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
        element: <RequireAuth needs={needsFor('/admin/sites')} />,
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
      {
        element: <RequireAuth needs={needsFor('/admin/randomization-lists')} />,
        children: [
          {
            path: 'admin/randomization-lists',
            element: <Loading>{<RandomizationListsPage />}</Loading>,
          },
        ],
      },
      {
        element: <RequireAuth needs={needsFor('/admin/closeout')} />,
        children: [{ path: 'admin/closeout', element: <Loading>{<CloseoutPage />}</Loading> }],
      },
      {
        element: <RequireAuth needs={needsFor('/admin/definition')} />,
        children: [{ path: 'admin/definition', element: <Loading>{<AmendmentsPage />}</Loading> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

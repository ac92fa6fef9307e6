import { createBrowserRouter } from 'react-router';
import { LoginPage } from './auth/login-page';
import { RequireAuth } from './auth/require-auth';
import { Layout } from './components/layout';
import { withDeskText } from './i18n';
import { type Ahead, Loading, preloads, screen } from './lib/screen';
import { needsFor } from './navigation';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { monitorRoutes } from './review/monitor-routes';

const ChangePasswordPage = screen(
  () => import('./auth/change-password-page'),
  (m) => m.ChangePasswordPage,
);
// Admin screens load on demand: most users never open them, so they stay out of the first bundle.
const UsersPage = screen(
  withDeskText(() => import('./admin/users-page')),
  (m) => m.UsersPage,
);
const ExportsPage = screen(
  withDeskText(() => import('./exports/exports-page')),
  (m) => m.ExportsPage,
);
const AmendmentsPage = screen(
  withDeskText(() => import('./admin/amendments-page')),
  (m) => m.AmendmentsPage,
);
const OdiStatementsPage = screen(
  withDeskText(() => import('./admin/odi-statements-page')),
  (m) => m.OdiStatementsPage,
);
const SitesPage = screen(
  withDeskText(() => import('./admin/sites-page')),
  (m) => m.SitesPage,
);
const RandomizationListsPage = screen(
  () => import('./randomization/randomization-lists-page'),
  (m) => m.RandomizationListsPage,
);
const CloseoutPage = screen(
  withDeskText(() => import('./closeout/closeout-page')),
  (m) => m.CloseoutPage,
);
// Participant screens are the app's largest part; each loads with its first visit.
const ParticipantsPage = screen(
  () => import('./participants/participants-page'),
  (m) => m.ParticipantsPage,
);
const ScreeningWizard = screen(
  () => import('./participants/screening-wizard'),
  (m) => m.ScreeningWizard,
);
const ParticipantPage = screen(
  () => import('./participants/participant-page'),
  (m) => m.ParticipantPage,
);
const RecordGridPage = screen(
  () => import('./grid/record-grid-page'),
  (m) => m.RecordGridPage,
);
const FormPage = screen(
  () => import('./participants/form-page'),
  (m) => m.FormPage,
);

// The data a deep link to a participant screen opens with, fetched beside the screen's chunk.
const participantsApi = () => import('./participants/participants-api');
const participantsAhead = ({ search, client }: Ahead) =>
  participantsApi().then((api) => client.prefetchQuery(api.participantsQuery(api.statusFilterOf(search))));
const participantAhead = ({ params, client }: Ahead) =>
  params.id
    ? participantsApi().then((api) => client.prefetchQuery(api.participantQuery(params.id ?? '')))
    : Promise.resolve();

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      {
        element: <RequireAuth study={false} />,
        children: [
          {
            path: 'change-password',
            element: (
              <Loading>
                <ChangePasswordPage.Component />
              </Loading>
            ),
            handle: preloads(ChangePasswordPage),
          },
        ],
      },
      {
        element: <RequireAuth needs={needsFor('/participants')} />,
        children: [
          {
            path: 'participants',
            element: (
              <Loading>
                <ParticipantsPage.Component />
              </Loading>
            ),
            handle: preloads(ParticipantsPage, participantsAhead),
          },
          {
            path: 'participants/new',
            element: (
              <Loading>
                <ScreeningWizard.Component />
              </Loading>
            ),
            handle: preloads(ScreeningWizard),
          },
          {
            path: 'participants/:id',
            element: (
              <Loading>
                <ParticipantPage.Component />
              </Loading>
            ),
            handle: preloads(ParticipantPage, participantAhead),
          },
          {
            path: 'participants/:id/screening',
            element: (
              <Loading>
                <ScreeningWizard.Component />
              </Loading>
            ),
            handle: preloads(ScreeningWizard),
          },
          {
            path: 'participants/:id/visits/:visitCode/forms/:formCode',
            element: (
              <Loading>
                <FormPage.Component />
              </Loading>
            ),
            handle: preloads(FormPage, participantAhead),
          },
        ],
      },
      {
        element: <RequireAuth needs={needsFor('/grid')} />,
        children: [
          {
            path: 'grid',
            element: (
              <Loading>
                <RecordGridPage.Component />
              </Loading>
            ),
            handle: preloads(RecordGridPage),
          },
        ],
      },
      ...monitorRoutes,
      {
        element: <RequireAuth needs={needsFor('/exports')} />,
        children: [
          {
            path: 'exports',
            element: (
              <Loading>
                <ExportsPage.Component />
              </Loading>
            ),
            handle: preloads(ExportsPage),
          },
        ],
      },
      {
        element: <RequireAuth needs={needsFor('/admin/users')} />,
        children: [
          {
            path: 'admin/users',
            element: (
              <Loading>
                <UsersPage.Component />
              </Loading>
            ),
            handle: preloads(UsersPage),
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
                <SitesPage.Component />
              </Loading>
            ),
            handle: preloads(SitesPage),
          },
        ],
      },
      {
        element: <RequireAuth needs={needsFor('/admin/randomization-lists')} />,
        children: [
          {
            path: 'admin/randomization-lists',
            element: (
              <Loading>
                <RandomizationListsPage.Component />
              </Loading>
            ),
            handle: preloads(RandomizationListsPage),
          },
        ],
      },
      {
        element: <RequireAuth needs={needsFor('/admin/closeout')} />,
        children: [
          {
            path: 'admin/closeout',
            element: (
              <Loading>
                <CloseoutPage.Component />
              </Loading>
            ),
            handle: preloads(CloseoutPage),
          },
        ],
      },
      {
        element: <RequireAuth needs={needsFor('/admin/definition')} />,
        children: [
          {
            path: 'admin/definition',
            element: (
              <Loading>
                <AmendmentsPage.Component />
              </Loading>
            ),
            handle: preloads(AmendmentsPage),
          },
        ],
      },
      {
        element: <RequireAuth needs={needsFor('/admin/odi-statements')} />,
        children: [
          {
            path: 'admin/odi-statements',
            element: (
              <Loading>
                <OdiStatementsPage.Component />
              </Loading>
            ),
            handle: preloads(OdiStatementsPage),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

import type { Role } from '@mini-edc/domain';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/require-auth';
import { rolesFor } from '../navigation';

// Each screen is its own chunk, loaded when first opened.
const AuditPage = lazy(() => import('../audit/audit-page').then((m) => ({ default: m.AuditPage })));
const QueriesPage = lazy(() => import('../queries/queries-page').then((m) => ({ default: m.QueriesPage })));
const DashboardPage = lazy(() =>
  import('../dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);
const ReviewIndexPage = lazy(() =>
  import('./review-index-page').then((m) => ({ default: m.ReviewIndexPage })),
);
const ReviewPage = lazy(() => import('./review-page').then((m) => ({ default: m.ReviewPage })));

/**
 * Source review is reached from the audit trail, the queries and the dashboard rather than the
 * menu, so its roles are named here: monitors verify and query; investigators raise self-checks.
 */
export const reviewRoles: readonly Role[] = ['monitor', 'investigator'];

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingText />}>{children}</Suspense>;
}

function LoadingText() {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}

function guarded(roles: readonly Role[], path: string, page: ReactNode): RouteObject {
  return { element: <RequireAuth roles={roles} />, children: [{ path, element: <Loading>{page}</Loading> }] };
}

/** The monitor journey's screens (issue 6): audit trail, queries, source review, dashboard. */
export const monitorRoutes: RouteObject[] = [
  guarded(rolesFor('/dashboard'), 'dashboard', <DashboardPage />),
  guarded(rolesFor('/audit'), 'audit', <AuditPage />),
  guarded(rolesFor('/queries'), 'queries', <QueriesPage />),
  guarded(reviewRoles, 'review', <ReviewIndexPage />),
  guarded(reviewRoles, 'review/:participantId', <ReviewPage />),
];

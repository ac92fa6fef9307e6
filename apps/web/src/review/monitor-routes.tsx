import type { Capability } from '@mini-edc/domain';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/require-auth';
import { needsFor } from '../navigation';

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
 * menu, so its capabilities are named here: monitors verify and query; investigators raise self-checks.
 */
export const reviewNeeds: readonly Capability[] = ['verify_source', 'raise_self_check'];

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingText />}>{children}</Suspense>;
}

function LoadingText() {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}

function guarded(needs: readonly Capability[], path: string, page: ReactNode): RouteObject {
  return { element: <RequireAuth needs={needs} />, children: [{ path, element: <Loading>{page}</Loading> }] };
}

/** The monitor journey's screens (R-MON): audit trail, queries, source review, dashboard. */
export const monitorRoutes: RouteObject[] = [
  guarded(needsFor('/dashboard'), 'dashboard', <DashboardPage />),
  guarded(needsFor('/audit'), 'audit', <AuditPage />),
  guarded(needsFor('/queries'), 'queries', <QueriesPage />),
  guarded(reviewNeeds, 'review', <ReviewIndexPage />),
  guarded(reviewNeeds, 'review/:participantId', <ReviewPage />),
];

import type { Capability } from '@mini-edc/domain';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/require-auth';
import { withDeskText } from '../i18n';
import { Loading, preloads, type Screen, screen } from '../lib/screen';
import { needsFor } from '../navigation';

// Each screen is its own chunk, loaded when first opened.
const AuditPage = screen(
  withDeskText(() => import('../audit/audit-page')),
  (m) => m.AuditPage,
);
const QueriesPage = screen(
  () => import('../queries/queries-page'),
  (m) => m.QueriesPage,
);
const DashboardPage = screen(
  () => import('../dashboard/dashboard-page'),
  (m) => m.DashboardPage,
);
const ReviewIndexPage = screen(
  withDeskText(() => import('./review-index-page')),
  (m) => m.ReviewIndexPage,
);
const ReviewPage = screen(
  () => import('./review-page'),
  (m) => m.ReviewPage,
);

/**
 * Source review is reached from the audit trail, the queries and the dashboard rather than the
 * menu, so its capabilities are named here: monitors verify and query; investigators raise self-checks.
 */
const reviewNeeds: readonly Capability[] = ['verify_source', 'raise_self_check'];

function guarded(needs: readonly Capability[], path: string, page: Screen): RouteObject {
  return {
    element: <RequireAuth needs={needs} />,
    children: [{ path, element: <Loading>{<page.Component />}</Loading>, handle: preloads(page) }],
  };
}

/** The monitor journey's screens (R-MON): audit trail, queries, source review, dashboard. */
export const monitorRoutes: RouteObject[] = [
  guarded(needsFor('/dashboard'), 'dashboard', DashboardPage),
  guarded(needsFor('/audit'), 'audit', AuditPage),
  guarded(needsFor('/queries'), 'queries', QueriesPage),
  guarded(reviewNeeds, 'review', ReviewIndexPage),
  guarded(reviewNeeds, 'review/:participantId', ReviewPage),
];

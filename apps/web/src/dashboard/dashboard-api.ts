import { dashboardBlindedSchema, dashboardSchema } from '@mini-edc/domain';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../api/client';
import { reviewKeys } from '../review/review-api';

/** Unblinded first: a blinded answer has no `arms`, so it only matches the second schema. */
const schema = z.union([dashboardSchema, dashboardBlindedSchema]);
export type DashboardView = z.infer<typeof schema>;

export function useDashboard() {
  return useQuery({
    queryKey: [...reviewKeys.all, 'dashboard'],
    queryFn: () => apiFetch('/dashboard', { schema }),
  });
}

/** The CONSORT diagram as the API draws it, in the given language (download: as an attachment). */
export function consortSvgUrl(locale: string, download = false): string {
  const params = new URLSearchParams({ locale: locale === 'tr' ? 'tr' : 'en' });
  if (download) params.set('download', '1');
  return `/api/v1/dashboard/consort.svg?${params.toString()}`;
}

import {
  type AuditFilter,
  adminUserSchema,
  auditPageSchema,
  auditVerificationSchema,
} from '@mini-edc/domain';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../api/client';
import { reviewKeys } from '../review/review-api';
import { searchFromFilter } from './audit-filter';

const PAGE_SIZE = 50;

/** The filtered trail, newest first, one keyset page at a time ("Load more" asks for the next). */
export function useAuditTrail(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [...reviewKeys.all, 'audit', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = searchFromFilter(filter);
      params.set('limit', String(PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch(`/audit?${params.toString()}`, { schema: auditPageSchema });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Recomputes the hash chain of the whole trail on the server (on demand: it reads every row). */
export function useVerifyChain() {
  return useMutation({
    mutationFn: () => apiFetch('/audit/verify', { schema: auditVerificationSchema }),
  });
}

const usersSchema = z.array(adminUserSchema);

/** Administrators may list accounts, so their user filter offers every user. */
export function useAdminUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => apiFetch('/admin/users', { schema: usersSchema }),
    enabled,
  });
}

import { dataQuerySchema, type QueryStatus, queryCountsSchema } from '@mini-edc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../api/client';
import { reviewKeys } from '../review/review-api';

const queryKeys = {
  list: (status: string, participantId: string) =>
    [...reviewKeys.all, 'queries', status, participantId] as const,
  counts: [...reviewKeys.all, 'query-counts'] as const,
};

const listSchema = z.array(dataQuerySchema);

export function useDataQueries(status: QueryStatus | '', participantId: string, enabled = true) {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (participantId) params.set('participantId', participantId);
  const search = params.toString();
  return useQuery({
    queryKey: queryKeys.list(status, participantId),
    queryFn: () => apiFetch(`/queries${search ? `?${search}` : ''}`, { schema: listSchema }),
    enabled,
  });
}

export function useQueryCounts() {
  return useQuery({
    queryKey: queryKeys.counts,
    queryFn: () => apiFetch('/queries/counts', { schema: queryCountsSchema }),
  });
}

export type QueryStep = 'answer' | 'close' | 'reopen';

/** Answer, close or reopen a query; every review list refreshes afterwards. */
export function useQueryStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, message }: { id: string; step: QueryStep; message: string | undefined }) =>
      apiFetch(`/queries/${encodeURIComponent(id)}/${step}`, {
        method: 'POST',
        json: message ? { message } : {},
        schema: dataQuerySchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

import {
  generateListResponseSchema,
  type RandomizationList,
  randomizationListSchema,
} from '@mini-edc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../api/client';

const listsKey = ['admin', 'randomization-lists'] as const;

export function useRandomizationLists() {
  return useQuery({
    queryKey: listsKey,
    queryFn: () => apiFetch('/admin/randomization-lists', { schema: z.array(randomizationListSchema) }),
  });
}

function useListMutation<TVariables, TResult>(mutationFn: (v: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: listsKey }) });
}

export function useGenerateList() {
  return useListMutation((body: { name: string }) =>
    apiFetch('/admin/randomization-lists/generate', {
      method: 'POST',
      json: body,
      schema: generateListResponseSchema,
    }),
  );
}

export function useImportList() {
  return useListMutation(
    (body: { name: string; csv: string }): Promise<RandomizationList> =>
      apiFetch('/admin/randomization-lists/import', {
        method: 'POST',
        json: body,
        schema: randomizationListSchema,
      }),
  );
}

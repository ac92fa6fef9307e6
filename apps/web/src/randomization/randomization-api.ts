import {
  generateListResponseSchema,
  type ListChangePreviewRequest,
  listChangePreviewSchema,
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

/** A list's name, and for a correction of the list in use its reason, password and strata. */
interface NewList {
  name: string;
  reason?: string | undefined;
  password?: string | undefined;
  strata?: string[] | undefined;
}

export function useGenerateList() {
  return useListMutation((body: NewList) =>
    apiFetch('/admin/randomization-lists/generate', {
      method: 'POST',
      json: body,
      schema: generateListResponseSchema,
    }),
  );
}

export function useImportList() {
  return useListMutation(
    (body: NewList & { csv: string }): Promise<RandomizationList> =>
      apiFetch('/admin/randomization-lists/import', {
        method: 'POST',
        json: body,
        schema: randomizationListSchema,
      }),
  );
}

/** What generating or importing a list would change (R-RAND-5); writes nothing. */
export function usePreviewListChange() {
  return useMutation({
    mutationFn: (body: ListChangePreviewRequest) =>
      apiFetch('/admin/randomization-lists/preview', {
        method: 'POST',
        json: body,
        schema: listChangePreviewSchema,
      }),
  });
}

/** Whether a list is handing out allocations: then a new list is a correction. */
export function useListInUse(): boolean {
  return useRandomizationLists().data?.some((list) => list.inUse) ?? false;
}

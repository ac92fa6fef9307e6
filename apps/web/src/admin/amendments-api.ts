import {
  type AmendmentReview,
  amendmentDraftSchema,
  amendmentReviewSchema,
  definitionVersionEntrySchema,
  type PublishAmendmentRequest,
  type PublishedAmendment,
  publishedAmendmentSchema,
} from '@mini-edc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../api/client';

/** Protocol amendments (R-DEF-5): the versions, a draft's review, and publishing. */
const amendmentKeys = {
  versions: ['admin', 'definition', 'versions'] as const,
  review: (id: string) => ['admin', 'definition', 'drafts', id] as const,
};

export function useDefinitionVersions() {
  return useQuery({
    queryKey: amendmentKeys.versions,
    queryFn: () => apiFetch('/admin/definition/versions', { schema: z.array(definitionVersionEntrySchema) }),
  });
}

export function useDraftReview(id: string | null) {
  return useQuery({
    queryKey: amendmentKeys.review(id ?? ''),
    queryFn: (): Promise<AmendmentReview> =>
      apiFetch(`/admin/definition/drafts/${id}`, { schema: amendmentReviewSchema }),
    enabled: id !== null,
  });
}

export function useCreateDraft() {
  return useMutation({
    mutationFn: (definition: unknown) =>
      apiFetch('/admin/definition/drafts', {
        method: 'POST',
        json: { definition },
        schema: amendmentDraftSchema,
      }),
  });
}

/** `onPublished` runs before the new version is fetched, which draws every screen anew. */
export function usePublishDraft(id: string, onPublished: (done: PublishedAmendment) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishAmendmentRequest) =>
      apiFetch(`/admin/definition/drafts/${id}/publish`, {
        method: 'POST',
        json: body,
        schema: publishedAmendmentSchema,
      }),
    onSuccess: async (done) => {
      onPublished(done);
      // The new version is the study from now on: every screen draws it (StudyGate).
      await client.invalidateQueries({ queryKey: ['study'] });
      await client.invalidateQueries({ queryKey: ['admin', 'definition'] });
    },
  });
}

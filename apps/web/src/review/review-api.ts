import {
  type CreateQueryRequest,
  dataQuerySchema,
  participantDetailBlindedSchema,
  participantDetailSchema,
  participantReviewSchema,
  participantSummaryBlindedSchema,
  participantSummarySchema,
  type SdvRequest,
  type SdvUndoRequest,
  sdvResponseSchema,
} from '@mini-edc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../api/client';

/** Query keys of the review screens; everything under 'monitor' refreshes after an SDV or query step. */
export const reviewKeys = {
  all: ['monitor'] as const,
  participants: ['monitor', 'participants'] as const,
  participant: (id: string) => ['monitor', 'participant', id] as const,
  review: (id: string) => ['monitor', 'review', id] as const,
};

const participantListSchema = z.union([
  z.array(participantSummarySchema),
  z.array(participantSummaryBlindedSchema),
]);
const participantDetailUnion = z.union([participantDetailSchema, participantDetailBlindedSchema]);

const path = (id: string) => `/participants/${encodeURIComponent(id)}`;

/** The participants at the user's sites (for the participant filter and the review index). */
export function useParticipantList(enabled = true) {
  return useQuery({
    queryKey: reviewKeys.participants,
    queryFn: () => apiFetch('/participants', { schema: participantListSchema }),
    enabled,
  });
}

/** One participant with its records' values (GET /participants/:id). */
export function useParticipantDetail(id: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.participant(id ?? ''),
    queryFn: () => apiFetch(path(id ?? ''), { schema: participantDetailUnion }),
    enabled: Boolean(id),
  });
}

/** Per record: SDV state, unresolved queries and signature (GET /participants/:id/review). */
export function useParticipantReview(id: string, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.review(id),
    queryFn: () => apiFetch(`${path(id)}/review`, { schema: participantReviewSchema }),
    enabled,
  });
}

/** Undoes a record's source verification with a reason (POST /sdv/undo). */
export function useUndoSdv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SdvUndoRequest) =>
      apiFetch('/sdv/undo', { method: 'POST', json: body, schema: sdvResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

export function useMarkSdv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SdvRequest) =>
      apiFetch('/sdv', { method: 'POST', json: body, schema: sdvResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

export function useCreateQuery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateQueryRequest) =>
      apiFetch('/queries', { method: 'POST', json: body, schema: dataQuerySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

import {
  type CloseScreeningRequest,
  type CreateParticipantRequest,
  type EligibilityRequest,
  eligibilityResultSchema,
  type FormRecord,
  formRecordSchema,
  participantDetailBlindedSchema,
  participantDetailSchema,
  participantStatuses,
  participantSummaryBlindedSchema,
  participantSummarySchema,
  randomizeResponseSchema,
  recordHistorySchema,
  type SaveFormRequest,
  scoresBlindedResponseSchema,
  scoresResponseSchema,
  signVisitResponseSchema,
  type UpdateVisitRequest,
  visitRecordSchema,
} from '@mini-edc/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../api/client';

export type ParticipantStatus = (typeof participantStatuses)[number];
export { participantStatuses };

/**
 * A participant as this user receives it. Assessors get the blinded schema, which has no
 * `allocation` key at all (design invariant 5); the union keeps both shapes honest.
 */
const participantSchema = z.union([participantDetailSchema, participantDetailBlindedSchema]);
export type ParticipantView = z.infer<typeof participantSchema>;
const listSchema = z.union([z.array(participantSummarySchema), z.array(participantSummaryBlindedSchema)]);
export type ParticipantListItem = z.infer<typeof listSchema>[number];

/** The allocation when this user may see it (never present for assessors). */
export function allocationOf(p: ParticipantView | ParticipantListItem) {
  return 'allocation' in p ? p.allocation : null;
}

export const participantKeys = {
  all: ['participants'] as const,
  list: (status: string) => ['participants', 'list', status] as const,
  detail: (id: string) => ['participants', 'detail', id] as const,
  scores: (id: string) => ['participants', 'scores', id] as const,
  history: (recordId: string) => ['records', 'history', recordId] as const,
};

const path = (id: string) => `/participants/${encodeURIComponent(id)}`;

/**
 * How long an answer is fresh enough for a screen mounting after it: a deep link fetches the data
 * ahead of its screen (lib/screen.tsx), which would otherwise ask again as it mounts. Every save
 * invalidates these answers, so they never hide the user's own change.
 */
const freshForMs = 3_000;

/** The participant list, as its screen asks for it and as a deep link fetches it ahead. */
export const participantsQuery = (status: ParticipantStatus | '') =>
  queryOptions({
    queryKey: participantKeys.list(status),
    staleTime: freshForMs,
    queryFn: () => apiFetch(`/participants${status ? `?status=${status}` : ''}`, { schema: listSchema }),
  });

export function useParticipants(status: ParticipantStatus | '') {
  return useQuery(participantsQuery(status));
}

/** One participant, as its screens ask for it and as a deep link fetches it ahead. */
export const participantQuery = (id: string) =>
  queryOptions({
    queryKey: participantKeys.detail(id),
    queryFn: () => apiFetch(path(id), { schema: participantSchema }),
    staleTime: freshForMs,
  });

export function useParticipant(id: string) {
  return useQuery(participantQuery(id));
}

/** The status filter a list URL asks for ('' for all). */
export function statusFilterOf(search: URLSearchParams): ParticipantStatus | '' {
  const value = search.get('status');
  return participantStatuses.find((status) => status === value) ?? '';
}

export function useScores(id: string) {
  return useQuery({
    queryKey: participantKeys.scores(id),
    queryFn: () =>
      apiFetch(`${path(id)}/scores`, {
        schema: z.union([scoresResponseSchema, scoresBlindedResponseSchema]),
      }),
  });
}

export function useRecordHistory(recordId: string) {
  return useQuery({
    queryKey: participantKeys.history(recordId),
    queryFn: () =>
      apiFetch(`/records/${encodeURIComponent(recordId)}/history`, { schema: recordHistorySchema }),
  });
}

/** Every participant mutation refreshes the participant, its list rows, scores and histories. */
function useParticipantMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: participantKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['records'] }),
      ]);
    },
  });
}

export function useCreateParticipant() {
  return useParticipantMutation((body: CreateParticipantRequest) =>
    apiFetch('/participants', { method: 'POST', json: body, schema: participantDetailSchema }),
  );
}

export interface SaveFormVariables {
  participantId: string;
  visitCode: string;
  formCode: string;
  body: SaveFormRequest;
}

export function useSaveForm() {
  return useParticipantMutation(
    ({ participantId, visitCode, formCode, body }: SaveFormVariables): Promise<FormRecord> =>
      apiFetch(
        `${path(participantId)}/visits/${encodeURIComponent(visitCode)}/forms/${encodeURIComponent(formCode)}`,
        { method: 'PUT', json: body, schema: formRecordSchema },
      ),
  );
}

export function useSubmitEligibility() {
  return useParticipantMutation(({ id, body }: { id: string; body: EligibilityRequest }) =>
    apiFetch(`${path(id)}/eligibility`, { method: 'PUT', json: body, schema: eligibilityResultSchema }),
  );
}

export function useRandomize() {
  return useParticipantMutation((id: string) =>
    apiFetch(`${path(id)}/randomize`, { method: 'POST', schema: randomizeResponseSchema }),
  );
}

export function useUpdateVisit() {
  return useParticipantMutation(
    ({ id, visitCode, body }: { id: string; visitCode: string; body: UpdateVisitRequest }) =>
      apiFetch(`${path(id)}/visits/${encodeURIComponent(visitCode)}`, {
        method: 'PUT',
        json: body,
        schema: visitRecordSchema,
      }),
  );
}

export function useSignVisit() {
  return useParticipantMutation(
    ({ id, visitCode, password }: { id: string; visitCode: string; password: string }) =>
      apiFetch(`${path(id)}/visits/${encodeURIComponent(visitCode)}/sign`, {
        method: 'POST',
        json: { password },
        schema: signVisitResponseSchema,
      }),
  );
}

export function useCloseScreening() {
  return useParticipantMutation(({ id, body }: { id: string; body: CloseScreeningRequest }) =>
    apiFetch(`${path(id)}/close-screening`, { method: 'POST', json: body, schema: participantSchema }),
  );
}

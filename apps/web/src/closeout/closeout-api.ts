import {
  type AllocationVerificationSummary,
  allocationVerificationSummarySchema,
  type LifecycleAction,
  type LifecycleActionRequest,
  preLockChecksSchema,
  studyLifecycleSchema,
  studyStatusSchema,
  type VerifyAllocationRequest,
} from '@mini-edc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../api/client';

const closeoutKeys = {
  status: ['study', 'status'] as const,
  lifecycle: ['admin', 'study', 'lifecycle'] as const,
  checks: ['admin', 'study', 'pre-lock-checks'] as const,
  verifications: ['closeout', 'verifications'] as const,
};

export function useStudyStatus() {
  return useQuery({
    queryKey: closeoutKeys.status,
    queryFn: () => apiFetch('/study/status', { schema: studyStatusSchema }),
  });
}

export function useLifecycle() {
  return useQuery({
    queryKey: closeoutKeys.lifecycle,
    queryFn: () => apiFetch('/admin/study/lifecycle', { schema: studyLifecycleSchema }),
  });
}

export function usePreLockChecks() {
  return useQuery({
    queryKey: closeoutKeys.checks,
    queryFn: () => apiFetch('/admin/study/pre-lock-checks', { schema: preLockChecksSchema }),
  });
}

export function useLifecycleAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: LifecycleAction; body: LifecycleActionRequest }) =>
      apiFetch(`/admin/study/${action}`, { method: 'POST', json: body, schema: studyLifecycleSchema }),
    onSuccess: async () => {
      await Promise.all(
        [closeoutKeys.status, closeoutKeys.lifecycle, closeoutKeys.checks].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export function useVerifications() {
  return useQuery({
    queryKey: closeoutKeys.verifications,
    queryFn: () =>
      apiFetch('/closeout/allocation-verifications', {
        schema: z.array(allocationVerificationSummarySchema),
      }),
  });
}

export function useVerifyAllocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VerifyAllocationRequest) =>
      apiFetch<AllocationVerificationSummary>('/closeout/allocation-verifications', {
        method: 'POST',
        json: body,
        schema: allocationVerificationSummarySchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: closeoutKeys.verifications }),
  });
}

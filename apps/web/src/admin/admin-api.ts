import {
  type AdminUser,
  adminUserSchema,
  type CreateSiteRequest,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type Site,
  siteSchema,
  type UpdateUserRequest,
} from '@mini-edc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../api/client';

const adminKeys = {
  sites: ['admin', 'sites'] as const,
  users: ['admin', 'users'] as const,
};

const sitesSchema = z.array(siteSchema);
const usersSchema = z.array(adminUserSchema);

export function useSites() {
  return useQuery({
    queryKey: adminKeys.sites,
    queryFn: () => apiFetch('/admin/sites', { schema: sitesSchema }),
  });
}

export function useUsers() {
  return useQuery({
    queryKey: adminKeys.users,
    queryFn: () => apiFetch('/admin/users', { schema: usersSchema }),
  });
}

/** A mutation that refreshes the given list when it succeeds. */
function useAdminMutation<TVariables, TResult>(
  key: readonly string[],
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useCreateSite() {
  return useAdminMutation(adminKeys.sites, (body: CreateSiteRequest) =>
    apiFetch<Site>('/admin/sites', { method: 'POST', json: body, schema: siteSchema }),
  );
}

export function useRenameSite() {
  return useAdminMutation(adminKeys.sites, ({ id, name }: { id: string; name: string }) =>
    apiFetch<Site>(`/admin/sites/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      json: { name },
      schema: siteSchema,
    }),
  );
}

export function useCreateUser() {
  return useAdminMutation(adminKeys.users, (body: CreateUserRequest) =>
    apiFetch<AdminUser>('/admin/users', { method: 'POST', json: body, schema: adminUserSchema }),
  );
}

export function useUpdateUser() {
  return useAdminMutation(adminKeys.users, ({ id, body }: { id: string; body: UpdateUserRequest }) =>
    apiFetch<AdminUser>(`/admin/users/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      json: body,
      schema: adminUserSchema,
    }),
  );
}

export function useResetPassword() {
  return useAdminMutation(adminKeys.users, ({ id, body }: { id: string; body: ResetPasswordRequest }) =>
    apiFetch(`/admin/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST', json: body }),
  );
}

export function useUnlockUser() {
  return useAdminMutation(adminKeys.users, (id: string) =>
    apiFetch(`/admin/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' }),
  );
}

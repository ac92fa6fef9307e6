import { odiStatementSetSchema } from '@mini-edc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../api/client';

/** The study's licensed ODI statements (protocol §3.4): read for the form, loaded by an admin. */
const odiStatementsKey = ['instruments', 'odi-statements'] as const;

export function useOdiStatements(enabled = true) {
  return useQuery({
    enabled,
    queryKey: odiStatementsKey,
    queryFn: () => apiFetch('/instruments/odi/statements', { schema: odiStatementSetSchema }),
    // They change only when an admin loads new ones.
    staleTime: 5 * 60_000,
  });
}

export function useLoadOdiStatements() {
  const client = useQueryClient();
  return useMutation({
    // Rows from a file are passed on as they are: the server validates each one.
    mutationFn: (upload: { statements: unknown } | { csv: string }) =>
      apiFetch('/admin/instruments/odi/statements', {
        method: 'PUT',
        json: upload,
        schema: odiStatementSetSchema,
      }),
    onSuccess: (set) => client.setQueryData(odiStatementsKey, set),
  });
}

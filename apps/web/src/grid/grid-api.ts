import { recordGridSchema } from '@mini-edc/domain';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/client';
import { participantKeys } from '../participants/participants-api';

/** The record status grid; under the participants key, so every save refreshes it. */
export function useRecordGrid() {
  return useQuery({
    queryKey: [...participantKeys.all, 'grid'],
    queryFn: () => apiFetch('/record-grid', { schema: recordGridSchema }),
  });
}

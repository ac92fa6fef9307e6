import { useSession } from '../auth/session-context';
import { useStudyStatus } from '../closeout/closeout-api';

/**
 * Mirrors the server's seesArm() (apps/api/src/services/scope.ts): assessors are blind to the arm
 * until an admin releases the allocation after lock (R-BLIND-4). The server decides what it sends;
 * this only decides which columns and sections the screen lays out.
 */
export function useSeesArm(): boolean {
  const { user } = useSession();
  const status = useStudyStatus();
  return user?.role !== 'assessor' || Boolean(status.data?.allocationReleasedAt);
}

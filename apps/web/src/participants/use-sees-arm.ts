import { type AccessSubject, can } from '@mini-edc/domain';
import { useSession } from '../auth/session-context';
import { useStudyStatus } from '../closeout/closeout-api';

/**
 * The signed-in user as the access policy's subject (packages/domain/src/access): the role, and
 * whether the study released the allocation to blinded roles after lock (R-BLIND-4), from the
 * session or, once it happens while signed in, from the study status. The server decides what it
 * sends; this only decides which columns and sections the screen lays out.
 */
export function useAccessSubject(): AccessSubject | null {
  const { user } = useSession();
  const status = useStudyStatus();
  if (!user) return null;
  return {
    role: user.role,
    allocationReleased: user.allocationReleased || Boolean(status.data?.allocationReleasedAt),
  };
}

/** May the user see the arm (the allocation, per-arm numbers)? */
export function useSeesArm(): boolean {
  return can(useAccessSubject(), 'see_allocation');
}

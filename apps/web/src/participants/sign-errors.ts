import { ApiError } from '../api/client';

/**
 * The attempts left when a signing password was wrong (the server's PASSWORD_WRONG field code and
 * its attemptsLeft parameter), else null.
 */
export function wrongPasswordOf(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const field = (error.body?.error.fields ?? []).find((f) => f.code === 'PASSWORD_WRONG');
  const left = field?.params?.attemptsLeft;
  return typeof left === 'number' ? left : null;
}

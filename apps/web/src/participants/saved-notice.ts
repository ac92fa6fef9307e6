/** A save result carried in the navigation state by "save and go on" (R-UI-3). */
export function savedNoticeOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('saved' in state)) return null;
  return typeof state.saved === 'string' ? state.saved : null;
}

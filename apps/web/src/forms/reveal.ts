import { type RefObject, useEffect } from 'react';

/**
 * Brings the result of an action into view whenever it changes (R-UI-3): at a short viewport a
 * message rendered above or below the fold would make a save look like it did nothing. The
 * message itself is a live region (role status or alert), so it is also announced. The top of the
 * result is aligned (a conflict panel can be taller than a tablet screen); .form-feedback keeps a
 * scroll margin for the header.
 */
export function useRevealOnChange(ref: RefObject<HTMLElement | null>, key: unknown): void {
  useEffect(() => {
    if (key === null || key === undefined || key === false) return;
    const el = ref.current;
    // jsdom has no scrollIntoView; browsers all do.
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
  }, [ref, key]);
}

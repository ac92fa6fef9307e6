/**
 * The study's close-out lifecycle (docs/architecture.md, "Study lifecycle"):
 *
 *   open ──close entry──▶ entry_closed ──lock──▶ locked
 *     ▲                      │    ▲                 │
 *     └─────reopen entry─────┘    └─────unlock──────┘
 *
 * open: everything as usual. entry_closed: no new participants and no allocations; existing
 * participants' data can still be completed and corrected (with reasons), queries answered,
 * records signed and verified. locked: nothing about the trial changes; the database refuses it.
 * The rule lives here once; the API enforces it and the web shows the actions it allows.
 *
 * release_allocation (locked only, once, never undone) releases the allocation to blinded roles:
 * from then on they see arms (R-BLIND-4, docs/closeout.md "Unblinding"). It leaves the state as
 * it is; unlocking afterwards does not blind anyone again, since what was seen stays seen.
 */
export const studyStates = ['open', 'entry_closed', 'locked'] as const;
export type StudyState = (typeof studyStates)[number];

export const lifecycleActions = [
  'close_entry',
  'reopen_entry',
  'lock',
  'unlock',
  'release_allocation',
] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

const transitions: Record<LifecycleAction, { from: StudyState; to: StudyState }> = {
  close_entry: { from: 'open', to: 'entry_closed' },
  reopen_entry: { from: 'entry_closed', to: 'open' },
  lock: { from: 'entry_closed', to: 'locked' },
  unlock: { from: 'locked', to: 'entry_closed' },
  release_allocation: { from: 'locked', to: 'locked' },
};

/** The state an action leads to from `state`, or null when the action is not possible there. */
export function nextStudyState(state: StudyState, action: LifecycleAction): StudyState | null {
  const t = transitions[action];
  return t.from === state ? t.to : null;
}

/** Whether an action is possible now: its state fits, and the allocation is released only once. */
export function lifecycleActionAllowed(
  state: StudyState,
  allocationReleased: boolean,
  action: LifecycleAction,
): boolean {
  if (action === 'release_allocation' && allocationReleased) return false;
  return nextStudyState(state, action) !== null;
}

/** The actions possible now, in the order a screen offers them. */
export function availableLifecycleActions(state: StudyState, allocationReleased = false): LifecycleAction[] {
  return lifecycleActions.filter((a) => lifecycleActionAllowed(state, allocationReleased, a));
}

/** What each action asks of the admin besides the click (the same rule for API and web). */
export function lifecycleRequirements(
  action: LifecycleAction,
  openChecks: number,
): { reason: 'required' | 'optional'; password: boolean } {
  switch (action) {
    case 'close_entry':
      return { reason: 'optional', password: false };
    case 'reopen_entry':
      return { reason: 'required', password: false };
    case 'lock':
      // Locking with any pre-lock check still open needs an explicit override reason.
      return { reason: openChecks > 0 ? 'required' : 'optional', password: false };
    case 'unlock':
    case 'release_allocation':
      return { reason: 'required', password: true };
  }
}

/** The pre-lock checks shown on one page before the database is locked. */
export const preLockCheckCodes = [
  'open_queries',
  'unsigned_visits',
  'missing_forms',
  'unverified_records',
  'audit_chain',
] as const;
export type PreLockCheckCode = (typeof preLockCheckCodes)[number];

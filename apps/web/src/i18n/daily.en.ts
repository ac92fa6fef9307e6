/** English text of the daily work screens: record grid, save and next, visit windows, signing. */
export const gridEn = {
  title: 'Record status',
  intro:
    'Every participant’s forms by visit. Choose a cell to open the form; in the grid, the arrow keys, Home and End move between cells and Enter opens one.',
  filters: 'Filters',
  site: 'Site',
  allSites: 'All sites',
  status: 'Status',
  anyStatus: 'Any status',
  mine: 'Needs my action',
  legend: 'Legend',
  participant: 'Participant',
  count: 'Showing {{count}} of {{total}} participants',
  empty: 'No participant matches these filters.',
  needsAction: 'needs your action',
  queries_one: '{{count}} open query',
  queries_other: '{{count}} open queries',
  series: {
    title: 'Recurring records',
    treatment: 'Treatment sessions',
    none: 'none recorded',
    count_one: '{{count}} record',
    count_other: '{{count}} records',
    least: 'least advanced: {{status}}',
  },
  states: {
    not_started: 'Not started',
    draft: 'Draft',
    complete: 'Complete',
    signed: 'Signed',
    locked: 'Locked',
    open_query: 'Open query',
    sdv_done: 'SDV done',
    out_of_window: 'Out of window',
  },
};

export const dailyFormEn = {
  saveAndNext: 'Save and go to next form',
  saveAndFinish: 'Save and back to the visit',
  edit: 'Edit',
  readOnlyHint: 'This form is complete. Choose Edit to correct it (a reason is asked).',
  cancelEdit: 'Cancel editing',
  windowEarly:
    'This visit’s window opens on {{windowStart}} (window {{windowStart}} to {{windowEnd}}). Entering its forms now is outside the window.',
  windowLate:
    'This visit’s window closed on {{windowEnd}} (window {{windowStart}} to {{windowEnd}}). Entering its forms now is outside the window.',
  windowReason: 'Reason for entering outside the window',
  windowReasonHint: 'Kept with the visit and in the audit trail. At least 3 characters.',
  windowReasonMissing: 'Give the reason for entering this form outside the visit window.',
};

export const dailySignEn = {
  willSign_one: 'You are signing this record:',
  willSign_other: 'You are signing these {{count}} records:',
  nothingToSign: 'No completed record of this visit waits for a signature.',
  blocked: 'Complete these forms before signing: {{forms}}.',
  passwordWrong_one: 'The password is wrong. {{count}} attempt left before the account locks.',
  passwordWrong_other: 'The password is wrong. {{count}} attempts left before the account locks.',
  passwordWrongLocked: 'The password is wrong. The account is now locked for a while.',
};

import { dailyFormEn, dailySignEn, gridEn } from './daily.en';
import { fieldFormatsEn, fieldMessagesEn } from './field-messages.en';
import { listCorrectionEn } from './list-correction.en';
import { monitorEn } from './monitor.en';
import { participantsEn, randomizationListsEn } from './participants.en';
import { serverMessagesEn } from './server-messages.en';
import { signInEn } from './sign-in.en';

/** English interface text. tr.ts must have exactly the same keys (its type is `typeof en`). */
export const en = {
  common: {
    ...signInEn.common,
    loading: 'Loading…',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    close: 'Close',
    retry: 'Try again',
    none: '—',
    you: 'you',
  },
  blinding: {
    notShown: 'Not shown to blinded assessors',
    sections: '{{sections}}: not shown to blinded assessors.',
    scores: 'Baseline values, change from baseline and MCID: not shown to blinded assessors.',
    arm: 'Arm: not shown to blinded assessors.',
    consortArms: 'Numbers per arm: not shown to blinded assessors.',
  },
  header: {
    mainNav: 'Main',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    role: 'Role',
    sites: 'Sites',
    ...signInEn.header,
  },
  locales: signInEn.locales,
  nav: {
    amendments: 'Study definition',
    odiStatements: 'ODI statements',
    exports: 'Exports',
    participants: 'Participants',
    audit: 'Audit trail',
    dashboard: 'Dashboard',
    queries: 'Queries',
    users: 'Users',
    sites: 'Sites',
    closeout: 'Close-out',
    randomizationLists: 'Randomization lists',
    grid: 'Record status',
  },
  roles: {
    admin: 'Administrator',
    coordinator: 'Study coordinator',
    investigator: 'Investigator',
    assessor: 'Blinded assessor',
    monitor: 'Monitor',
  },
  home: {
    study: 'Study',
    health: 'API: {{status}} · database ({{engine}}): {{reachable}}',
    reachable: 'reachable',
    unreachable: 'unreachable',
    signInPrompt: 'Sign in to enter and review trial data.',
    welcome: 'Welcome, {{name}}.',
    yourSections: 'Your sections',
    sessionUntil: 'Your session ends at {{time}} at the latest.',
  },
  login: signInEn.login,
  changePassword: {
    title: 'Change your password',
    forced: 'Your password was set by an administrator. Choose your own password before you continue.',
    current: 'Current password',
    new: 'New password',
    newHint:
      'At least {{min}} characters. A few unrelated words are easy to remember and hard to guess; avoid names, dates and common passwords.',
    confirm: 'Repeat the new password',
    submit: 'Change password',
    submitting: 'Changing…',
    mismatch: 'The two new passwords are not the same',
  },
  sessionEnded: {
    title: 'Your session has ended — sign in again to continue',
    at: 'Signed out at {{time}}, your time.',
    body: 'For your security you were signed out. Nothing on this page has been lost: once you are signed in again, check your entries and save them.',
    otherUser: 'Signing in as a different person discards the unsaved entries on this page.',
    signOut: 'Sign out instead',
  },
  errors: {
    ...signInEn.errors,
    FORBIDDEN: 'Your role does not allow this action.',
    NOT_FOUND: 'The record was not found. It may have been changed by someone else; reload the page.',
    CONFLICT: 'This conflicts with existing data.',
    PASSWORD_CHANGE_REQUIRED: 'Change your password before you continue.',
    DATA_ENTRY_CLOSED:
      'Data entry is closed: no new participants or randomizations. Existing data can still be completed and corrected.',
    AMENDMENT_CONFLICTS_WITH_DATA:
      'The amendment would invalidate or orphan data already entered; nothing was published. The entries in the way are listed.',
    STUDY_LOCKED: 'The study database is locked. Nothing can be changed until an administrator unlocks it.',
    PAYLOAD_TOO_LARGE: 'The data sent is too large.',
    loadFailed: 'The data could not be loaded.',
  },
  fieldCodes: {
    dateEarly: 'Cannot be before {{what}} ({{date}}).',
    dateLate: 'Cannot be after {{what}} ({{date}}).',
    dateEarlyFixed: 'Cannot be before {{date}}.',
    dateLateFixed: 'Cannot be after {{date}}.',
  },
  passwordPolicy: {
    reasons: {
      straightRow: 'Straight rows of keys are easy to guess.',
      keyPattern: 'Short keyboard patterns are easy to guess.',
      simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
      extendedRepeat: 'Repeated patterns like "abcabcabc" are easy to guess.',
      sequences: 'Sequences like "abc" or "123" are easy to guess.',
      recentYears: 'Recent years are easy to guess.',
      dates: 'Dates are easy to guess.',
      topTen: 'It is one of the most used passwords.',
      topHundred: 'It is a very common password.',
      common: 'It is a commonly used password.',
      similarToCommon: 'It is close to a commonly used password.',
      wordByItself: 'A single word is easy to guess.',
      namesByThemselves: 'A name on its own is easy to guess.',
      commonNames: 'Common first names and surnames are easy to guess.',
      userInputs: 'It contains your name, your email address or words of this study.',
      pwned: 'This password has appeared in a data breach.',
      guessable: 'Add a few more uncommon words.',
    },
  },
  validation: {
    chooseRole: 'Choose a role',
  },
  notFound: {
    title: 'Page not found',
    back: 'Go to the start page',
  },
  forbidden: {
    title: 'Not available for your role',
    body: 'Your role ({{role}}) does not give access to this page.',
  },
  comingSoon: {
    body: 'This section is being built and will be available soon.',
  },
  participants: participantsEn,
  randomizationLists: { ...randomizationListsEn, ...listCorrectionEn },
  monitor: monitorEn,
  grid: gridEn,
  dailyForm: dailyFormEn,
  dailySign: dailySignEn,
  serverMessages: serverMessagesEn,
  fieldMessages: fieldMessagesEn,
  signInFields: signInEn.signInFields,
  fieldFormats: fieldFormatsEn,
};

export type Translation = typeof en;

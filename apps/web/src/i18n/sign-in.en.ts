/**
 * The text of the sign-in page, which a browser without a session loads before the rest of the
 * app (docs/architecture.md, "Web delivery"). en.ts takes these keys from here, so each text is
 * written once; sign-in.tr.ts has the same keys.
 */
export const signInEn = {
  common: { appName: 'mini-EDC' },
  header: { language: 'Language', skipToContent: 'Skip to main content' },
  locales: { en: 'English', tr: 'Türkçe' },
  login: {
    title: 'Sign in',
    intro: 'Use the email address and password your study administrator gave you.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
  },
  errors: {
    INVALID_CREDENTIALS: 'The email or password is not correct, or the account is locked.',
    RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
    VALIDATION_FAILED: 'Some entries need correcting; see the highlighted fields.',
    CSRF_FAILED:
      'The security check failed because your session changed (for example in another tab). Check your entries and save again.',
    DATABASE_UNAVAILABLE: 'The database is unavailable right now. Try again in a moment.',
    INTERNAL: 'Something went wrong on the server. Try again; if it keeps happening, tell the study team.',
    network: 'The server cannot be reached. Check your connection and try again.',
    unknown: 'The request failed.',
  },
  /** The field codes the sign-in contract can refuse with (docs/errors.md, "Field codes"). */
  signInFields: {
    FIELD_REQUIRED: 'Fill in this field.',
    INVALID_FORMAT: 'Enter an email address, e.g. name@example.org.',
    TOO_LONG: 'This is too long.',
    refused: 'This value was refused.',
  },
};

export type SignInText = typeof signInEn;

import type { Locale } from '../i18n/locale';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The language chosen on the sign-in page wins over the one the profile remembered: the session
 * the app starts with says it, and the profile is told (PUT /auth/locale), so a Turkish sign-in
 * is not switched back to English. Plain checks, no zod: this runs in the small entry chunk.
 */
export async function keepChosenLocale(session: unknown, chosen: Locale): Promise<unknown> {
  if (!isRecord(session) || !isRecord(session.user) || session.user.locale === chosen) return session;
  const csrf = typeof session.csrfToken === 'string' ? session.csrfToken : '';
  try {
    await fetch('/api/v1/auth/locale', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ locale: chosen }),
    });
  } catch {
    // The profile keeps its language; this session still shows the chosen one.
  }
  return { ...session, user: { ...session.user, locale: chosen } };
}

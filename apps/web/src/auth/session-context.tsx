import { type Me, meResponseSchema, type SessionInfo } from '@mini-edc/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, apiFetch, onSessionEvent, setCsrfToken } from '../api/client';
import { applyLocale, currentLocale, type Locale } from '../i18n';
import { SessionExpiredDialog } from './session-expired-dialog';

export const sessionKey = ['session'] as const;

/**
 * GET /auth/me: the session, or null when nobody is signed in ({user: null}, or 401 for a session
 * that has ended). Never raises the expiry dialog.
 */
async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const info = await apiFetch('/auth/me', { schema: meResponseSchema, quiet: true });
    if (info.user === null) {
      setCsrfToken(null);
      return null;
    }
    setCsrfToken(info.csrfToken);
    return info;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export interface SessionState {
  status: 'loading' | 'error' | 'signed-out' | 'signed-in';
  session: SessionInfo | null;
  user: Me | null;
  /** True while the server has ended the session but the screen is kept for re-login. */
  expired: boolean;
  signedIn: (info: SessionInfo) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
  setLocale: (locale: Locale) => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

const notSession = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== sessionKey[0];

/**
 * Holds the signed-in user. Lives above the router: when any call answers 401 the page stays
 * mounted (forms keep what was typed) and a dialog asks for the password again.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  // When the app learned that the server ended the session (null while it is alive).
  const [endedAt, setEndedAt] = useState<string | null>(null);
  const expired = endedAt !== null;
  const setExpired = useCallback((ended: boolean) => {
    setEndedAt((was) => (ended ? (was ?? new Date().toISOString()) : null));
  }, []);
  const session = query.data ?? null;
  // Read by callbacks and the event listener, which must not be re-created on every change.
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const expiredRef = useRef(expired);
  expiredRef.current = expired;

  useEffect(
    () =>
      onSessionEvent((event) => {
        const current = sessionRef.current;
        if (!current) return;
        if (event === 'session-ended') setExpired(true);
        else if (event === 'password-change-required') {
          void queryClient.invalidateQueries({ queryKey: sessionKey });
        } else {
          // Pick up the current token without unmounting anything; the form can then be resent.
          void fetchSession()
            .then((fresh) => {
              if (!fresh) setExpired(true);
              else if (fresh.user.id !== current.user.id) window.location.assign('/');
              else queryClient.setQueryData(sessionKey, fresh);
            })
            .catch(() => undefined);
        }
      }),
    [queryClient, setExpired],
  );

  const userLocale = session?.user.locale;
  useEffect(() => {
    if (userLocale) void applyLocale(userLocale);
  }, [userLocale]);

  const signedIn = useCallback(
    (info: SessionInfo) => {
      const previous = sessionRef.current;
      setCsrfToken(info.csrfToken);
      if (previous && previous.user.id !== info.user.id) {
        // Another person took over the screen: nothing of the previous user's page may remain.
        window.location.assign('/');
        return;
      }
      // The language chosen on the sign-in page wins over the one the profile remembered, and
      // becomes the profile's: a Turkish sign-in is not switched back to English.
      const chosen = currentLocale();
      const fresh = !previous && info.user.locale !== chosen;
      queryClient.setQueryData(
        sessionKey,
        fresh ? { ...info, user: { ...info.user, locale: chosen } } : info,
      );
      if (fresh) {
        void apiFetch('/auth/locale', { method: 'PUT', json: { locale: chosen }, quiet: true }).catch(
          () => undefined,
        );
      }
      if (expiredRef.current) {
        setExpired(false);
        // Lists that failed while signed out load again; the page and its forms stay as they were.
        void queryClient.invalidateQueries({ predicate: notSession });
      }
    },
    [queryClient, setExpired],
  );

  const signOut = useCallback(async () => {
    try {
      await apiFetch('/auth/logout', { method: 'POST', quiet: true });
    } catch {
      // Signing out of an already-ended session is fine.
    }
    setCsrfToken(null);
    setExpired(false);
    queryClient.setQueryData(sessionKey, null);
    queryClient.removeQueries({ predicate: notSession });
  }, [queryClient, setExpired]);

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: sessionKey });
  }, [queryClient]);

  const setLocale = useCallback(
    async (locale: Locale) => {
      await applyLocale(locale);
      const current = sessionRef.current;
      if (!current || current.user.locale === locale) return;
      await apiFetch('/auth/locale', { method: 'PUT', json: { locale } });
      queryClient.setQueryData<SessionInfo | null>(sessionKey, (old) =>
        old ? { ...old, user: { ...old.user, locale } } : old,
      );
    },
    [queryClient],
  );

  const value = useMemo<SessionState>(() => {
    let status: SessionState['status'] = 'signed-out';
    if (query.isPending) status = 'loading';
    else if (query.isError) status = 'error';
    else if (session) status = 'signed-in';
    return { status, session, user: session?.user ?? null, expired, signedIn, signOut, refresh, setLocale };
  }, [query.isPending, query.isError, session, expired, signedIn, signOut, refresh, setLocale]);

  return (
    <SessionContext value={value}>
      {children}
      {endedAt && session ? (
        <SessionExpiredDialog
          email={session.user.email}
          endedAt={endedAt}
          onSignedIn={signedIn}
          onSignOut={signOut}
        />
      ) : null}
    </SessionContext>
  );
}

export function useSession(): SessionState {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

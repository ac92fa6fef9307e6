import { sessionInfoSchema } from '@mini-edc/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError, forgetInlinedAnswers, setCsrfToken } from './api/client';
import { loadStudyGate, studyGate } from './auth/require-auth';
import { SessionProvider, sessionKey } from './auth/session-context';
import { i18nReady } from './i18n';
import { preloadScreens } from './lib/screen';
import { router } from './router';
import './styles/participants.css';

/**
 * The app behind the sign-in page (docs/architecture.md, "Web delivery"): router, forms, queries
 * and the full catalogues, loaded once there is a session or a page other than sign-in is asked for.
 * `session` is what GET /auth/me or POST /auth/login answered (null: known to be signed out;
 * undefined: not asked yet, the session provider asks).
 */
export async function mountApp(root: Root, session: unknown): Promise<void> {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal (4xx) will not change on a retry; only network and server errors are retried.
        retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  if (session !== undefined) {
    const info = session === null ? null : sessionInfoSchema.parse(session);
    setCsrfToken(info?.csrfToken ?? null);
    queryClient.setQueryData(sessionKey, info);
  }
  // The first screen is rendered in the user's language once its catalogue (its own chunk) is here.
  // Should it fail (network), the screen still renders and the text appears on the next attempt.
  // Signed in, the screen's chunk and the study definition are fetched at the same time, so a deep
  // link is drawn without waiting for each in turn (docs/benchmarks.md, "Web app").
  // The screen and its data are not waited for: the study definition it needs takes longer, and
  // until then the layout is drawn.
  if (session) {
    preloadScreens(router.routes, window.location, queryClient);
    void loadStudyGate().then((gate) => queryClient.prefetchQuery(gate.studyQuery));
  }
  // The answers index.html carries are the page's as it was opened, not a later screen's.
  const opened = router.state.location;
  const stopWatching = router.subscribe((state) => {
    if (state.location === opened) return;
    forgetInlinedAnswers();
    stopWatching();
  });
  await Promise.all([i18nReady().catch(() => undefined), session ? studyGate.preload() : undefined]);
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { catalogues } from './i18n/catalogues';
import { initialLocale } from './i18n/locale';
import { keepChosenLocale } from './shell/keep-chosen-locale';
import { loadSignInCatalogue, SignInPage } from './shell/sign-in-page';
import './styles.css';

/**
 * The entry: small on purpose (docs/architecture.md, "Web delivery"). It asks the server who is
 * signed in; a visitor without a session on the sign-in page gets that page alone (React and its
 * text), and the app (src/app.tsx: router, forms, queries, catalogues) loads after the password
 * is accepted. Everyone else gets the app at once.
 */

type Who = { known: true; session: unknown } | { known: false };

/** GET /auth/me: a session, null (200 {user: null} or an ended session's 401), or unknown. */
async function whoIsSignedIn(): Promise<Who> {
  try {
    const response = await fetch('/api/v1/auth/me', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (response.status === 401) return { known: true, session: null };
    if (!response.ok) return { known: false };
    const body: unknown = await response.json();
    const signedIn = typeof body === 'object' && body !== null && 'user' in body && body.user !== null;
    return { known: true, session: signedIn ? body : null };
  } catch {
    return { known: false };
  }
}

const element = document.getElementById('root');
if (!element) throw new Error('#root missing from index.html');
const root = createRoot(element);

// Any page but sign-in needs the app whoever asks, so its download starts beside GET /auth/me
// instead of after it (one round trip less on a slow network; docs/benchmarks.md, "Web app").
const appModule = window.location.pathname === '/login' ? null : import('./app');
// The app's text too: the app asks for the same module, which is then already on its way.
if (appModule) void catalogues[initialLocale()]().catch(() => undefined);

async function startApp(session: unknown) {
  const { mountApp } = await (appModule ?? import('./app'));
  await mountApp(root, session);
}

const who = await whoIsSignedIn();
if (who.known && who.session === null && window.location.pathname === '/login') {
  const locale = initialLocale();
  document.documentElement.lang = locale;
  const catalogue = await loadSignInCatalogue(locale);
  root.render(
    <StrictMode>
      <SignInPage
        locale={locale}
        catalogue={catalogue}
        // The language shown when the password was accepted (initialLocale: the last one chosen).
        onSignedIn={(session) => void keepChosenLocale(session, initialLocale()).then(startApp)}
      />
    </StrictMode>,
  );
} else {
  await startApp(who.known ? who.session : undefined);
}

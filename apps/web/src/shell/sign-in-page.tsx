import { useId, useState } from 'react';
import type { SignInKey } from '../auth/sign-in-form';
import { SignInForm } from '../auth/sign-in-form';
import { type Locale, locales, rememberLocale } from '../i18n/locale';
import type { SignInText } from '../i18n/sign-in.en';

/**
 * The sign-in page as a browser without a session first sees it: only React and this page's
 * text in the visitor's language (docs/architecture.md, "Web delivery"). The same landmarks and
 * labels as the app's layout; the app itself loads once the password is accepted.
 */

interface SignInCatalogue {
  text: SignInText;
}

const catalogues: Record<Locale, () => Promise<SignInCatalogue>> = {
  en: () => import('../i18n/sign-in.en').then((m) => ({ text: m.signInEn })),
  tr: () => import('../i18n/sign-in.tr').then((m) => ({ text: m.signInTr })),
};

export const loadSignInCatalogue = (locale: Locale) => catalogues[locale]();

function lookup(text: SignInText, key: SignInKey): string {
  const [group, name] = key.split('.') as ['login' | 'errors' | 'signInFields', string];
  const table: Record<string, string> = text[group];
  return table[name] ?? key;
}

interface SignInPageProps {
  locale: Locale;
  catalogue: SignInCatalogue;
  onSignedIn: (session: unknown) => void;
}

export function SignInPage(props: SignInPageProps) {
  const [{ locale, catalogue }, setShown] = useState({ locale: props.locale, catalogue: props.catalogue });
  const { text } = catalogue;
  const languageId = useId();

  const switchTo = (next: Locale) => {
    void loadSignInCatalogue(next)
      .then((loaded) => {
        rememberLocale(next);
        setShown({ locale: next, catalogue: loaded });
      })
      .catch(() => undefined);
  };

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {text.header.skipToContent}
      </a>
      <header className="app-header">
        <a href="/" className="brand">
          {text.common.appName}
        </a>
        <div className="header-end">
          <div className="language-switch">
            <label htmlFor={languageId}>{text.header.language}</label>
            <select
              id={languageId}
              value={locale}
              onChange={(event) => {
                const next = locales.find((l) => l === event.target.value);
                if (next) switchTo(next);
              }}
            >
              {locales.map((l) => (
                <option key={l} value={l} lang={l}>
                  {text.locales[l]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <section className="panel narrow" aria-labelledby="login-title">
          <h1 id="login-title">{text.login.title}</h1>
          <p className="muted">{text.login.intro}</p>
          <SignInForm t={(key) => lookup(text, key)} onSignedIn={props.onSignedIn} />
        </section>
      </main>
    </div>
  );
}

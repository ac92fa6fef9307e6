import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { type Locale, locales } from '../i18n';

/** Switches the language at once; when signed in the choice is saved to the account. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { setLocale } = useSession();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('header.language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          void setLocale(event.target.value as Locale).catch(() => {
            // The interface has switched already; the saved preference is retried next time.
          });
        }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`locales.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

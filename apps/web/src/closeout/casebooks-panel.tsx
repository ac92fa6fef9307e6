import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';

/**
 * Each site's casebooks as one ZIP with a manifest (docs/closeout.md "Casebooks"), as of now, in
 * the screen's language. One participant's casebook is on the participant's page.
 */
export function CasebooksPanel() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const lang = i18n.language === 'tr' ? 'tr' : 'en';
  return (
    <section className="panel stack" aria-labelledby="casebooks-title">
      <h2 id="casebooks-title">{t('closeout.casebooks.title')}</h2>
      <p className="muted">{t('closeout.casebooks.intro')}</p>
      <ul>
        {user?.sites.map((s) => (
          <li key={s.id}>
            <a href={`/api/v1/closeout/sites/${s.id}/casebooks?lang=${lang}`} download>
              {t('closeout.casebooks.site', { code: s.code, name: s.name })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

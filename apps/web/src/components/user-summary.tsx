import type { Me } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';

/** Who is signed in, in which role, for which sites: always visible in the header. */
export function UserSummary({ user }: { user: Me }) {
  const { t } = useTranslation();
  const sorted = [...user.sites].sort((a, b) => a.code.localeCompare(b.code));
  const sites = sorted.map((s) => s.code).join(', ');
  const siteNames = sorted.map((s) => `${s.code} ${s.name}`).join('; ');
  return (
    <div className="user-summary" data-testid="user-summary">
      <span className="sr-only">{t('header.signedInAs')}</span>
      <span className="user-name">{user.displayName}</span>
      <span className="user-meta">
        <span className="sr-only">{t('header.role')}: </span>
        <span className="user-role">{t(`roles.${user.role}`)}</span>
        {sites ? (
          <>
            <span aria-hidden="true"> · </span>
            <span className="sr-only">{t('header.sites')}: </span>
            <abbr className="user-sites" title={siteNames}>
              {sites}
            </abbr>
          </>
        ) : null}
      </span>
    </div>
  );
}

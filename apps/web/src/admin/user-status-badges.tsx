import type { AdminUser } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';

export function UserStatusBadges({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <ul className="badges">
      {user.active ? (
        <li className="badge badge-ok">{t('admin.users.active')}</li>
      ) : (
        <li className="badge badge-off">{t('admin.users.deactivated')}</li>
      )}
      {user.locked ? <li className="badge badge-danger">{t('admin.users.locked')}</li> : null}
      {user.mustChangePassword ? <li className="badge badge-warn">{t('admin.users.mustChange')}</li> : null}
    </ul>
  );
}

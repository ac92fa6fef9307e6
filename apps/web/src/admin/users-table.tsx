import type { AdminUser, Site } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { UserStatusBadges } from './user-status-badges';

export type UserAction = 'edit' | 'active' | 'reset' | 'unlock';

interface UsersTableProps {
  users: readonly AdminUser[];
  sites: readonly Site[];
  currentUserId: string | undefined;
  onAction: (action: UserAction, user: AdminUser) => void;
}

/** All accounts; on narrow screens each row becomes a card (see .responsive-table in CSS). */
export function UsersTable({ users, sites, currentUserId, onAction }: UsersTableProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const sorted = [...users].sort((a, b) => a.displayName.localeCompare(b.displayName, i18n.language));
  const siteCode = new Map(sites.map((s) => [s.id, s.code]));
  if (users.length === 0) return <p className="muted">{t('admin.users.empty')}</p>;

  return (
    <table className="responsive-table">
      <thead>
        <tr>
          <th scope="col">{t('admin.users.name')}</th>
          <th scope="col">{t('admin.users.role')}</th>
          <th scope="col">{t('admin.users.sites')}</th>
          <th scope="col">{t('admin.users.status')}</th>
          <th scope="col">{t('admin.created')}</th>
          <th scope="col">{t('admin.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((user) => {
          const self = user.id === currentUserId;
          // Every button names its user, so a screen-reader list of buttons is unambiguous.
          const whose = <span className="sr-only"> {user.displayName}</span>;
          return (
            <tr key={user.id}>
              <th scope="row" data-label={t('admin.users.name')}>
                <div>
                  <span className="cell-title">
                    {user.displayName}
                    {self ? <span className="muted"> ({t('common.you')})</span> : null}
                  </span>
                  <span className="cell-sub">{user.email}</span>
                </div>
              </th>
              <td data-label={t('admin.users.role')}>{t(`roles.${user.role}`)}</td>
              <td data-label={t('admin.users.sites')}>
                {user.siteIds
                  .map((id) => siteCode.get(id) ?? '?')
                  .sort()
                  .join(', ') || t('common.none')}
              </td>
              <td data-label={t('admin.users.status')}>
                <UserStatusBadges user={user} />
              </td>
              <td data-label={t('admin.created')} className="nowrap">
                {format.date(user.createdAt)}
              </td>
              <td data-label={t('admin.actions')}>
                <div className="row-actions">
                  <button type="button" className="button small" onClick={() => onAction('edit', user)}>
                    {t('admin.users.edit')}
                    {whose}
                  </button>
                  {self ? null : (
                    <button type="button" className="button small" onClick={() => onAction('active', user)}>
                      {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
                      {whose}
                    </button>
                  )}
                  <button type="button" className="button small" onClick={() => onAction('reset', user)}>
                    {t('admin.users.resetPassword')}
                    {whose}
                  </button>
                  {user.locked ? (
                    <button type="button" className="button small" onClick={() => onAction('unlock', user)}>
                      {t('admin.users.unlock')}
                      {whose}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

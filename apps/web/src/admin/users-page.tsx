import type { AdminUser } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { StatusNotice } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { describeError } from '../i18n/messages';
import { useSites, useUnlockUser, useUsers } from './admin-api';
import { UserActiveDialog } from './user-active-dialog';
import { UserCreateForm } from './user-create-form';
import { UserEditDialog } from './user-edit-dialog';
import { UserResetPasswordDialog } from './user-reset-password-dialog';
import { type UserAction, UsersTable } from './users-table';

type OpenDialog = { action: Exclude<UserAction, 'unlock'>; user: AdminUser } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const users = useUsers();
  const sites = useSites();
  const unlock = useUnlockUser();
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The generated temporary password stays visible until the admin dismisses it: it is shown
  // nowhere else and must be handed over first.
  const [handOver, setHandOver] = useState<{ name: string; password: string } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const done = (message: string) => {
    setDialog(null);
    setActionError(null);
    setNotice(message);
  };

  const onAction = (action: UserAction, user: AdminUser) => {
    setNotice(null);
    if (action !== 'unlock') {
      setDialog({ action, user });
      return;
    }
    unlock.mutate(user.id, {
      onSuccess: () => done(t('admin.users.unlockedNotice', { name: user.displayName })),
      onError: (error) => setActionError(describeError(error)),
    });
  };

  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('admin.users.title')}</h1>
        <button
          type="button"
          className="button primary"
          aria-expanded={creating}
          aria-controls="create-user-panel"
          onClick={() => {
            setNotice(null);
            setCreating((open) => !open);
          }}
        >
          {t('admin.users.newUser')}
        </button>
      </div>
      <p className="muted">{t('admin.users.intro')}</p>
      <StatusNotice message={notice} />
      {handOver ? (
        <section className="alert alert-info stack" aria-labelledby="hand-over-title">
          <p id="hand-over-title">
            <strong>{t('admin.users.handOverTitle', { name: handOver.name })}</strong>
          </p>
          <p className="mono" data-testid="temporary-password">
            {handOver.password}
          </p>
          <p className="muted">{t('admin.users.handOverHint')}</p>
          <div className="actions">
            <button type="button" className="button small" onClick={() => setHandOver(null)}>
              {t('admin.users.handOverDismiss')}
            </button>
          </div>
        </section>
      ) : null}
      {actionError ? (
        <div role="alert" className="alert alert-error">
          {actionError}
        </div>
      ) : null}
      {creating ? (
        <div id="create-user-panel" className="panel">
          <UserCreateForm
            sites={sites.data ?? []}
            onCancel={() => setCreating(false)}
            onCreated={(user, password) => {
              setCreating(false);
              setHandOver({ name: user.displayName, password });
              done(t('admin.users.createdNotice', { name: user.displayName }));
            }}
          />
        </div>
      ) : null}
      {users.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {users.isError ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <UsersTable users={users.data} sites={sites.data ?? []} currentUserId={me?.id} onAction={onAction} />
      ) : null}
      {dialog?.action === 'edit' ? (
        <UserEditDialog
          user={dialog.user}
          sites={sites.data ?? []}
          onClose={() => setDialog(null)}
          onDone={(user) => done(t('admin.users.updated', { name: user.displayName }))}
        />
      ) : null}
      {dialog?.action === 'active' ? (
        <UserActiveDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(user) =>
            done(
              user.active
                ? t('admin.users.reactivatedNotice', { name: user.displayName })
                : t('admin.users.deactivatedNotice', { name: user.displayName }),
            )
          }
        />
      ) : null}
      {dialog?.action === 'reset' ? (
        <UserResetPasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => done(t('admin.users.resetNotice', { name: dialog.user.displayName }))}
        />
      ) : null}
    </section>
  );
}

import type { SessionInfo } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/modal';
import { useFormat } from '../i18n/format';
import { LoginForm } from './login-form';

interface SessionExpiredDialogProps {
  email: string;
  /** When the app learned the session had ended (ISO instant), shown in the user's own zone. */
  endedAt: string;
  onSignedIn: (info: SessionInfo) => void;
  onSignOut: () => Promise<void>;
}

/**
 * Shown over the current screen when the server has ended the session. The screen underneath
 * stays mounted, so whatever was being typed is still there after signing in again.
 */
export function SessionExpiredDialog({ email, endedAt, onSignedIn, onSignOut }: SessionExpiredDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Modal title={t('sessionEnded.title')} className="session-dialog">
      <p>{t('sessionEnded.at', { time: format.localDateTime(endedAt) })}</p>
      <p>{t('sessionEnded.body')}</p>
      <LoginForm defaultEmail={email} onSignedIn={onSignedIn} focusPassword />
      <p className="hint">{t('sessionEnded.otherUser')}</p>
      <div className="actions">
        <button
          type="button"
          className="button link"
          onClick={() => {
            void onSignOut().then(() => window.location.assign('/login'));
          }}
        >
          {t('sessionEnded.signOut')}
        </button>
      </div>
    </Modal>
  );
}

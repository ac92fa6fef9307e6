import { type RefObject, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Modal } from '../components/modal';

/**
 * Asks before leaving a form with unsaved entries: in-app navigation through react-router's
 * blocker, closing or reloading the tab through beforeunload. `dirty` is a ref so a save followed
 * at once by navigation is not held up by a render that has not happened yet.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: RefObject<boolean> }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty.current === true &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      event.preventDefault();
      // Older browsers need a returnValue to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Modal title={t('participants.unsaved.title')} onClose={() => blocker.reset()}>
      <div className="stack">
        <p>{t('participants.unsaved.body')}</p>
        <div className="actions">
          <button type="button" className="button primary" data-autofocus onClick={() => blocker.reset()}>
            {t('participants.unsaved.stay')}
          </button>
          <button type="button" className="button danger" onClick={() => blocker.proceed()}>
            {t('participants.unsaved.leave')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

import { type Capability, canAny } from '@mini-edc/domain';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { screen } from '../lib/screen';
import { useSession } from './session-context';

// The definition's schema is large; it loads after sign-in, with the first protected screen.
export const loadStudyGate = () => import('../forms/study-gate');
export const studyGate = screen(loadStudyGate, (m) => m.StudyGate);
const StudyGate = studyGate.Component;

/**
 * Guards protected routes: signed out → /login (coming back here afterwards); no capability → a
 * plain refusal. While a session has just expired the user is kept, so the page stays mounted.
 */
export function RequireAuth({ needs, study = true }: { needs?: readonly Capability[]; study?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { status, user, refresh } = useSession();

  if (status === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (status === 'error') {
    return (
      <div role="alert" className="alert alert-error">
        <p>{t('errors.network')}</p>
        <button type="button" className="button" onClick={() => void refresh()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!user) return <Navigate to="/login" replace state={{ from: location }} />;
  if (needs && !canAny(user, needs)) {
    return (
      <section className="panel">
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.body', { role: t(`roles.${user.role}`) })}</p>
      </section>
    );
  }
  // The screens behind a sign-in draw on the study definition the server serves.
  return study ? (
    <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
      <StudyGate>
        <Outlet />
      </StudyGate>
    </Suspense>
  ) : (
    <Outlet />
  );
}

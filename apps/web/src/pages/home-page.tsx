import { type Health, healthSchema } from '@mini-edc/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../api/client';
import { useSession } from '../auth/session-context';
import { useFormat } from '../i18n/format';
import { describeError } from '../i18n/messages';
import { navFor } from '../navigation';

/** Public start page: the study, the server's health, and sign-in or the user's sections. */
export function HomePage() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => apiFetch<Health>('/health', { schema: healthSchema }),
    retry: false,
  });
  if (health.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (health.isError) {
    return (
      <p role="alert" className="alert alert-error">
        {describeError(health.error)}
      </p>
    );
  }
  const { study, database } = health.data;
  return (
    <section className="stack">
      <h1>{study.name}</h1>
      <p>
        {t('home.study')} <strong>{study.id}</strong>
      </p>
      <p data-testid="health-status" className="muted">
        {t('home.health', {
          status: health.data.status,
          engine: database.engine,
          reachable: database.reachable ? t('home.reachable') : t('home.unreachable'),
        })}
      </p>
      <Welcome />
    </section>
  );
}

function Welcome() {
  const { t } = useTranslation();
  const format = useFormat();
  const { user, session, status } = useSession();
  if (status === 'loading') return null;
  if (!user || !session) {
    return (
      <div className="panel">
        <p>{t('home.signInPrompt')}</p>
        <Link to="/login" className="button primary">
          {t('header.signIn')}
        </Link>
      </div>
    );
  }
  const items = navFor(user);
  return (
    <div className="panel">
      <p>{t('home.welcome', { name: user.displayName })}</p>
      <h2>{t('home.yourSections')}</h2>
      <ul className="section-links">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{t(item.label)}</Link>
          </li>
        ))}
      </ul>
      <p className="hint">
        {t('home.sessionUntil', { time: format.localDateTime(session.absoluteExpiresAt) })}
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { isSessionEnded } from '../api/client';
import { describeError } from '../i18n/messages';

/** A list that failed to load, with a retry. Silent while the session dialog handles a 401. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isSessionEnded(error)) return null;
  return (
    <div role="alert" className="alert alert-error">
      <p>
        {t('errors.loadFailed')} {describeError(error)}
      </p>
      <button type="button" className="button small" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

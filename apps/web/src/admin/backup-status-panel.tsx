import { type BackupStatus, backupStatusSchema } from '@mini-edc/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client';
import { QueryError } from '../components/query-error';
import { useFormat } from '../i18n/format';

function Details({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { latest, folder } = status;
  return (
    <>
      {status.overdue ? (
        <p role="alert" className="alert alert-error">
          {t('admin.backups.overdue', { hours: status.maxAgeHours })}
        </p>
      ) : null}
      {latest ? (
        <>
          <p>
            {t('admin.backups.latest', {
              time: f.dateTime(latest.takenAt),
              size: `${f.number(Math.ceil(latest.bytes / 1024))} KB`,
              folder,
            })}
          </p>
          <p className={latest.verified ? undefined : 'alert alert-error'}>
            {latest.verified
              ? t('admin.backups.verified')
              : t('admin.backups.failed', {
                  checks: latest.failedChecks
                    .map((name) => t(`admin.backups.checks.${name}`, { defaultValue: name }))
                    .join(', '),
                })}
          </p>
        </>
      ) : (
        <p>{t('admin.backups.none', { folder })}</p>
      )}
    </>
  );
}

/** When the last backup ran and whether it verified, from the manifests (docs/backup.md). */
export function BackupStatusPanel() {
  const { t } = useTranslation();
  const status = useQuery({
    queryKey: ['admin', 'backup-status'],
    queryFn: () => apiFetch('/admin/backup-status', { schema: backupStatusSchema }),
  });
  return (
    <section className="panel stack" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('admin.backups.title')}</h2>
      {status.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {status.isError ? <QueryError error={status.error} onRetry={() => void status.refetch()} /> : null}
      {status.data ? <Details status={status.data} /> : null}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusNotice } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { useSites } from './admin-api';
import { BackupStatusPanel } from './backup-status-panel';
import { SiteCreateForm } from './site-create-form';
import { SiteRow } from './site-row';

export function SitesPage() {
  const { t } = useTranslation();
  const sites = useSites();
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="stack">
      <h1>{t('admin.sites.title')}</h1>
      <p className="muted">{t('admin.sites.intro')}</p>
      <StatusNotice message={notice} />
      {sites.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {sites.isError ? <QueryError error={sites.error} onRetry={() => void sites.refetch()} /> : null}
      {sites.data && sites.data.length === 0 ? <p className="muted">{t('admin.sites.empty')}</p> : null}
      {sites.data && sites.data.length > 0 ? (
        <table className="responsive-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.sites.code')}</th>
              <th scope="col">{t('admin.sites.name')}</th>
              <th scope="col">{t('admin.created')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.data.map((site) => (
              <SiteRow
                key={site.id}
                site={site}
                onRenamed={(s) => setNotice(t('admin.sites.renamed', { code: s.code }))}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="panel">
        <SiteCreateForm onCreated={(s) => setNotice(t('admin.sites.added', { code: s.code }))} />
      </div>
      <BackupStatusPanel />
    </section>
  );
}

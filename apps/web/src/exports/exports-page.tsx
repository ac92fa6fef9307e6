import '../styles/monitor.css';
import { type ExportFormat, type ExportManifest, exportManifestSchema } from '@mini-edc/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client';
import { useSession } from '../auth/session-context';
import { describeError } from '../i18n/messages';
import { type DownloadedExport, downloadExport, saveFile } from './download-export';

const formats: { format: ExportFormat; path: string }[] = [
  { format: 'wide_csv', path: '/exports/wide.csv' },
  { format: 'long_csv', path: '/exports/long.csv' },
  { format: 'dictionary_csv', path: '/exports/dictionary.csv' },
  { format: 'dictionary_md', path: '/exports/dictionary.md' },
  { format: 'odm_xml', path: '/exports/odm.xml' },
];

interface Finished {
  file: DownloadedExport;
  manifest: ExportManifest | null;
}

/** Downloads for the statistician (R-EXPORT-1): each format, with progress and its manifest. */
export function ExportsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const siteSelectId = useId();
  const [siteId, setSiteId] = useState('');
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [bytes, setBytes] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [finished, setFinished] = useState<Finished | null>(null);

  async function run(format: ExportFormat, path: string) {
    setRunning(format);
    setBytes(0);
    setError(null);
    setFinished(null);
    try {
      const file = await downloadExport(`${path}${siteId ? `?siteId=${siteId}` : ''}`, (p) =>
        setBytes(p.bytes),
      );
      saveFile(file.blob, file.fileName);
      const manifest = file.exportId
        ? await apiFetch(`/exports/${file.exportId}/manifest`, { schema: exportManifestSchema }).catch(
            () => null,
          )
        : null;
      setFinished({ file, manifest });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setRunning(null);
    }
  }

  const size = (n: number) =>
    n < 1_048_576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1_048_576).toFixed(1)} MB`;
  return (
    <section className="stack">
      <h1>{t('exports.title')}</h1>
      <p className="muted">{t('exports.intro')}</p>
      {user && user.sites.length > 1 ? (
        <div className="field">
          <label htmlFor={siteSelectId}>{t('exports.site')}</label>
          <select id={siteSelectId} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <option value="">{t('exports.allSites')}</option>
            {user.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} · {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ul className="export-list">
        {formats.map(({ format, path }) => (
          <li key={format} className="panel export-item">
            <div>
              <strong>{t(`exports.formats.${format}.name`)}</strong>
              <p className="muted">{t(`exports.formats.${format}.about`)}</p>
            </div>
            <button
              type="button"
              className="button primary"
              disabled={running !== null}
              onClick={() => void run(format, path)}
            >
              {t('exports.download')}
            </button>
          </li>
        ))}
      </ul>
      {running ? (
        <div className="panel" role="status" aria-live="polite">
          <label>
            {t('exports.progress', { size: size(bytes) })}
            <progress aria-label={t('exports.progressLabel')} />
          </label>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {finished ? (
        <div className="panel" role="status">
          <p>
            <strong>
              {t('exports.done', { file: finished.file.fileName, size: size(finished.file.blob.size) })}
            </strong>
          </p>
          {finished.manifest ? (
            <dl className="manifest">
              <dt>{t('exports.rows')}</dt>
              <dd>{finished.manifest.rowCount ?? '—'}</dd>
              <dt>SHA-256</dt>
              <dd className="mono">{finished.file.sha256}</dd>
              <dt>{t('exports.check')}</dt>
              <dd>
                {finished.manifest.sha256 === finished.file.sha256
                  ? t('exports.matches')
                  : t('exports.differs')}
              </dd>
              <dt>{t('exports.auditHead')}</dt>
              <dd className="mono">{finished.manifest.auditHead?.headsDigest ?? '—'}</dd>
            </dl>
          ) : null}
          {finished.file.exportId ? (
            <a
              href={`/api/v1/exports/${finished.file.exportId}/manifest`}
              download={`${finished.file.fileName}.manifest.json`}
            >
              {t('exports.manifest')}
            </a>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

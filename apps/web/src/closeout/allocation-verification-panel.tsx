import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { downloadExport, saveFile } from '../exports/download-export';
import { useFormat } from '../i18n/format';
import { describeError } from '../i18n/messages';
import { useRandomizationLists } from '../randomization/randomization-api';
import { useVerifications, useVerifyAllocation } from './closeout-api';

async function download(path: string, onError: (message: string) => void) {
  try {
    const file = await downloadExport(path, () => {});
    saveFile(file.blob, file.fileName);
  } catch (error) {
    onError(describeError(error));
  }
}

/** After lock: re-derive the list from the seed (or file) and keep the reports (docs/closeout.md). */
export function AllocationVerificationPanel({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lists = useRandomizationLists();
  const verifications = useVerifications();
  const verify = useVerifyAllocation();
  const listSelectId = useId();
  const fileId = useId();
  const [listId, setListId] = useState('');
  const [seedHex, setSeedHex] = useState('');
  const [csv, setCsv] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = lists.data?.find((l) => l.id === (listId || lists.data?.[0]?.id));

  async function run() {
    if (!chosen) return;
    setError(null);
    try {
      await verify.mutateAsync(
        chosen.method === 'generated'
          ? { listId: chosen.id, seedHex: seedHex.trim() }
          : { listId: chosen.id, csv },
      );
      setSeedHex('');
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <section className="panel stack" aria-labelledby="verification-title">
      <h2 id="verification-title">{t('closeout.verification.title')}</h2>
      <p className="muted">{t('closeout.verification.intro')}</p>
      {!locked ? <p className="panel notice">{t('closeout.verification.notLocked')}</p> : null}
      {lists.isError ? <QueryError error={lists.error} onRetry={() => void lists.refetch()} /> : null}
      {locked && lists.data && lists.data.length > 0 ? (
        <div className="stack">
          <FormAlert message={error} />
          <div className="field">
            <label htmlFor={listSelectId}>{t('closeout.verification.list')}</label>
            <select id={listSelectId} value={chosen?.id ?? ''} onChange={(e) => setListId(e.target.value)}>
              {lists.data.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} ({t(`randomizationLists.methods.${l.method}`)})
                </option>
              ))}
            </select>
          </div>
          {chosen?.method === 'generated' ? (
            <TextField
              label={t('closeout.verification.seed')}
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={seedHex}
              onChange={(e) => setSeedHex(e.target.value)}
            />
          ) : (
            <div className="field">
              <label htmlFor={fileId}>{t('closeout.verification.file')}</label>
              <input
                id={fileId}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)}
              />
            </div>
          )}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={verify.isPending}
              onClick={() => void run()}
            >
              {verify.isPending ? t('closeout.verification.running') : t('closeout.verification.run')}
            </button>
            {chosen ? (
              <button
                type="button"
                className="button"
                onClick={() =>
                  void download(`/closeout/randomization-lists/${chosen.id}/allocation-export.json`, setError)
                }
              >
                {t('closeout.verification.export')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <h3>{t('closeout.verification.reports')}</h3>
      {verifications.data && verifications.data.length === 0 ? (
        <p className="muted">{t('closeout.verification.none')}</p>
      ) : null}
      {verifications.data && verifications.data.length > 0 ? (
        <table className="responsive-table" data-testid="verification-reports">
          <thead>
            <tr>
              <th scope="col">{t('closeout.verification.columns.when')}</th>
              <th scope="col">{t('closeout.verification.columns.list')}</th>
              <th scope="col">{t('closeout.verification.columns.verdict')}</th>
              <th scope="col">{t('closeout.verification.columns.files')}</th>
            </tr>
          </thead>
          <tbody>
            {verifications.data.map((v) => (
              <tr key={v.id}>
                <td data-label={t('closeout.verification.columns.when')}>{fmt.dateTime(v.verifiedAt)}</td>
                <td data-label={t('closeout.verification.columns.list')}>{v.listName}</td>
                <td data-label={t('closeout.verification.columns.verdict')}>
                  <span className={v.match ? 'badge badge-ok' : 'badge badge-danger'}>
                    {v.match ? t('closeout.verification.match') : t('closeout.verification.mismatch')}
                  </span>
                  <span className="cell-sub" lang="en">
                    {v.verdict}
                  </span>
                </td>
                <td data-label={t('closeout.verification.columns.files')}>
                  <a
                    href={`/api/v1/closeout/allocation-verifications/${v.id}/report.html`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t('closeout.verification.html')}
                  </a>{' '}
                  ·{' '}
                  <a href={`/api/v1/closeout/allocation-verifications/${v.id}/report.pdf`}>
                    {t('closeout.verification.pdf')}
                  </a>
                  <span className="cell-sub mono break small">
                    {t('closeout.verification.sha256')} {v.pdfSha256}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

import { odiStatementLanguages } from '@mini-edc/domain';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { StatusNotice } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { useLoadOdiStatements, useOdiStatements } from '../forms/odi-statements-api';
import { codedFieldText } from '../i18n/field-codes';
import { useFormat } from '../i18n/format';
import { describeError } from '../i18n/messages';

/** JSON (an array of rows, or `{ statements }`) or CSV, told apart by the file's first character. */
function uploadOf(text: string): { statements: unknown } | { csv: string } | { notJson: string } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return { csv: text };
  try {
    const parsed: unknown = JSON.parse(trimmed);
    const statements = Array.isArray(parsed)
      ? parsed
      : typeof parsed === 'object' && parsed !== null && 'statements' in parsed
        ? parsed.statements
        : parsed;
    return { statements };
  } catch (error) {
    return { notJson: error instanceof Error ? error.message : '' };
  }
}

/**
 * The admin loads the study's licensed ODI statements as data (protocol §3.4; docs/study-definition.md,
 * "Instrument texts"): the texts are never part of the software.
 */
export function OdiStatementsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const fileId = useId();
  const current = useOdiStatements();
  const load = useLoadOdiStatements();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setProblems([]);
    setNotice(null);
    setText((await event.target.files?.[0]?.text()) ?? '');
  };
  const submit = async () => {
    setProblems([]);
    setNotice(null);
    const upload = uploadOf(text);
    if ('notJson' in upload) {
      setProblems([t('odiStatements.notJson', { detail: upload.notJson })]);
      return;
    }
    try {
      const set = await load.mutateAsync(upload);
      const names = odiStatementLanguages.filter((l) => set.languages[l]).map((l) => t(`locales.${l}`));
      setNotice(t('odiStatements.loaded', { languages: names.join(', ') }));
    } catch (error) {
      const fields = error instanceof ApiError ? (error.body?.error.fields ?? []) : [];
      setProblems([describeError(error), ...fields.map((f) => codedFieldText(f, i18n.t))]);
    }
  };

  return (
    <section className="stack">
      <h1>{t('odiStatements.title')}</h1>
      <p className="muted">{t('odiStatements.intro')}</p>
      <StatusNotice message={notice} />
      <div className="panel">
        <h2>{t('odiStatements.current')}</h2>
        {current.isPending ? (
          <p className="muted">{t('common.loading')}</p>
        ) : current.isError ? (
          <QueryError error={current.error} onRetry={() => void current.refetch()} />
        ) : (
          <ul data-testid="odi-statements-current">
            {odiStatementLanguages.map((l) => (
              <li key={l}>
                {t(
                  current.data.languages[l]
                    ? 'odiStatements.languageLoaded'
                    : 'odiStatements.languageMissing',
                  {
                    language: t(`locales.${l}`),
                  },
                )}
              </li>
            ))}
            {current.data.loadedAt ? (
              <li>{t('odiStatements.loadedAt', { at: format.dateTime(current.data.loadedAt) })}</li>
            ) : null}
          </ul>
        )}
      </div>
      <div className="panel stack">
        <div className="field">
          <label htmlFor={fileId}>{t('odiStatements.file')}</label>
          <p className="muted" id={`${fileId}-hint`}>
            {t('odiStatements.format')}
          </p>
          <input
            id={fileId}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby={`${fileId}-hint`}
            aria-invalid={problems.length > 0}
            onChange={(e) => void choose(e)}
          />
        </div>
        {problems.length > 0 ? (
          <div className="alert alert-error" role="alert">
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={load.isPending || text.trim() === ''}
            onClick={() => void submit()}
          >
            {load.isPending ? t('odiStatements.loading') : t('odiStatements.load')}
          </button>
        </div>
      </div>
    </section>
  );
}

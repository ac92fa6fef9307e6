import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { StatusNotice } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { useStudyVersion } from '../forms/study-gate';
import { useFormat } from '../i18n/format';
import { describeError } from '../i18n/messages';
import { AmendmentReviewPanel } from './amendment-review';
import { useCreateDraft, useDefinitionVersions } from './amendments-api';
import { definitionProblemLines } from './definition-problem-text';

/**
 * Protocol amendments for admins (R-DEF-5; docs/study-definition.md "Amendments"): the published
 * versions, a draft pasted or uploaded as JSON, its difference and conflicts, and publishing.
 */
export function AmendmentsPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<{ id: string; definition: unknown } | null>(null);
  // Publishing makes a new study version, and the StudyGate draws every screen again for it (this
  // one too): the confirmation lives in the address so it survives that.
  const [search, setSearch] = useSearchParams();
  const published = search.get('published');
  const notice = published
    ? t('amendments.published', { version: published, visits: search.get('visits') ?? '0' })
    : null;
  return (
    <section className="stack">
      <h1>{t('amendments.title')}</h1>
      <p className="muted">{t('amendments.intro')}</p>
      <StatusNotice message={notice} />
      <VersionsTable />
      <DraftForm
        onStored={(id, definition) => {
          setSearch({});
          setDraft({ id, definition });
        }}
      />
      {draft ? (
        <AmendmentReviewPanel
          key={draft.id}
          draftId={draft.id}
          draft={draft.definition}
          onPublished={(version, visits) => {
            setDraft(null);
            setSearch({ published: String(version), visits: String(visits) });
          }}
        />
      ) : null}
    </section>
  );
}

function VersionsTable() {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useDefinitionVersions();
  if (versions.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (versions.isError) return <QueryError error={versions.error} onRetry={() => void versions.refetch()} />;
  return (
    <div className="panel">
      <h2>{t('amendments.versions')}</h2>
      <table className="responsive-table">
        <thead>
          <tr>
            <th scope="col">{t('amendments.version')}</th>
            <th scope="col">{t('amendments.publishedAt')}</th>
            <th scope="col">{t('amendments.publishedBy')}</th>
            <th scope="col">{t('amendments.reason')}</th>
            <th scope="col">{t('amendments.changeCount')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.data.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{format.dateTime(v.publishedAt)}</td>
              <td>{v.publishedBy ?? t('amendments.seed')}</td>
              <td>{v.reason}</td>
              <td>{v.changes.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DraftForm({ onStored }: { onStored: (id: string, definition: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const study = useStudyVersion();
  const create = useCreateDraft();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };
  const store = async () => {
    setProblems([]);
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (error) {
      setProblems([t('amendments.notJson', { detail: error instanceof Error ? error.message : '' })]);
      return;
    }
    try {
      onStored((await create.mutateAsync(definition)).id, definition);
    } catch (error) {
      // A refused definition lists each problem by code, worded here with the draft's labels.
      const fields = error instanceof ApiError ? (error.body?.error.fields ?? []) : [];
      setProblems(
        fields.length > 0
          ? [t('amendments.invalid'), ...definitionProblemLines(fields, definition, i18n.language, t)]
          : [describeError(error)],
      );
    }
  };

  return (
    <div className="panel stack">
      <h2>{t('amendments.draftTitle')}</h2>
      <div className="field">
        <label htmlFor="amendment-json">{t('amendments.draftLabel')}</label>
        <p className="muted" id="amendment-json-hint">
          {t('amendments.draftHint')}
        </p>
        <textarea
          id="amendment-json"
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="amendment-json-hint"
          aria-invalid={problems.length > 0}
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
        <label className="button">
          {t('amendments.upload')}
          <input type="file" accept="application/json,.json" hidden onChange={(e) => void upload(e)} />
        </label>
        <button
          type="button"
          className="button"
          disabled={!study.data}
          onClick={() => study.data && setText(JSON.stringify(study.data.definition, null, 2))}
        >
          {t('amendments.loadCurrent')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={create.isPending || text.trim() === ''}
          onClick={() => void store()}
        >
          {t('amendments.storeDraft')}
        </button>
      </div>
    </div>
  );
}

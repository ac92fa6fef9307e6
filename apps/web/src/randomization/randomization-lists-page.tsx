import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusNotice } from '../components/form-alert';
import { QueryError } from '../components/query-error';
import { useFormat } from '../i18n/format';
import { GenerateListDialog } from './generate-list-dialog';
import { ImportListForm } from './import-list-form';
import { useRandomizationLists } from './randomization-api';

/**
 * Randomization lists (protocol §4.2–4.3): per stratum, total and assigned slots only (never what
 * comes next), the commitment, and which list is active.
 */
export function RandomizationListsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lists = useRandomizationLists();
  const [generating, setGenerating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('randomizationLists.title')}</h1>
        <button type="button" className="button primary" onClick={() => setGenerating(true)}>
          {t('randomizationLists.generateNew')}
        </button>
      </div>
      <p className="muted">{t('randomizationLists.intro')}</p>
      <StatusNotice message={notice} />
      {lists.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {lists.isError ? <QueryError error={lists.error} onRetry={() => void lists.refetch()} /> : null}
      {lists.data && lists.data.length === 0 ? (
        <p className="panel notice">{t('randomizationLists.empty')}</p>
      ) : null}
      {lists.data && lists.data.length > 0 ? (
        <table className="responsive-table">
          <thead>
            <tr>
              <th scope="col">{t('randomizationLists.name')}</th>
              <th scope="col">{t('randomizationLists.method')}</th>
              <th scope="col">{t('randomizationLists.strata')}</th>
              <th scope="col">{t('randomizationLists.commitment')}</th>
            </tr>
          </thead>
          <tbody>
            {[...lists.data].reverse().map((list) => (
              <tr key={list.id}>
                <th scope="row" data-label={t('randomizationLists.name')}>
                  <span className="cell-title">
                    {list.name}{' '}
                    {list.active ? (
                      <span className="badge badge-ok">{t('randomizationLists.active')}</span>
                    ) : (
                      <span className="badge badge-off">{t('randomizationLists.inactive')}</span>
                    )}
                  </span>
                  <span className="cell-sub">{fmt.dateTime(list.createdAt)}</span>
                </th>
                <td data-label={t('randomizationLists.method')}>
                  {t(`randomizationLists.methods.${list.method}`)}
                </td>
                <td data-label={t('randomizationLists.strata')}>
                  <ul className="plain-list">
                    {list.strata.map((s) => (
                      <li key={s.stratum}>
                        <strong>{s.stratum}</strong>{' '}
                        {t('randomizationLists.assignedOf', { assigned: s.assigned, total: s.total })}
                      </li>
                    ))}
                  </ul>
                </td>
                <td data-label={t('randomizationLists.commitment')}>
                  <span className="mono break small">{list.commitment}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="panel">
        <ImportListForm onImported={(name) => setNotice(t('randomizationLists.imported', { name }))} />
      </div>
      {generating ? <GenerateListDialog onClose={() => setGenerating(false)} /> : null}
    </section>
  );
}

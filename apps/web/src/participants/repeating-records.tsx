import type { FormRecord } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { RecordHistoryDialog } from '../forms/record-history-dialog';
import { RecordStatusBadge } from '../forms/record-status-badge';
import { formDefinition, localized, study, visitTitle } from '../forms/study';
import { formLink } from './participant-links';
import type { ParticipantView } from './participants-api';
import { canEnterForm } from './permissions';
import { RecordSummary } from './record-summary';

export const isSeriousAe = (r: FormRecord) =>
  r.formCode === study.roles.adverseEvent.form && r.data[study.roles.adverseEvent.seriousField] === 'yes';

/** Records of a repeating form (sessions, adverse events, deviations) and "add another". */
export function RepeatingRecords({
  participant: p,
  formCode,
  newVisitCode,
  addLabel,
  emptyText,
  blocked,
}: {
  participant: ParticipantView;
  formCode: string;
  /** Visit a new record is filed under (TX for treatment, UNS for events). */
  newVisitCode: string;
  addLabel: string;
  emptyText: string;
  blocked?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [history, setHistory] = useState<FormRecord | null>(null);
  const form = formDefinition(formCode);
  const records = p.records.filter((r) => r.formCode === formCode);
  const nextSeq = Math.max(0, ...records.filter((r) => r.visitCode === newVisitCode).map((r) => r.seq)) + 1;
  const editable = canEnterForm(user?.role, formCode) && !blocked;
  const visitLabel = (code: string) => visitTitle(code, i18n.language);
  const descriptionOf = (r: FormRecord) =>
    typeof r.data.description === 'string' ? r.data.description : null;

  return (
    <section className="panel stack" aria-labelledby={`records-${formCode}`}>
      <div className="section-head">
        <h2 id={`records-${formCode}`}>{localized(form.label, i18n.language)}</h2>
        {editable ? (
          <Link className="button primary small" to={formLink(p.id, newVisitCode, formCode, nextSeq)}>
            {addLabel}
          </Link>
        ) : null}
      </div>
      {blocked ? <p className="notice">{blocked}</p> : null}
      {records.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <table className="compact-table">
          <caption className="sr-only">{localized(form.label, i18n.language)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.forms.record')}</th>
              <th scope="col">{t('participants.forms.value')}</th>
              <th scope="col">{t('participants.statusLabel')}</th>
              <th scope="col">
                <span className="sr-only">{t('participants.forms.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => {
              const serious = isSeriousAe(r);
              const name = `${visitLabel(r.visitCode)} #${r.seq}`;
              return (
                <tr key={r.id} className={serious ? 'serious-row' : undefined}>
                  <th scope="row">
                    {name}
                    {serious ? (
                      <span className="badge badge-serious">{t('participants.ae.serious')}</span>
                    ) : null}
                  </th>
                  <td>
                    <RecordSummary record={r} />
                    {descriptionOf(r) ? <span className="cell-sub">{descriptionOf(r)}</span> : null}
                  </td>
                  <td>
                    <RecordStatusBadge record={r} />
                  </td>
                  <td>
                    <div className="row-actions">
                      <Link
                        className="button small"
                        to={formLink(p.id, r.visitCode, formCode, r.seq)}
                        aria-label={`${editable ? t('participants.forms.open') : t('participants.forms.view')}: ${name}`}
                      >
                        {editable ? t('participants.forms.open') : t('participants.forms.view')}
                      </Link>
                      <button
                        type="button"
                        className="button small"
                        aria-label={`${t('participants.history.open')}: ${name}`}
                        onClick={() => setHistory(r)}
                      >
                        {t('participants.history.open')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {history ? (
        <RecordHistoryDialog recordId={history.id} form={form} onClose={() => setHistory(null)} />
      ) : null}
    </section>
  );
}

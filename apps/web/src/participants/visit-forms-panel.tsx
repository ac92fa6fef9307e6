import type { FormRecord } from '@mini-edc/domain';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayEnterForm } from '../auth/access';
import { useSession } from '../auth/session-context';
import { StatusNotice } from '../components/form-alert';
import { RecordHistoryDialog } from '../forms/record-history-dialog';
import { RecordStatusBadge } from '../forms/record-status-badge';
import { formDefinition, localized } from '../forms/study';
import { formLink } from './participant-links';
import type { ParticipantView } from './participants-api';
import { RecordSummary } from './record-summary';
import { SignVisitButton } from './sign-visit-dialog';

/** The forms of one visit with their status, version and key value; open, history, sign. */
export function VisitFormsPanel({
  participant,
  visitCode,
  formCodes,
  title,
  blocked,
  meta,
  actions,
}: {
  participant: ParticipantView;
  visitCode: string;
  formCodes: string[];
  title: string;
  /** Why entry is not possible yet (e.g. consent missing); forms are listed read-only. */
  blocked?: string | null;
  /** Under the heading: the visit's window and status. */
  meta?: ReactNode;
  /** Beside the sign button: mark done / missed. */
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [history, setHistory] = useState<FormRecord | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const records = participant.records.filter((r) => r.visitCode === visitCode);
  const recordOf = (code: string) => records.find((r) => r.formCode === code && r.seq === 1);

  return (
    <section className="panel stack visit-panel" aria-labelledby={`visit-${visitCode}-title`}>
      <div className="section-head">
        <h2 id={`visit-${visitCode}-title`}>{title}</h2>
        <div className="section-actions">
          {actions}
          <SignVisitButton
            participant={participant}
            visitCode={visitCode}
            title={title}
            onSigned={setNotice}
          />
        </div>
      </div>
      {meta}
      <StatusNotice message={notice} />
      {blocked ? <p className="notice">{blocked}</p> : null}
      <table className="compact-table forms-table">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('participants.forms.form')}</th>
            <th scope="col">{t('participants.statusLabel')}</th>
            <th scope="col">{t('participants.forms.value')}</th>
            <th scope="col">
              <span className="sr-only">{t('participants.forms.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {formCodes.map((code) => {
            const form = formDefinition(code);
            const record = recordOf(code);
            const label = localized(form.label, i18n.language);
            const editable = mayEnterForm(user, code) && !blocked;
            return (
              <tr key={code}>
                <th scope="row">{label}</th>
                <td>
                  <span className="inline-badges">
                    <RecordStatusBadge record={record} />
                    {record ? (
                      <span className="muted small">
                        {t('participants.form.version', { version: record.version })}
                      </span>
                    ) : null}
                  </span>
                </td>
                <td>{record ? <RecordSummary record={record} /> : null}</td>
                <td>
                  <div className="row-actions">
                    {editable || record ? (
                      <Link
                        className={record ? 'button small' : 'button small primary'}
                        to={formLink(participant.id, visitCode, code)}
                        aria-label={`${record ? (editable ? t('participants.forms.open') : t('participants.forms.view')) : t('participants.forms.enter')}: ${label}`}
                      >
                        {record
                          ? editable
                            ? t('participants.forms.open')
                            : t('participants.forms.view')
                          : t('participants.forms.enter')}
                      </Link>
                    ) : null}
                    {record ? (
                      <button
                        type="button"
                        className="button small"
                        aria-label={`${t('participants.history.open')}: ${label}`}
                        onClick={() => setHistory(record)}
                      >
                        {t('participants.history.open')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {history ? (
        <RecordHistoryDialog
          recordId={history.id}
          form={formDefinition(history.formCode)}
          onClose={() => setHistory(null)}
        />
      ) : null}
    </section>
  );
}

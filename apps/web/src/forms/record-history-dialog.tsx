import type { FormDefinition } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/modal';
import { QueryError } from '../components/query-error';
import { useRecordHistory } from '../participants/participants-api';
import { localized } from './study';
import { valueText } from './value-text';

const hiddenColumns = new Set([
  'id',
  'participant_id',
  'site_id',
  'visit_code',
  'form_code',
  'seq',
  'created_at',
  'updated_at',
]);

/** "25 Nov 2026, 22:24:08" in the user's zone and "2026-11-25 19:24:08 UTC" side by side. */
function useInstant() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'tr' ? 'tr-TR' : 'en-GB';
  return {
    local: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso)),
    utc: (iso: string) => `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`,
  };
}

/**
 * Every version of a record from the audit trail: who (name and role), when (local and UTC), what
 * changed (old → new) and why; then its signatures, valid or void with the reason.
 */
export function RecordHistoryDialog({
  recordId,
  form,
  onClose,
}: {
  recordId: string;
  form: FormDefinition;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const history = useRecordHistory(recordId);
  const instant = useInstant();
  const fieldOf = (name: string) => form.fields.find((f) => f.name === name);
  const labelOf = (name: string) => {
    const field = fieldOf(name);
    if (field) return localized(field.label, i18n.language);
    return name === 'status' || name === 'version' ? t(`participants.history.${name}Field`) : name;
  };
  /** Field-level changes a person reviews: data fields, status and version; not row keys or stamps. */
  const visibleChanges = (changes: { field: string; old: unknown; new: unknown }[]) =>
    changes
      .map((c) => ({ ...c, field: c.field.replace(/^data\./, '') }))
      .filter((c) => !hiddenColumns.has(c.field))
      .filter(
        (c) =>
          valueText(fieldOf(c.field), c.old, i18n.language) !==
          valueText(fieldOf(c.field), c.new, i18n.language),
      );

  return (
    <Modal
      title={t('participants.history.title', { form: localized(form.label, i18n.language) })}
      onClose={onClose}
      className="drawer"
    >
      {history.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {history.isError ? <QueryError error={history.error} onRetry={() => void history.refetch()} /> : null}
      {history.data ? (
        <div className="stack">
          <ol className="history-list">
            {[...history.data.history].reverse().map((entry) => (
              <li key={entry.auditId} className="history-entry">
                <p className="history-head">
                  <strong>{entry.actorLabel ?? t('participants.history.system')}</strong>{' '}
                  <span className="muted">
                    ({t(`roles.${entry.actorRole}` as 'roles.admin', { defaultValue: entry.actorRole })})
                  </span>{' '}
                  · <span className="badge badge-off">{entry.action}</span>
                </p>
                <p className="history-time">
                  <time dateTime={entry.occurredAt}>{instant.local(entry.occurredAt)}</time>
                  <span className="muted"> · {instant.utc(entry.occurredAt)}</span>
                </p>
                {entry.reason ? (
                  <p>
                    <span className="muted">{t('participants.history.reason')}:</span> {entry.reason}
                  </p>
                ) : null}
                {visibleChanges(entry.changes).length > 0 ? (
                  <table className="compact-table">
                    <caption className="sr-only">{t('participants.history.changes')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('participants.history.field')}</th>
                        <th scope="col">{t('participants.history.old')}</th>
                        <th scope="col">{t('participants.history.new')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {visibleChanges(entry.changes).map((c) => (
                        <tr key={c.field}>
                          <th scope="row">{labelOf(c.field)}</th>
                          <td className="old-value">{valueText(fieldOf(c.field), c.old, i18n.language)}</td>
                          <td>{valueText(fieldOf(c.field), c.new, i18n.language)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </li>
            ))}
          </ol>
          <h3>{t('participants.history.signatures')}</h3>
          {history.data.signatures.length === 0 ? (
            <p className="muted">{t('participants.history.noSignatures')}</p>
          ) : (
            <ul className="history-list">
              {history.data.signatures.map((s) => (
                <li key={s.id} className="history-entry">
                  <p className="history-head">
                    <strong>{s.signerName}</strong> ·{' '}
                    {s.valid && !s.voidedAt ? (
                      <span className="badge badge-ok">{t('participants.history.valid')}</span>
                    ) : (
                      <span className="badge badge-danger">{t('participants.history.void')}</span>
                    )}
                  </p>
                  <p className="history-time">
                    <time dateTime={s.signedAt}>{instant.local(s.signedAt)}</time>
                    <span className="muted"> · {instant.utc(s.signedAt)}</span>
                  </p>
                  <p>
                    <span className="muted">{t('participants.history.meaning')}:</span> “{s.meaning}” ·{' '}
                    {t('participants.history.version', { version: s.recordVersion })}
                  </p>
                  {s.voidedAt ? (
                    <p>
                      <span className="muted">{t('participants.history.voidReason')}:</span>{' '}
                      {s.voidReason ?? t('common.none')}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </Modal>
  );
}

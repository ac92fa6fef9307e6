import type { AuditEntry } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldLabel, findField, formLabel, valueText, visitLabel } from '../review/study-labels';
import { useReviewFormat } from '../review/time-format';
import { isAuditAction, isAuditTable, isKnownRole } from './audit-vocabulary';

export interface RecordInfo {
  formCode: string;
  visitCode: string;
}

interface AuditTableProps {
  entries: readonly AuditEntry[];
  /** form_records id → its form and visit, where known (INSERT rows, the participant's records). */
  records: ReadonlyMap<string, RecordInfo>;
  /** Study id → where the participant opens for this user (review page or participant page). */
  participantHref: (studyId: string) => string | null;
}

/** Changes shown before the rest fold away (an INSERT names every column). */
const SHOWN_CHANGES = 6;

/**
 * The audit trail, one row per entry: when (UTC and local, to the second), who (user, role,
 * site), what (action, table or form, record, participant), old → new per field, and why.
 * On tablet and phone widths each row becomes a card (.responsive-table).
 */
export function AuditTable({ entries, records, participantHref }: AuditTableProps) {
  const { t } = useTranslation();
  return (
    <table className="responsive-table audit-table">
      <caption className="sr-only">{t('monitor.audit.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('monitor.audit.when')}</th>
          <th scope="col">{t('monitor.audit.who')}</th>
          <th scope="col">{t('monitor.audit.what')}</th>
          <th scope="col">{t('monitor.audit.changes')}</th>
          <th scope="col">{t('monitor.audit.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <AuditRow
            key={entry.id}
            entry={entry}
            record={entry.recordId ? records.get(entry.recordId) : undefined}
            participantHref={participantHref}
          />
        ))}
      </tbody>
    </table>
  );
}

function AuditRow({
  entry,
  record,
  participantHref,
}: {
  entry: AuditEntry;
  record: RecordInfo | undefined;
  participantHref: (studyId: string) => string | null;
}) {
  const { t, i18n } = useTranslation();
  const format = useReviewFormat();
  const role = entry.actor.role;
  const source = record
    ? `${formLabel(record.formCode, i18n.language)} · ${visitLabel(record.visitCode, i18n.language)}`
    : isAuditTable(entry.table)
      ? t(`monitor.tables.${entry.table}`)
      : entry.table;
  const href = entry.participantStudyId ? participantHref(entry.participantStudyId) : null;
  const shown = entry.changes.slice(0, SHOWN_CHANGES);
  const folded = entry.changes.slice(SHOWN_CHANGES);
  // A created row has no earlier values: its changes read as plain values.
  const created = entry.action === 'INSERT';
  return (
    <tr>
      <th scope="row" data-label={t('monitor.audit.when')}>
        <div>
          <time dateTime={entry.occurredAt} className="cell-title">
            {format.utc(entry.occurredAt)}
          </time>
          <span className="cell-sub">{format.local(entry.occurredAt)}</span>
        </div>
      </th>
      <td data-label={t('monitor.audit.who')}>
        <div>
          <span className="cell-title">{entry.actor.label ?? entry.actor.id}</span>
          <span className="cell-sub">
            {isKnownRole(role) ? t(`roles.${role}`) : role}
            {entry.siteCode ? ` · ${entry.siteCode}` : ''}
          </span>
        </div>
      </td>
      <td data-label={t('monitor.audit.what')}>
        <div>
          <span className="cell-title">
            <span className={`badge audit-action audit-action-${entry.action.toLowerCase()}`}>
              {isAuditAction(entry.action) ? t(`monitor.actions.${entry.action}`) : entry.action}
            </span>{' '}
            {source}
          </span>
          {entry.participantStudyId ? (
            <span className="cell-sub">
              {t('monitor.audit.participant')}:{' '}
              {href ? <Link to={href}>{entry.participantStudyId}</Link> : entry.participantStudyId}
            </span>
          ) : null}
          {entry.recordId ? (
            <span className="cell-sub">
              {t('monitor.audit.record')}:{' '}
              <abbr className="mono" title={entry.recordId}>
                {entry.recordId.slice(0, 8)}
              </abbr>
            </span>
          ) : null}
          {entry.occurrences ? (
            <span className="cell-sub">
              {t('monitor.audit.occurrences', {
                count: entry.occurrences.count,
                last: format.utc(entry.occurrences.lastAt),
              })}
            </span>
          ) : null}
        </div>
      </td>
      <td data-label={t('monitor.audit.changes')}>
        {entry.changes.length === 0 ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          <div>
            <ChangeList changes={shown} formCode={record?.formCode} created={created} />
            {folded.length > 0 ? (
              <details className="more-changes">
                <summary>{t('monitor.audit.moreChanges', { count: folded.length })}</summary>
                <ChangeList changes={folded} formCode={record?.formCode} created={created} />
              </details>
            ) : null}
          </div>
        )}
      </td>
      <td data-label={t('monitor.audit.reason')}>
        {entry.reason ? <span>{entry.reason}</span> : <span className="muted">—</span>}
      </td>
    </tr>
  );
}

function ChangeList({
  changes,
  formCode,
  created,
}: {
  changes: AuditEntry['changes'];
  formCode: string | undefined;
  created: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="change-list">
      {changes.map((change) => {
        const field = findField(formCode, change.field);
        const label = field ? fieldLabel(formCode, change.field, i18n.language) : null;
        return (
          <li key={change.field}>
            <span className="change-field">
              {label ? `${label} ` : null}
              <code>{change.field}</code>
            </span>{' '}
            <span className="change-values">
              {created && change.old === null ? null : (
                <>
                  <span className="change-old">
                    <span className="sr-only">{t('monitor.audit.was')} </span>
                    {valueText(change.old, i18n.language, field)}
                  </span>
                  <span aria-hidden="true"> → </span>
                </>
              )}
              <span className="change-new">
                <span className="sr-only"> {t('monitor.audit.now')} </span>
                {valueText(change.new, i18n.language, field)}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

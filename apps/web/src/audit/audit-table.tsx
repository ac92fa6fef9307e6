import type { AuditEntry } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formLabel, visitLabel } from '../review/study-labels';
import { useReviewFormat } from '../review/time-format';
import { itemLabel, itemValue } from './audit-values';
import { isAuditAction, isKnownRole } from './audit-vocabulary';

interface AuditTableProps {
  entries: readonly AuditEntry[];
  /** Study id → where the participant opens for this user (review page or participant page). */
  participantHref: (studyId: string) => string | null;
}

/** Changes shown before the rest fold away (a created record names every field). */
const SHOWN_CHANGES = 6;

/**
 * The audit trail, one row per entry (R-AUDIT-5): when (UTC and local, to the second), who (user,
 * role, site), what (the step taken, the kind of thing, form and visit, participant), old → new
 * per field by its label, and why. Identifiers and other technical keys are left to the CSV copy;
 * the row says how many. On tablet and phone widths each row becomes a card (.responsive-table).
 */
export function AuditTable({ entries, participantHref }: AuditTableProps) {
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
          <AuditRow key={entry.id} entry={entry} participantHref={participantHref} />
        ))}
      </tbody>
    </table>
  );
}

/** What happened: the step for a row write, the event's own name for an event row. */
function useVerbText(entry: AuditEntry): string {
  const { t } = useTranslation();
  if (entry.verb !== 'event') return t(`auditWords.verbs.${entry.verb}`);
  return isAuditAction(entry.action) ? t(`monitor.actions.${entry.action}`) : t('auditWords.verbs.event');
}

function AuditRow({
  entry,
  participantHref,
}: {
  entry: AuditEntry;
  participantHref: (studyId: string) => string | null;
}) {
  const { t, i18n } = useTranslation();
  const format = useReviewFormat();
  const role = entry.actor.role;
  const verb = useVerbText(entry);
  const subject = [
    entry.formCode ? formLabel(entry.formCode, i18n.language) : null,
    entry.visitCode ? visitLabel(entry.visitCode, i18n.language) : null,
  ].filter((part): part is string => part !== null);
  const source =
    entry.entity === 'form_record' && subject.length > 0
      ? subject.join(' · ')
      : [t(`auditWords.entities.${entry.entity}`), ...subject].join(' · ');
  const href = entry.participantStudyId ? participantHref(entry.participantStudyId) : null;
  const readable = entry.changes.filter((c) => c.item.kind !== 'key');
  const technical = entry.changes.length - readable.length;
  const shown = readable.slice(0, SHOWN_CHANGES);
  const folded = readable.slice(SHOWN_CHANGES);
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
          <span className="cell-title">{entry.actor.label ?? t('auditWords.otherUser')}</span>
          <span className="cell-sub">
            {isKnownRole(role) ? t(`roles.${role}`) : role}
            {entry.siteCode ? ` · ${entry.siteCode}` : ''}
          </span>
        </div>
      </td>
      <td data-label={t('monitor.audit.what')}>
        <div>
          <span className="cell-title">
            <span className={`badge audit-action audit-verb-${entry.verb}`}>{verb}</span> {source}
          </span>
          {entry.participantStudyId ? (
            <span className="cell-sub">
              {t('monitor.audit.participant')}:{' '}
              {href ? <Link to={href}>{entry.participantStudyId}</Link> : entry.participantStudyId}
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
        {readable.length === 0 ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          <div>
            <ChangeList changes={shown} entry={entry} created={created} />
            {folded.length > 0 ? (
              <details className="more-changes">
                <summary>{t('monitor.audit.moreChanges', { count: folded.length })}</summary>
                <ChangeList changes={folded} entry={entry} created={created} />
              </details>
            ) : null}
          </div>
        )}
        {technical > 0 ? (
          <span className="cell-sub muted">{t('auditWords.technical', { count: technical })}</span>
        ) : null}
      </td>
      <td data-label={t('monitor.audit.reason')}>
        {entry.reason ? <span>{entry.reason}</span> : <span className="muted">—</span>}
      </td>
    </tr>
  );
}

function ChangeList({
  changes,
  entry,
  created,
}: {
  changes: AuditEntry['changes'];
  entry: AuditEntry;
  created: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useReviewFormat();
  const value = (v: unknown, change: AuditEntry['changes'][number]) =>
    itemValue(v, change, entry, t, i18n.language, format);
  return (
    <ul className="change-list">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="change-field">{itemLabel(change, entry.formCode, t, i18n.language)}</span>{' '}
          <span className="change-values">
            {created && change.old === null ? null : (
              <>
                <span className="change-old">
                  <span className="sr-only">{t('monitor.audit.was')} </span>
                  {value(change.old, change)}
                </span>
                <span aria-hidden="true"> → </span>
              </>
            )}
            <span className="change-new">
              <span className="sr-only"> {t('monitor.audit.now')} </span>
              {value(change.new, change)}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

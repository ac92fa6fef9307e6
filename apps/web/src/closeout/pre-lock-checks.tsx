import type { PreLockCheck, PreLockChecks, PreLockItem } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { formDefinition, localized, visitDefinition } from '../forms/study';
import { useFormat } from '../i18n/format';

/** "S01-0003 · Week 1 · ODI · answered, not closed": labels from the study definition, never codes. */
function ItemText({ item }: { item: PreLockItem }) {
  const { t, i18n } = useTranslation();
  const parts: string[] = [];
  if (item.studyId) parts.push(item.studyId);
  if (item.visitCode) {
    const visit = visitDefinition(item.visitCode);
    parts.push(visit ? localized(visit.label, i18n.language) : item.visitCode);
  }
  if (item.formCode) {
    const form = formDefinition(item.formCode);
    parts.push(localized(form.label, i18n.language));
    const field = item.field ? form.fields.find((f) => f.name === item.field) : undefined;
    if (field) parts.push(localized(field.label, i18n.language));
  }
  if (isNote(item.note)) parts.push(t(`closeout.checks.notes.${item.note}`));
  return <>{parts.join(' · ')}</>;
}

const noteCodes = [
  'open',
  'answered',
  'draft',
  'missing',
  'hash_mismatch',
  'prev_hash_mismatch',
  'sequence_gap',
  'head_mismatch',
] as const;

function isNote(note: string | null): note is (typeof noteCodes)[number] {
  return noteCodes.some((n) => n === note);
}

function CheckRow({ check }: { check: PreLockCheck }) {
  const { t } = useTranslation();
  const more = check.count - check.examples.length;
  return (
    <li className={check.count === 0 ? 'check check-ok' : 'check check-open'} data-check={check.code}>
      <strong>{t(`closeout.checks.names.${check.code}`)}</strong>{' '}
      {check.count === 0 ? (
        <span className="badge badge-ok">{t('closeout.checks.ok')}</span>
      ) : (
        <span className="badge badge-warn">{check.count}</span>
      )}
      {check.examples.length > 0 ? (
        <ul className="plain-list small">
          {check.examples.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: examples have no id and never reorder
            <li key={i}>
              <ItemText item={item} />
            </li>
          ))}
          {more > 0 ? <li className="muted">{t('closeout.checks.more', { count: more })}</li> : null}
        </ul>
      ) : null}
    </li>
  );
}

/** Everything still open before lock, on one page. */
export function PreLockChecksPanel({ checks, onRefresh }: { checks: PreLockChecks; onRefresh: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section className="panel stack" aria-labelledby="pre-lock-title">
      <div className="page-head">
        <h2 id="pre-lock-title">{t('closeout.checks.title')}</h2>
        <button type="button" className="button small" onClick={onRefresh}>
          {t('closeout.checks.refresh')}
        </button>
      </div>
      <p className="muted">
        {checks.openItems === 0
          ? t('closeout.checks.allClear')
          : t('closeout.checks.openItems', { count: checks.openItems })}{' '}
        · {t('closeout.checks.checkedAt', { when: fmt.dateTime(checks.checkedAt) })}
      </p>
      <ul className="plain-list stack">
        {checks.checks.map((c) => (
          <CheckRow key={c.code} check={c} />
        ))}
      </ul>
    </section>
  );
}

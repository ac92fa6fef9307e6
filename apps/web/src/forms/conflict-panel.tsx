import { type FormDefinition, type FormRecord, formRecordSchema } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { enteredFields } from './form-values';
import { localized } from './study';
import { valueText } from './value-text';

export interface VersionConflict {
  current: FormRecord;
  mine: Record<string, unknown>;
}

/** A 409 VERSION_CONFLICT with the record as the server holds it now (design: never overwrite). */
export function versionConflictOf(error: unknown, mine: Record<string, unknown>): VersionConflict | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const current = formRecordSchema.safeParse(error.body?.error.current);
  return current.success ? { current: current.data, mine } : null;
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null) ||
  (a == null && b === '') ||
  (a === '' && b == null);

/**
 * Someone saved this record while it was being edited: shows their values against the user's,
 * and lets the user either load the saved version or keep their own values and save again
 * knowingly over it. Nothing is overwritten without that choice.
 */
export function ConflictPanel({
  form,
  conflict,
  onReload,
  onKeepMine,
}: {
  form: FormDefinition;
  conflict: VersionConflict;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rows = enteredFields(form).filter((f) => !same(conflict.current.data[f.name], conflict.mine[f.name]));
  return (
    <div role="alert" className="alert alert-error conflict">
      <h3>{t('participants.conflict.title', { version: conflict.current.version })}</h3>
      <p>{t('participants.conflict.body')}</p>
      {rows.length > 0 ? (
        <table className="compact-table">
          <caption className="sr-only">{t('participants.conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.conflict.field')}</th>
              <th scope="col">{t('participants.conflict.theirs', { version: conflict.current.version })}</th>
              <th scope="col">{t('participants.conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.name}>
                <th scope="row">{localized(f.label, i18n.language)}</th>
                <td>{valueText(f, conflict.current.data[f.name], i18n.language)}</td>
                <td>{valueText(f, conflict.mine[f.name], i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('participants.conflict.sameValues')}</p>
      )}
      <div className="actions">
        <button type="button" className="button primary" onClick={onReload}>
          {t('participants.conflict.reload')}
        </button>
        <button type="button" className="button" onClick={onKeepMine}>
          {t('participants.conflict.keepMine')}
        </button>
      </div>
    </div>
  );
}

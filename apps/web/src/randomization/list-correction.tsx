import type { ListChangePreview } from '@mini-edc/domain';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../components/field';

type FieldProps = UseFormRegisterReturn & { error: FieldError | undefined };

/**
 * What a new list changes (R-RAND-5), per stratum, as the server computed it: while a list is in
 * use the new slots go after the remaining ones and numbering continues; sites added since the list
 * was made can be given a stratum alone.
 */
export function ListChangePreviewPanel({
  preview,
  onlyUncovered,
  onOnlyUncovered,
}: {
  preview: ListChangePreview;
  onlyUncovered: boolean;
  onOnlyUncovered: (only: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="list-change-preview">
      <h3 id="list-change-preview">{t('randomizationLists.previewTitle')}</h3>
      {preview.correction ? <p className="notice">{t('randomizationLists.replacesActive')}</p> : null}
      {preview.correction && preview.uncovered.length > 0 ? (
        <div className="stack">
          <p>{t('randomizationLists.uncovered', { strata: preview.uncovered.join(', ') })}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={onlyUncovered}
              onChange={(event) => onOnlyUncovered(event.target.checked)}
            />{' '}
            {t('randomizationLists.onlyUncovered')}
          </label>
        </div>
      ) : null}
      <table className="responsive-table">
        <thead>
          <tr>
            <th scope="col">{t('randomizationLists.previewStratum')}</th>
            <th scope="col">{t('randomizationLists.previewUsed')}</th>
            <th scope="col">{t('randomizationLists.previewRemaining')}</th>
            <th scope="col">{t('randomizationLists.previewToAppend')}</th>
            <th scope="col">{t('randomizationLists.previewFirstSeq')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.strata.map((s) => (
            <tr key={s.stratum}>
              <th scope="row" data-label={t('randomizationLists.previewStratum')}>
                {s.stratum}{' '}
                {s.added ? (
                  <span className="badge badge-ok">{t('randomizationLists.previewNewStratum')}</span>
                ) : null}
              </th>
              <td data-label={t('randomizationLists.previewUsed')}>{s.used}</td>
              <td data-label={t('randomizationLists.previewRemaining')}>{s.remaining}</td>
              <td data-label={t('randomizationLists.previewToAppend')}>{s.toAppend}</td>
              <td data-label={t('randomizationLists.previewFirstSeq')}>{s.firstNewSeq ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.atLeast ? <p className="muted small">{t('randomizationLists.previewAtLeast')}</p> : null}
    </section>
  );
}

/** The reason and the password a correction of the list in use is made with. */
export function CorrectionFields({ reason, password }: { reason: FieldProps; password: FieldProps }) {
  const { t } = useTranslation();
  return (
    <>
      <TextAreaField label={t('randomizationLists.correctionReason')} rows={2} required {...reason} />
      <TextField
        label={t('randomizationLists.correctionPassword')}
        hint={t('randomizationLists.correctionPasswordHint')}
        type="password"
        autoComplete="current-password"
        required
        {...password}
      />
    </>
  );
}

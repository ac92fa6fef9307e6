import { importListRequestSchema } from '@mini-edc/domain';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { TextAreaField, TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { codedFieldText } from '../i18n/field-codes';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { CorrectionFields, ListChangePreviewPanel } from './list-correction';
import { useImportList, useListInUse, usePreviewListChange } from './randomization-api';

interface RowError {
  row: string;
  field: string;
  message: string;
}

/** "body.csv.row12.arm" → row 12, column arm; the reason worded from its field code. */
function rowErrorsOf(error: unknown, t: TFunction): RowError[] {
  if (!(error instanceof ApiError)) return [];
  return (error.body?.error.fields ?? []).flatMap((f) => {
    const match = /^body\.csv\.row(\d+)\.?(.*)$/.exec(f.path);
    return match ? [{ row: match[1] ?? '', field: match[2] ?? '', message: codedFieldText(f, t) }] : [];
  });
}

/** Imports a statistician's list as CSV (stratum, seq, arm, block_no, optional block_size). */
export function ImportListForm({ onImported }: { onImported: (name: string) => void }) {
  const { t } = useTranslation();
  const fileId = useId();
  const importList = useImportList();
  const [general, setGeneral] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const form = useForm({
    resolver: codedResolver(importListRequestSchema),
    defaultValues: { name: '', csv: '' },
  });
  const { errors, isSubmitting } = form.formState;

  // While a list is in use, an import is a correction (R-RAND-5): previewed, with reason and password.
  const correction = useListInUse();
  const preview = usePreviewListChange();
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const uncovered = preview.data?.uncovered ?? [];
  const strata = onlyUncovered && uncovered.length > 0 ? uncovered : undefined;

  const showRefusal = (error: unknown) => {
    const rows = rowErrorsOf(error, t);
    setRowErrors(rows);
    setGeneral(
      rows.length > 0
        ? t('randomizationLists.rowErrors', { count: rows.length })
        : applyApiError(error, form.setError, ['name', 'csv', 'reason', 'password']),
    );
  };

  const onPreview = async () => {
    setGeneral(null);
    setRowErrors([]);
    if (!(await form.trigger('csv'))) return;
    preview.mutate({ method: 'imported', csv: form.getValues('csv'), strata }, { onError: showRefusal });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    setRowErrors([]);
    try {
      const list = await importList.mutateAsync({ ...values, strata });
      form.reset({ name: '', csv: '' });
      preview.reset();
      onImported(list.name);
    } catch (error) {
      showRefusal(error);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <h2>{t('randomizationLists.importTitle')}</h2>
      <p className="muted">{t('randomizationLists.importIntro')}</p>
      <FormAlert message={general} />
      {rowErrors.length > 0 ? (
        <table className="compact-table row-errors">
          <caption className="sr-only">{t('randomizationLists.rowErrorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('randomizationLists.row')}</th>
              <th scope="col">{t('randomizationLists.column')}</th>
              <th scope="col">{t('randomizationLists.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {rowErrors.map((e) => (
              <tr key={`${e.row}-${e.field}-${e.message}`}>
                <td>{e.row}</td>
                <td className="mono">{e.field || '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <TextField label={t('randomizationLists.name')} error={errors.name} {...form.register('name')} />
      <div className="field">
        <label htmlFor={fileId}>{t('randomizationLists.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) {
              void file.text().then((text) => form.setValue('csv', text, { shouldDirty: true }));
            }
          }}
        />
      </div>
      <TextAreaField
        label={t('randomizationLists.csv')}
        hint={t('randomizationLists.csvHint')}
        rows={6}
        className="mono"
        error={errors.csv}
        {...form.register('csv')}
      />
      {preview.data ? (
        <ListChangePreviewPanel
          preview={preview.data}
          onlyUncovered={onlyUncovered}
          onOnlyUncovered={setOnlyUncovered}
        />
      ) : null}
      {correction ? (
        <CorrectionFields
          reason={{ ...form.register('reason'), error: errors.reason }}
          password={{ ...form.register('password'), error: errors.password }}
        />
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={preview.isPending}
          onClick={() => void onPreview()}
        >
          {t('randomizationLists.previewButton')}
        </button>
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('randomizationLists.import')}
        </button>
      </div>
    </form>
  );
}

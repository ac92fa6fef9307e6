import { generateListRequestSchema } from '@mini-edc/domain';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { CorrectionFields, ListChangePreviewPanel } from './list-correction';
import { useGenerateList, usePreviewListChange } from './randomization-api';

/**
 * Generates a seeded permuted-block list (protocol §4.2). The seed is returned once: the dialog
 * shows it with the instruction to hand it to the statistician, and never again.
 */
export function GenerateListDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const generate = useGenerateList();
  const [general, setGeneral] = useState<string | null>(null);
  const [seed, setSeed] = useState<{ seedHex: string; name: string; commitment: string } | null>(null);
  const form = useForm({ resolver: codedResolver(generateListRequestSchema), defaultValues: { name: '' } });
  const { errors, isSubmitting } = form.formState;
  // What the new list changes, shown before it is made (R-RAND-5); again when the strata change.
  const preview = usePreviewListChange();
  const [uncovered, setUncovered] = useState<string[]>([]);
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const strata = onlyUncovered && uncovered.length > 0 ? uncovered : undefined;
  const { mutate: previewChange } = preview;
  useEffect(() => {
    previewChange(
      { method: 'generated', strata },
      { onSuccess: (p) => setUncovered((known) => (known.length > 0 ? known : p.uncovered)) },
    );
  }, [previewChange, strata]);
  const correction = preview.data?.correction ?? false;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      const result = await generate.mutateAsync({ ...values, strata });
      setSeed({ seedHex: result.seedHex, name: result.list.name, commitment: result.list.commitment });
    } catch (error) {
      setGeneral(applyApiError(error, form.setError, ['name', 'reason', 'password']));
    }
  });

  if (seed) {
    return (
      <Modal title={t('randomizationLists.seedTitle', { name: seed.name })}>
        <div className="stack">
          <div role="alert" className="alert alert-warn">
            <p>
              <strong>{t('randomizationLists.seedWarning')}</strong>
            </p>
            <p>{t('randomizationLists.seedInstruction')}</p>
          </div>
          <div className="field">
            <span className="field-label" id="seed-label">
              {t('randomizationLists.seed')}
            </span>
            <output aria-labelledby="seed-label" className="seed mono">
              {seed.seedHex}
            </output>
          </div>
          <p className="muted small">
            {t('randomizationLists.commitment')}: <span className="mono break">{seed.commitment}</span>
          </p>
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => void navigator.clipboard?.writeText(seed.seedHex).catch(() => undefined)}
            >
              {t('randomizationLists.copySeed')}
            </button>
            <button type="button" className="button primary" onClick={onClose}>
              {t('randomizationLists.seedHandedOver')}
            </button>
          </div>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={t('randomizationLists.generateTitle')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <p>{t('randomizationLists.generateIntro')}</p>
        <FormAlert message={general} />
        {preview.data ? (
          <ListChangePreviewPanel
            preview={preview.data}
            onlyUncovered={onlyUncovered}
            onOnlyUncovered={setOnlyUncovered}
          />
        ) : preview.isPending ? (
          <p className="muted">{t('randomizationLists.previewLoading')}</p>
        ) : null}
        <TextField
          label={t('randomizationLists.name')}
          data-autofocus
          error={errors.name}
          {...form.register('name')}
        />
        {correction ? (
          <CorrectionFields
            reason={{ ...form.register('reason'), error: errors.reason }}
            password={{ ...form.register('password'), error: errors.password }}
          />
        ) : null}
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? t('randomizationLists.generating') : t('randomizationLists.generate')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

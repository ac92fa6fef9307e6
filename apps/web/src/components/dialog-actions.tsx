import { useTranslation } from 'react-i18next';

interface DialogActionsProps {
  /** The submit button's words. */
  submitLabel: string;
  /** danger for an action that ends or undoes something, primary otherwise. */
  tone: 'primary' | 'danger';
  submitting: boolean;
  onCancel: () => void;
}

/** A dialog form's submit and cancel buttons, in the order every dialog uses. */
export function DialogActions({ submitLabel, tone, submitting, onCancel }: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className={`button ${tone}`} disabled={submitting}>
        {submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

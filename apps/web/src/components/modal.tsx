import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface ModalProps {
  title: string;
  children: ReactNode;
  /** Called on Escape or the close button; omit to make the dialog impossible to dismiss. */
  onClose?: () => void;
  className?: string;
}

/**
 * A native modal <dialog>: the browser traps focus and makes the page behind inert, while the
 * page stays mounted underneath (nothing typed there is lost).
 */
export function Modal({ title, children, onClose, className }: ModalProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first control; a form may ask for a better start (data-autofocus).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={['modal', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // The parent decides whether the dialog goes away, so its state stays the truth.
        event.preventDefault();
        onClose?.();
      }}
    >
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        {onClose ? (
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      {children}
    </dialog>
  );
}

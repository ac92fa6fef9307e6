import { can, formsBlockingSignature, recordsToSign, signVisitRequestSchema } from '@mini-edc/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { TextField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { formDefinition, localized, study } from '../forms/study';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { type ParticipantView, useSignVisit } from './participants-api';
import { wrongPasswordOf } from './sign-errors';

/** The meaning the API binds to every signature (21 CFR 11.50); shown exactly as it is stored. */
const SIGNATURE_MEANING = 'I confirm these data are accurate';

/**
 * "Sign visit" for investigators, or the visit's signed state. Signing asks for the password again
 * in the same request (21 CFR 11.200).
 */
export function SignVisitButton({
  participant,
  visitCode,
  title,
  onSigned,
}: {
  participant: ParticipantView;
  visitCode: string;
  title: string;
  onSigned: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const records = participant.records.filter((r) => r.visitCode === visitCode);
  if (records.length === 0) return null;
  const signed = records.every((r) => r.status === 'signed' || r.status === 'locked');
  return (
    <div className="sign-state">
      {signed ? (
        <span className="badge badge-ok signed-badge">✓ {t('participants.sign.signed')}</span>
      ) : records.some((r) => r.status === 'signed') ? (
        <span className="badge badge-info">{t('participants.sign.partlySigned')}</span>
      ) : null}
      {can(user, 'sign_records') && !signed ? (
        <button type="button" className="button small primary" onClick={() => setOpen(true)}>
          {t('participants.sign.button')}
        </button>
      ) : null}
      {open ? (
        <SignVisitDialog
          participant={participant}
          visitCode={visitCode}
          title={title}
          onClose={() => setOpen(false)}
          onSigned={(count) => {
            setOpen(false);
            onSigned(t('participants.sign.done', { count, visit: title }));
          }}
        />
      ) : null}
    </div>
  );
}

function SignVisitDialog({
  participant,
  visitCode,
  title,
  onClose,
  onSigned,
}: {
  participant: ParticipantView;
  visitCode: string;
  title: string;
  onClose: () => void;
  onSigned: (count: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const sign = useSignVisit();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({ resolver: codedResolver(signVisitRequestSchema), defaultValues: { password: '' } });
  const { errors, isSubmitting } = form.formState;

  const participantId = participant.id;
  // Exactly what the server will sign, and what stops it, from the same domain rules (R-SIGN-2).
  const records = participant.records.filter((r) => r.visitCode === visitCode);
  const toSign = recordsToSign(records);
  const blocking = formsBlockingSignature(study, visitCode, records, participant.status === 'screen_failed');
  const formName = (code: string) => localized(formDefinition(code).label, i18n.language);

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setGeneral(null);
    try {
      const result = await sign.mutateAsync({ id: participantId, visitCode, password });
      onSigned(result.signed);
    } catch (error) {
      form.resetField('password');
      const wrong = wrongPasswordOf(error);
      if (wrong !== null) {
        // One message, beside the password, with the attempts left before the lockout.
        const message =
          wrong === 0 ? t('dailySign.passwordWrongLocked') : t('dailySign.passwordWrong', { count: wrong });
        form.setError('password', { type: 'server', message }, { shouldFocus: true });
      } else {
        setGeneral(applyApiError(error, form.setError, ['password']));
      }
    }
  });

  return (
    <Modal title={t('participants.sign.title', { visit: title })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <p>{t('participants.sign.intro', { name: user?.displayName ?? '' })}</p>
        <blockquote className="meaning" lang="en">
          “{SIGNATURE_MEANING}”
        </blockquote>
        {i18n.language === 'tr' ? <p className="muted">{t('participants.sign.meaningTranslation')}</p> : null}
        {toSign.length > 0 ? (
          <div>
            <p>{t('dailySign.willSign', { count: toSign.length })}</p>
            <ul className="sign-list" aria-label={t('dailySign.willSign', { count: toSign.length })}>
              {toSign.map((r) => (
                <li key={r.id}>
                  {formName(r.formCode)}
                  {r.seq > 1 ? ` #${r.seq}` : ''} · {t('participants.form.version', { version: r.version })}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="muted">{t('dailySign.nothingToSign')}</p>
        )}
        {blocking.length > 0 ? (
          <p className="alert alert-error" data-testid="sign-blocked">
            {t('dailySign.blocked', { forms: blocking.map(formName).join(', ') })}
          </p>
        ) : null}
        <FormAlert message={general} />
        <TextField
          label={t('participants.sign.password')}
          hint={t('participants.sign.passwordHint')}
          type="password"
          autoComplete="current-password"
          data-autofocus
          error={errors.password}
          {...form.register('password')}
        />
        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={isSubmitting || blocking.length > 0 || toSign.length === 0}
          >
            {isSubmitting ? t('participants.sign.signing') : t('participants.sign.confirm')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { study } from '../forms/study';
import { criterionText, type EligibilityOutcome } from './eligibility-step';

/** The server's decision: eligible, or not eligible with every failing criterion named. */
export function EligibilityResult({
  outcome,
  participantId,
  onContinue,
  onChangeAnswers,
}: {
  outcome: EligibilityOutcome;
  participantId: string;
  onContinue: () => void;
  onChangeAnswers: () => void;
}) {
  const { t, i18n } = useTranslation();
  const failed = study.eligibility.criteria.filter((c) => outcome.failedCriteria.includes(c.id));
  if (outcome.eligible) {
    return (
      <div className="stack">
        <div role="status" className="alert alert-ok">
          <p>
            <strong>{t('participants.eligibility.eligible')}</strong>
          </p>
          <p>{t('participants.eligibility.eligibleNext')}</p>
        </div>
        <div className="actions">
          <button type="button" className="button primary" onClick={onContinue}>
            {t('participants.eligibility.continueConsent')}
          </button>
          <button type="button" className="button" onClick={onChangeAnswers}>
            {t('participants.eligibility.review')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <div role="alert" className="alert alert-error">
        <p>
          <strong>{t('participants.eligibility.notEligible')}</strong>
        </p>
        <p>{t('participants.eligibility.failedIntro')}</p>
        <ul className="failed-criteria">
          {failed.map((c) => (
            <li key={c.id}>
              <strong>{c.id}</strong> {criterionText(c, i18n.language)} (
              {t(`participants.eligibility.${c.kind}Kind`)})
            </li>
          ))}
        </ul>
        <p>{t('participants.eligibility.keptForConsort')}</p>
      </div>
      <div className="actions">
        <Link className="button" to={`/participants/${participantId}`}>
          {t('participants.eligibility.openParticipant')}
        </Link>
        <button type="button" className="button" onClick={onChangeAnswers}>
          {t('participants.eligibility.review')}
        </button>
      </div>
    </div>
  );
}

import type { FormRecord } from '@mini-edc/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { QueryError } from '../components/query-error';
import { defaultsFor } from '../forms/field-defaults';
import { formDefinition, screeningDataForms, screeningVisit, study } from '../forms/study';
import { StudyForm } from '../forms/study-form';
import { EligibilityResult } from './eligibility-result';
import { type EligibilityOutcome, EligibilityStep } from './eligibility-step';
import { type ParticipantView, useParticipant } from './participants-api';
import { WizardSiteStep } from './wizard-site-step';

/** Site and date, the participant's details (the form eligibility is derived from), criteria, consent. */
type Step = 'site' | 'details' | 'criteria' | 'consenting' | 'done';
const steps: Exclude<Step, 'done'>[] = ['site', 'details', 'criteria', 'consenting'];
const detailsForm = () => screeningDataForms()[0] ?? study.roles.consent.form;

const recordOf = (p: ParticipantView, formCode: string): FormRecord | undefined =>
  p.records.find((r) => r.visitCode === screeningVisit() && r.formCode === formCode);

/** Where a screening left off: the first step whose data is missing. */
function resumeStep(p: ParticipantView): Step {
  const details = recordOf(p, detailsForm());
  if (!details || details.status === 'draft') return 'details';
  if (p.eligible === null) return 'criteria';
  if (!p.eligible) return 'criteria';
  if (!p.consentDate) return 'consenting';
  return 'done';
}

function Stepper({ current }: { current: Step }) {
  const { t } = useTranslation();
  const index = current === 'done' ? steps.length : steps.indexOf(current);
  return (
    <ol className="stepper" aria-label={t('participants.wizard.progress')}>
      {steps.map((s, i) => (
        <li
          key={s}
          className={i < index ? 'done' : i === index ? 'current' : undefined}
          aria-current={i === index ? 'step' : undefined}
        >
          <span className="stepper-number" aria-hidden="true">
            {i < index ? '✓' : i + 1}
          </span>
          <span>{t(`participants.wizard.steps.${s}`)}</span>
          {i < index ? <span className="sr-only"> ({t('participants.wizard.stepDone')})</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** Screening a new patient, step by step: site/date, demographics, eligibility, consent. */
export function ScreeningWizard() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <section className="stack wizard">
      <div className="page-head">
        <h1>{t('participants.wizard.title')}</h1>
        <Link to="/participants">{t('participants.backToList')}</Link>
      </div>
      {id ? <ScreeningSteps id={id} /> : <SiteStepPanel />}
    </section>
  );
}

function SiteStepPanel() {
  const { t } = useTranslation();
  return (
    <>
      <Stepper current="site" />
      <div className="panel stack">
        <StepHeading step="site" />
        <WizardSiteStep />
      </div>
      <p className="muted">{t('participants.wizard.noNames')}</p>
    </>
  );
}

function StepHeading({ step, studyId }: { step: Step; studyId?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  // Move focus to the new step's heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (step !== 'site') ref.current?.focus();
  }, [step]);
  return (
    <h2 ref={ref} tabIndex={-1} className="step-heading">
      {t(`participants.wizard.headings.${step}`)}
      {studyId ? <span className="muted"> · {studyId}</span> : null}
    </h2>
  );
}

function ScreeningSteps({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const participant = useParticipant(id);
  const [step, setStep] = useState<Step | null>(null);
  const [outcome, setOutcome] = useState<EligibilityOutcome | null>(null);

  const p = participant.data;
  useEffect(() => {
    if (p && step === null) {
      setStep(resumeStep(p));
      if (p.eligible === false) setOutcome({ eligible: false, failedCriteria: p.failedCriteria ?? [] });
    }
  }, [p, step]);

  if (participant.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (participant.isError) {
    return <QueryError error={participant.error} onRetry={() => void participant.refetch()} />;
  }
  if (!p || step === null) return null;

  const details = recordOf(p, detailsForm());
  const eligibility = recordOf(p, study.roles.eligibilityForm);
  const consent = recordOf(p, study.roles.consent.form);
  const consentForm = formDefinition(study.roles.consent.form);

  return (
    <>
      <Stepper current={step} />
      <div className="panel stack">
        <StepHeading step={step} studyId={p.studyId} />
        {step === 'details' ? (
          <StudyForm
            key="details"
            participantId={p.id}
            visitCode={screeningVisit()}
            form={formDefinition(detailsForm())}
            seq={1}
            record={details}
            allowDraft={false}
            facts={{ visitRole: 'screening', events: { screening: p.screenedAt } }}
            completeLabel={t('participants.wizard.saveContinue')}
            onSaved={() => {
              setOutcome(null);
              setStep('criteria');
            }}
          />
        ) : null}
        {step === 'criteria' && outcome ? (
          <EligibilityResult
            outcome={outcome}
            participantId={p.id}
            onContinue={() => setStep('consenting')}
            onChangeAnswers={() => setOutcome(null)}
          />
        ) : null}
        {step === 'criteria' && !outcome ? (
          <EligibilityStep
            key={eligibility?.version ?? 0}
            participant={p}
            demographics={details}
            existing={eligibility}
            onDecided={setOutcome}
          />
        ) : null}
        {step === 'consenting' ? (
          <StudyForm
            key="consenting"
            participantId={p.id}
            visitCode={screeningVisit()}
            form={consentForm}
            seq={1}
            record={consent}
            allowDraft={false}
            facts={{ visitRole: 'screening', events: { screening: p.screenedAt } }}
            defaults={defaultsFor(consentForm, {
              seq: 1,
              userName: user?.displayName ?? '',
              language: i18n.language,
              lastDoneVisit: undefined,
            })}
            completeLabel={t('participants.wizard.recordConsent')}
            onSaved={() => setStep('done')}
          />
        ) : null}
        {step === 'done' ? (
          <div className="stack">
            <div role="status" className="alert alert-ok">
              <p>
                <strong>{t('participants.wizard.enrolled', { studyId: p.studyId })}</strong>
              </p>
              <p>{t('participants.wizard.enrolledNext')}</p>
            </div>
            <div className="actions">
              <Link className="button primary" to={`/participants/${p.id}?tab=baseline`}>
                {t('participants.wizard.openBaseline')}
              </Link>
              <Link className="button" to="/participants">
                {t('participants.backToList')}
              </Link>
            </div>
          </div>
        ) : null}
      </div>
      {step !== 'done' && step !== 'details' ? (
        <div className="actions">
          <button
            type="button"
            className="button link"
            onClick={() => setStep(step === 'consenting' ? 'criteria' : 'details')}
          >
            ← {t('participants.wizard.back')}
          </button>
        </div>
      ) : null}
    </>
  );
}

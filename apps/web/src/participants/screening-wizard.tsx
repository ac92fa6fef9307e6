import type { FormRecord } from '@mini-edc/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { QueryError } from '../components/query-error';
import { consentVersionOn, formDefinition, todayIso } from '../forms/study';
import { StudyForm } from '../forms/study-form';
import { EligibilityResult } from './eligibility-result';
import { type EligibilityOutcome, EligibilityStep } from './eligibility-step';
import { type ParticipantView, useParticipant } from './participants-api';
import { WizardSiteStep } from './wizard-site-step';

type Step = 'site' | 'demographics' | 'eligibility' | 'consent' | 'done';
const steps: Exclude<Step, 'done'>[] = ['site', 'demographics', 'eligibility', 'consent'];

const recordOf = (p: ParticipantView, formCode: string): FormRecord | undefined =>
  p.records.find((r) => r.visitCode === 'SCR' && r.formCode === formCode);

/** Where a screening left off: the first step whose data is missing. */
function resumeStep(p: ParticipantView): Step {
  const demographics = recordOf(p, 'demographics');
  if (!demographics || demographics.status === 'draft') return 'demographics';
  if (p.eligible === null) return 'eligibility';
  if (!p.eligible) return 'eligibility';
  if (!p.consentDate) return 'consent';
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

/** Screening a new patient, step by step (issue 4 item 7): site/date, demographics, eligibility, consent. */
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
  const { t } = useTranslation();
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

  const demographics = recordOf(p, 'demographics');
  const eligibility = recordOf(p, 'eligibility');
  const consent = recordOf(p, 'consent');

  return (
    <>
      <Stepper current={step} />
      <div className="panel stack">
        <StepHeading step={step} studyId={p.studyId} />
        {step === 'demographics' ? (
          <StudyForm
            key="demographics"
            participantId={p.id}
            visitCode="SCR"
            form={formDefinition('demographics')}
            seq={1}
            record={demographics}
            allowDraft={false}
            completeLabel={t('participants.wizard.saveContinue')}
            onSaved={() => {
              setOutcome(null);
              setStep('eligibility');
            }}
          />
        ) : null}
        {step === 'eligibility' && outcome ? (
          <EligibilityResult
            outcome={outcome}
            participantId={p.id}
            onContinue={() => setStep('consent')}
            onChangeAnswers={() => setOutcome(null)}
          />
        ) : null}
        {step === 'eligibility' && !outcome ? (
          <EligibilityStep
            key={eligibility?.version ?? 0}
            participant={p}
            demographics={demographics}
            existing={eligibility}
            onDecided={setOutcome}
          />
        ) : null}
        {step === 'consent' ? (
          <StudyForm
            key="consent"
            participantId={p.id}
            visitCode="SCR"
            form={formDefinition('consent')}
            seq={1}
            record={consent}
            allowDraft={false}
            defaults={{
              consent_date: todayIso(),
              icf_version: consentVersionOn(todayIso()),
              obtained_by: user?.displayName ?? '',
            }}
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
      {step !== 'done' && step !== 'demographics' ? (
        <div className="actions">
          <button
            type="button"
            className="button link"
            onClick={() => setStep(step === 'consent' ? 'eligibility' : 'demographics')}
          >
            ← {t('participants.wizard.back')}
          </button>
        </div>
      ) : null}
    </>
  );
}

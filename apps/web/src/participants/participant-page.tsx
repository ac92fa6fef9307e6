import { type AccessSubject, baselineVisitOf, can } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formsShownTo } from '../auth/access';
import { BlindedNote } from '../components/blinded-note';
import { QueryError } from '../components/query-error';
import { armByCode, baselineVisit, study, treatmentVisit, unscheduledVisit } from '../forms/study';
import { EndOfStudySection } from './end-of-study-section';
import { ParticipantHeader } from './participant-header';
import { type Tab, tabs } from './participant-links';
import { ParticipantTabs } from './participant-tabs';
import { allocationOf, type ParticipantView, useParticipant } from './participants-api';
import { RandomizationSection } from './randomization-section';
import { isSeriousAe, RepeatingRecords } from './repeating-records';
import { ScoresSection } from './scores-section';
import { ScreeningSection } from './screening-section';
import { useAccessSubject } from './use-sees-arm';
import { VisitFormsPanel } from './visit-forms-panel';
import { VisitsSection } from './visits-section';

/** The sections of forms the user may not see in full are absent (R-BLIND-2). */
function tabsFor(user: AccessSubject | null): readonly Tab[] {
  const shown = formsShownTo(user);
  const formOfTab: Partial<Record<Tab, string>> = {
    'adverse-events': study.roles.adverseEvent.form,
    deviations: study.roles.deviationForm,
    'end-of-study': study.roles.endOfParticipation.form,
  };
  return tabs.filter((tab) => {
    if (tab === 'randomization') return can(user, 'see_allocation');
    if (tab === 'treatment') return can(user, 'see_arm_revealing_data');
    const form = formOfTab[tab];
    return form === undefined || shown.has(form);
  });
}

/** One participant: header, then screening, baseline, randomization, visits, … as tabs. */
export function ParticipantPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const participant = useParticipant(id);
  if (participant.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (participant.isError) {
    return (
      <section className="stack">
        <Link to="/participants">← {t('participants.backToList')}</Link>
        <QueryError error={participant.error} onRetry={() => void participant.refetch()} />
      </section>
    );
  }
  return <ParticipantDetails participant={participant.data} />;
}

function ParticipantDetails({ participant: p }: { participant: ParticipantView }) {
  const { t } = useTranslation();
  const subject = useAccessSubject();
  const [params, setParams] = useSearchParams();
  const visible = tabsFor(subject);
  // Sections the policy hides from this viewer: the same for every participant, so naming them
  // tells nothing about this one's arm.
  const hidden = tabs.filter((tab) => !visible.includes(tab)).map((tab) => t(`participants.tabs.${tab}`));
  const requested = params.get('tab') as Tab | null;
  // A randomized participant's daily work is their visits; before that, their screening.
  const opening: Tab = p.randomized && visible.includes('visits') ? 'visits' : 'screening';
  const current: Tab = requested && visible.includes(requested) ? requested : opening;
  const serious = p.records.filter(isSeriousAe);
  const allocation = can(subject, 'see_allocation') ? allocationOf(p) : null;
  const arm = allocation ? armByCode(allocation.arm) : undefined;
  const noConsent = p.consentDate ? null : t('participants.blocked.consent');
  const failed = p.status === 'screen_failed' ? t('participants.blocked.screenFailed') : null;

  return (
    <section className="stack participant-page">
      <Link to="/participants">← {t('participants.backToList')}</Link>
      <ParticipantHeader participant={p} />
      {serious.length > 0 && can(subject, 'see_arm_revealing_data') ? (
        <div role="alert" className="alert alert-error serious-alert">
          <span className="badge badge-serious">{t('participants.ae.seriousBadge')}</span>{' '}
          <strong>{t('participants.ae.seriousAlert', { count: serious.length })}</strong>{' '}
          {can(subject, 'sign_records') ? t('participants.ae.seriousReview') : null}{' '}
          <button
            type="button"
            className="button link"
            onClick={() => setParams({ tab: 'adverse-events' }, { replace: true })}
          >
            {t('participants.ae.show')}
          </button>
        </div>
      ) : null}
      <ParticipantTabs
        tabs={visible}
        current={current}
        onSelect={(tab) => setParams({ tab }, { replace: true })}
        badges={serious.length > 0 ? { 'adverse-events': String(serious.length) } : {}}
      />
      {hidden.length > 0 ? <BlindedNote sections={hidden} /> : null}
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} className="tab-panel">
        {current === 'screening' ? <ScreeningSection participant={p} /> : null}
        {current === 'baseline' ? (
          <VisitFormsPanel
            participant={p}
            visitCode={baselineVisit()}
            formCodes={baselineVisitOf(study).forms}
            title={t('participants.tabs.baseline')}
            blocked={failed ?? noConsent}
          />
        ) : null}
        {current === 'randomization' ? <RandomizationSection participant={p} /> : null}
        {current === 'visits' ? <VisitsSection participant={p} /> : null}
        {current === 'treatment' ? (
          arm ? (
            <RepeatingRecords
              participant={p}
              formCode={arm.interventionForm}
              newVisitCode={treatmentVisit()}
              addLabel={t('participants.treatment.add')}
              emptyText={t('participants.treatment.empty')}
            />
          ) : (
            <p className="panel muted">{t('participants.blocked.randomization')}</p>
          )
        ) : null}
        {current === 'adverse-events' ? (
          <RepeatingRecords
            participant={p}
            formCode={study.roles.adverseEvent.form}
            newVisitCode={unscheduledVisit()}
            addLabel={t('participants.ae.add')}
            emptyText={t('participants.ae.empty')}
            blocked={failed ?? noConsent}
          />
        ) : null}
        {current === 'deviations' ? (
          <RepeatingRecords
            participant={p}
            formCode={study.roles.deviationForm}
            newVisitCode={unscheduledVisit()}
            addLabel={t('participants.deviations.add')}
            emptyText={t('participants.deviations.empty')}
            blocked={failed ?? noConsent}
          />
        ) : null}
        {current === 'end-of-study' ? <EndOfStudySection participant={p} /> : null}
        {current === 'scores' ? <ScoresSection participantId={p.id} /> : null}
      </div>
    </section>
  );
}

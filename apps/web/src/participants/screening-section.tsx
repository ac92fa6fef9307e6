import { can } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { screeningDataForms, screeningVisit, study } from '../forms/study';
import { CloseScreeningDialog } from './close-screening-dialog';
import { criterionText } from './eligibility-step';
import type { ParticipantView } from './participants-api';
import { VisitFormsPanel } from './visit-forms-panel';

const screeningForms = () => [...screeningDataForms(), study.roles.consent.form];

/** Screening: the eligibility decision with any failing criteria, demographics and consent. */
export function ScreeningSection({ participant: p }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const failed = study.eligibility.criteria.filter((c) => p.failedCriteria?.includes(c.id));
  const unfinished = p.status === 'screening' || (p.status === 'screen_failed' && !p.randomized);
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const mayRegister = can(user, 'register_participants');
  return (
    <div className="stack">
      <section className="panel stack" aria-labelledby="eligibility-title">
        <div className="section-head">
          <h2 id="eligibility-title">{t('participants.eligibility.title')}</h2>
          {mayRegister && unfinished ? (
            <div className="actions">
              <Link className="button small primary" to={`/participants/${p.id}/screening`}>
                {t('participants.eligibility.continueScreening')}
              </Link>
              {p.status === 'screening' ? (
                <button type="button" className="button small" onClick={() => setClosing(true)}>
                  {t('participants.closeScreening.action')}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
        {notice ? (
          <p className="alert alert-ok" role="status">
            {notice}
          </p>
        ) : null}
        {p.status === 'screening_closed' ? (
          <p className="notice">
            {t('participants.closeScreening.closedBecause', { reason: p.screeningClosedReason ?? '' })}
          </p>
        ) : null}
        {closing ? (
          <CloseScreeningDialog
            participantId={p.id}
            onClose={() => setClosing(false)}
            onDone={(message) => {
              setClosing(false);
              setNotice(message);
            }}
          />
        ) : null}
        {p.eligible === null ? <p className="muted">{t('participants.eligibility.notYet')}</p> : null}
        {p.eligible === true ? (
          <p>
            <span className="badge badge-ok">✓ {t('participants.eligibility.eligible')}</span>
          </p>
        ) : null}
        {p.eligible === false ? (
          <div className="alert alert-error">
            <p>
              <strong>{t('participants.eligibility.notEligible')}</strong>
            </p>
            <ul className="failed-criteria">
              {failed.map((c) => (
                <li key={c.id}>
                  <strong>{c.id}</strong> {criterionText(c, i18n.language)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <VisitFormsPanel
        participant={p}
        visitCode={screeningVisit()}
        formCodes={screeningForms()}
        title={t('participants.tabs.screening')}
      />
    </div>
  );
}

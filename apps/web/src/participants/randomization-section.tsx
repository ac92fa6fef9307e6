import { can, randomizationReadiness } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { formDefinition, localized, study, studyClock } from '../forms/study';
import { participantErrorText, readinessRefusalText } from './api-errors';
import { ArmLabel } from './arm-label';
import { EmergencyUnblindingButton } from './emergency-unblinding';
import { allocationOf, type ParticipantView, useRandomize } from './participants-api';
import { ScheduleTable } from './schedule-table';
import { useDates } from './use-dates';

/**
 * Randomization (protocol §4.3): the preconditions, a confirmation that says what will happen,
 * then the allocation and the visit schedule. Never shown to assessors.
 */
export function RandomizationSection({ participant: p }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const dates = useDates();
  const randomize = useRandomize();
  const [confirming, setConfirming] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const allocation = allocationOf(p);

  // protocol §4.3, §5.1: the same conditions the server refuses with (R-RAND-2), on the study's clock.
  const checkText = (key: string, params: Record<string, string>) => {
    const form = params.form ? localized(formDefinition(params.form).label, i18n.language) : '';
    if (key.startsWith('baseline:')) return t('participants.randomization.checks.baselineForm', { form });
    if (key.startsWith('window:')) {
      return t('participants.randomization.checks.baselineWindow', {
        form,
        from: dates.day(params.from),
        to: dates.day(params.to),
      });
    }
    if (key === 'eligible') return t('participants.randomization.checks.eligible');
    if (key === 'enrolled') return t('participants.randomization.checks.enrolled');
    return t('participants.randomization.checks.consent');
  };
  const checks = randomizationReadiness(study, {
    status: p.status,
    eligible: p.eligible,
    consentDate: p.consentDate,
    records: p.records,
    ...studyClock(),
  }).map((c) => ({ key: c.key, text: checkText(c.key, c.params), ok: c.met }));
  const ready = checks.every((c) => c.ok);

  if (allocation) {
    return (
      <section className="stack" aria-labelledby="allocation-title">
        <div className="panel stack allocation">
          <h2 id="allocation-title">{t('participants.randomization.allocated')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('participants.arm')}</dt>
              <dd>
                <ArmLabel code={allocation.arm} />
              </dd>
            </div>
            <div>
              <dt>{t('participants.randomization.stratum')}</dt>
              <dd>{allocation.stratum}</dd>
            </div>
            <div>
              <dt>{t('participants.randomization.sequence')}</dt>
              <dd>{allocation.seq}</dd>
            </div>
            <div>
              <dt>{t('participants.randomization.at')}</dt>
              <dd>{dates.instant(allocation.randomizedAt)}</dd>
            </div>
          </dl>
          <EmergencyUnblindingButton participantId={p.id} />
        </div>
        <h2>{t('participants.visits.schedule')}</h2>
        <ScheduleTable visits={p.visits} />
      </section>
    );
  }

  return (
    <section className="panel stack" aria-labelledby="randomize-title">
      <h2 id="randomize-title">{t('participants.randomization.title')}</h2>
      <p>{t('participants.randomization.intro')}</p>
      <ul className="checklist">
        {checks.map((c) => (
          <li key={c.key} className={c.ok ? 'ok' : 'missing'}>
            <span aria-hidden="true">{c.ok ? '✓' : '○'}</span> {c.text}
            <span className="sr-only">
              {' '}
              ({c.ok ? t('participants.randomization.met') : t('participants.randomization.notMet')})
            </span>
          </li>
        ))}
      </ul>
      <FormAlert message={general} />
      {can(user, 'randomize') ? (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={!ready}
            onClick={() => {
              setGeneral(null);
              setConfirming(true);
            }}
          >
            {t('participants.randomization.button')}
          </button>
          {!ready ? <span className="muted">{t('participants.randomization.notReady')}</span> : null}
        </div>
      ) : null}
      {confirming ? (
        <Modal
          title={t('participants.randomization.confirmTitle', { studyId: p.studyId })}
          onClose={() => setConfirming(false)}
        >
          <div className="stack">
            <p>{t('participants.randomization.confirmIntro')}</p>
            <ul className="consequences">
              <li>{t('participants.randomization.consequenceList')}</li>
              <li>
                <strong>{t('participants.randomization.consequenceFinal')}</strong>
              </li>
              <li>{t('participants.randomization.consequenceSchedule')}</li>
            </ul>
            <div className="actions">
              <button
                type="button"
                className="button primary"
                disabled={randomize.isPending}
                onClick={() => {
                  randomize.mutate(p.id, {
                    onSuccess: () => setConfirming(false),
                    onError: (error) => {
                      setConfirming(false);
                      setGeneral(readinessRefusalText(error, dates.day) ?? participantErrorText(error));
                    },
                  });
                }}
              >
                {randomize.isPending
                  ? t('participants.randomization.randomizing')
                  : t('participants.randomization.confirm')}
              </button>
              <button type="button" className="button" data-autofocus onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { FormAlert } from '../components/form-alert';
import { Modal } from '../components/modal';
import { baselineVisit, formDefinition, localized, study } from '../forms/study';
import { participantErrorText } from './api-errors';
import { ArmLabel } from './arm-label';
import { EmergencyUnblindingButton } from './emergency-unblinding';
import { allocationOf, type ParticipantView, useRandomize } from './participants-api';
import { isSiteStaff } from './permissions';
import { ScheduleTable } from './schedule-table';
import { useDates } from './use-dates';

const baselineDone = (p: ParticipantView, form: string) =>
  p.records.some((r) => r.visitCode === baselineVisit() && r.formCode === form && r.status !== 'draft');

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

  // §4.3: eligible, consented, and the definition's baseline forms complete.
  const checks = [
    { key: 'eligible', text: t('participants.randomization.checks.eligible'), ok: p.eligible === true },
    { key: 'consented', text: t('participants.randomization.checks.consent'), ok: p.consentDate !== null },
    ...study.roles.baselineRequiredForms.map((code) => ({
      key: `baseline-${code}`,
      text: t('participants.randomization.checks.baselineForm', {
        form: localized(formDefinition(code).label, i18n.language),
      }),
      ok: baselineDone(p, code),
    })),
  ];
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
      {isSiteStaff(user?.role) ? (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={!ready || p.status !== 'enrolled'}
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
                      setGeneral(participantErrorText(error));
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

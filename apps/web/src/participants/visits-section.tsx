import { isOutcomeForm, type VisitRecord } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { StatusNotice } from '../components/form-alert';
import { localized, study, visitDefinition } from '../forms/study';
import type { ParticipantView } from './participants-api';
import { isSiteStaff } from './permissions';
import { ScheduleTable } from './schedule-table';
import { VisitStatusBadge } from './status-badges';
import { useDates } from './use-dates';
import { VisitFormsPanel } from './visit-forms-panel';
import { VisitDoneDialog, VisitMissedDialog } from './visit-update-dialog';

/** The schedule, then each follow-up visit with its forms, done/missed and signing. */
export function VisitsSection({ participant: p }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const dates = useDates();
  const [dialog, setDialog] = useState<{ kind: 'done' | 'missed'; visit: VisitRecord } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (p.visits.length === 0) {
    return <p className="panel muted">{t('participants.visits.none')}</p>;
  }
  const titleOf = (code: string) => {
    const def = visitDefinition(code);
    return def ? localized(def.label, i18n.language) : code;
  };
  // Assessors enter outcomes only; the AE check belongs to the site staff.
  const formsOf = (code: string) =>
    (visitDefinition(code)?.forms ?? []).filter(
      (f) =>
        f !== study.roles.endOfParticipation.form && (user?.role !== 'assessor' || isOutcomeForm(study, f)),
    );

  return (
    <div className="stack">
      <h2>{t('participants.visits.schedule')}</h2>
      <ScheduleTable visits={p.visits} />
      <StatusNotice message={notice} />
      {p.visits.map((v) => {
        const title = titleOf(v.visitCode);
        const open = v.status !== 'done' && v.status !== 'missed';
        return (
          <VisitFormsPanel
            key={v.id}
            participant={p}
            visitCode={v.visitCode}
            formCodes={formsOf(v.visitCode)}
            title={title}
            meta={
              <p className="visit-meta">
                <VisitStatusBadge status={v.status} />{' '}
                {t('participants.visits.targetOn', { date: dates.day(v.targetDate) })} ·{' '}
                {t('participants.visits.windowIs', { window: dates.range(v.windowStart, v.windowEnd) })}
                {v.visitDate ? ` · ${t('participants.visits.doneOn', { date: dates.day(v.visitDate) })}` : ''}
                {v.outOfWindowReason
                  ? ` · ${t('participants.visits.outOfWindowReason')}: ${v.outOfWindowReason}`
                  : ''}
                {v.missedReason ? ` · ${t('participants.visits.missedReason')}: ${v.missedReason}` : ''}
              </p>
            }
            actions={
              isSiteStaff(user?.role) && open ? (
                <>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`${t('participants.visits.markDone')}: ${title}`}
                    onClick={() => setDialog({ kind: 'done', visit: v })}
                  >
                    {t('participants.visits.markDone')}
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`${t('participants.visits.markMissed')}: ${title}`}
                    onClick={() => setDialog({ kind: 'missed', visit: v })}
                  >
                    {t('participants.visits.markMissed')}
                  </button>
                </>
              ) : null
            }
          />
        );
      })}
      {dialog?.kind === 'done' ? (
        <VisitDoneDialog
          participantId={p.id}
          visit={dialog.visit}
          title={titleOf(dialog.visit.visitCode)}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setDialog(null);
            setNotice(message);
          }}
        />
      ) : null}
      {dialog?.kind === 'missed' ? (
        <VisitMissedDialog
          participantId={p.id}
          visit={dialog.visit}
          title={titleOf(dialog.visit.visitCode)}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setDialog(null);
            setNotice(message);
          }}
        />
      ) : null}
    </div>
  );
}

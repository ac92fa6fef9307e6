import { can, type VisitRecord } from '@mini-edc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { formsShownTo } from '../auth/access';
import { useSession } from '../auth/session-context';
import { StatusNotice } from '../components/form-alert';
import { localized, study, visitDefinition } from '../forms/study';
import type { ParticipantView } from './participants-api';
import { savedNoticeOf } from './saved-notice';
import { ScheduleTable } from './schedule-table';
import { VisitStatusBadge } from './status-badges';
import { useDates } from './use-dates';
import { useAccessSubject } from './use-sees-arm';
import { VisitFormsPanel } from './visit-forms-panel';
import { VisitDoneDialog, VisitMissedDialog } from './visit-update-dialog';

/** The schedule, then each follow-up visit with its forms, done/missed and signing. */
export function VisitsSection({ participant: p }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const subject = useAccessSubject();
  const dates = useDates();
  const [dialog, setDialog] = useState<{ kind: 'done' | 'missed'; visit: VisitRecord } | null>(null);
  // A form saved with "save and back to the visit" reports here.
  const [notice, setNotice] = useState<string | null>(savedNoticeOf(useLocation().state));

  if (p.visits.length === 0) {
    return <p className="panel muted">{t('participants.visits.none')}</p>;
  }
  const titleOf = (code: string) => {
    const def = visitDefinition(code);
    return def ? localized(def.label, i18n.language) : code;
  };
  // End of study has its own tab; a blinded user's visits list only the forms shown to them.
  const shown = formsShownTo(subject);
  const formsOf = (code: string) =>
    (visitDefinition(code)?.forms ?? []).filter(
      (f) => f !== study.roles.endOfParticipation.form && shown.has(f),
    );

  return (
    <div className="stack">
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
              can(user, 'record_visits') && open ? (
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
      {/* The visits' forms come first; the schedule overview follows (daily work enters forms). */}
      <h2>{t('participants.visits.schedule')}</h2>
      <ScheduleTable visits={p.visits} />
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

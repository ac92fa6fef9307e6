import { type FormRecord, formInVisitOrder, isBlinded, nextFormOfVisit, visitRoleOf } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { formsShownTo, mayEnterForm } from '../auth/access';
import { useSession } from '../auth/session-context';
import { BlindedNote } from '../components/blinded-note';
import { QueryError } from '../components/query-error';
import { defaultsFor } from '../forms/field-defaults';
import { FieldQueriesProvider } from '../forms/field-queries';
import {
  baselineVisit,
  localized,
  screeningVisit,
  study,
  treatmentVisit,
  unscheduledVisit,
  visitTitle,
} from '../forms/study';
import { StudyForm } from '../forms/study-form';
import { windowWarningOf } from '../forms/window-reason';
import { FormReviewPanel, useRecordQueries } from './form-review-panel';
import { formLink, participantLink, type Tab } from './participant-links';
import { useParticipant } from './participants-api';
import { savedNoticeOf } from './saved-notice';
import { useAccessSubject } from './use-sees-arm';

/** The tab a form belongs to, for the way back. */
function tabOf(visitCode: string, formCode: string): Tab {
  const { roles } = study;
  if (formCode === roles.adverseEvent.form && visitCode === unscheduledVisit()) return 'adverse-events';
  if (formCode === roles.deviationForm) return 'deviations';
  if (formCode === roles.endOfParticipation.form) return 'end-of-study';
  if (visitCode === treatmentVisit()) return 'treatment';
  if (visitCode === screeningVisit()) return 'screening';
  if (visitCode === baselineVisit()) return 'baseline';
  return 'visits';
}

/** One eCRF of one participant at one visit (the generic renderer). */
export function FormPage() {
  const { id = '', visitCode = '', formCode = '' } = useParams();
  const [params] = useSearchParams();
  const seq = Math.max(1, Number(params.get('seq') ?? '1') || 1);
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const subject = useAccessSubject();
  const participant = useParticipant(id);
  const navigate = useNavigate();
  const arrivedWith = savedNoticeOf(useLocation().state);
  const form = study.forms.find((f) => f.code === formCode);
  const shown = participant.data?.records.find(
    (r) => r.visitCode === visitCode && r.formCode === formCode && r.seq === seq,
  );
  const recordQueries = useRecordQueries(user, id, shown?.id);

  if (formCode === study.roles.eligibilityForm)
    return <Navigate to={`/participants/${id}/screening`} replace />;
  if (participant.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (participant.isError) {
    return <QueryError error={participant.error} onRetry={() => void participant.refetch()} />;
  }
  const p = participant.data;
  if (!form) {
    // A blinded viewer's study definition has no form hidden from them (GET /study), so a hidden
    // form's address lands here: it says what it says of any hidden form, the same whether the
    // form exists or not (R-BLIND-2).
    if (isBlinded(subject)) {
      return (
        <section className="stack form-page">
          <Link to={participantLink(p.id, 'visits')}>{p.studyId}</Link>
          <BlindedNote />
        </section>
      );
    }
    return <p className="panel">{t('participants.forms.unknown')}</p>;
  }
  const record: FormRecord | undefined = p.records.find(
    (r) => r.visitCode === visitCode && r.formCode === formCode && r.seq === seq,
  );
  const visitLabel = visitTitle(visitCode, i18n.language);
  const back = participantLink(p.id, tabOf(visitCode, formCode));
  const readOnly = !mayEnterForm(user, formCode);
  // "Save and go to next form" through the visit's forms in order, then back to the visit.
  const visibleForms = formsShownTo(user);
  const nextCode = nextFormOfVisit(
    study,
    visitCode,
    formCode,
    (c) => mayEnterForm(user, c) && visibleForms.has(c),
  );
  const savedText = (saved: FormRecord) =>
    `${localized(form.label, i18n.language)}: ${t('participants.form.savedComplete', { version: saved.version })}`;
  const next =
    readOnly || !formInVisitOrder(study, visitCode, formCode)
      ? null
      : nextCode
        ? {
            label: t('dailyForm.saveAndNext'),
            go: (saved: FormRecord) =>
              void navigate(formLink(p.id, visitCode, nextCode), { state: { saved: savedText(saved) } }),
          }
        : {
            label: t('dailyForm.saveAndFinish'),
            go: (saved: FormRecord) => void navigate(back, { state: { saved: savedText(saved) } }),
          };

  return (
    <section className="stack form-page">
      <nav aria-label={t('participants.forms.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/participants">{t('nav.participants')}</Link>
          </li>
          <li>
            <Link to={back} className="mono">
              {p.studyId}
            </Link>
          </li>
          <li aria-current="page">
            {visitLabel} · {localized(form.label, i18n.language)}
          </li>
        </ol>
      </nav>
      {formsShownTo(subject).has(formCode) ? (
        <FieldQueriesProvider unresolved={recordQueries.unresolved}>
          <StudyForm
            key={`${visitCode}-${formCode}-${seq}`}
            participantId={p.id}
            visitCode={visitCode}
            form={form}
            seq={seq}
            record={record}
            readOnly={readOnly}
            headingLevel={1}
            windowWarning={windowWarningOf(p.visits.find((v) => v.visitCode === visitCode))}
            next={next}
            initialNotice={arrivedWith}
            facts={{
              visitRole: visitRoleOf(study, visitCode),
              events: {
                screening: p.screenedAt,
                consent: p.consentDate,
                randomization: 'allocation' in p ? (p.allocation?.randomizedAt ?? null) : null,
              },
            }}
            defaults={defaultsFor(form, {
              seq,
              userName: user?.displayName ?? '',
              language: i18n.language,
              lastDoneVisit: [...p.visits].reverse().find((v) => v.status === 'done')?.visitCode,
              previousData: p.records
                .filter((r) => r.formCode === formCode)
                .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]?.data,
            })}
            intro={
              <p className="muted form-context">
                <span className="mono">{p.studyId}</span> · {visitLabel}
              </p>
            }
          />
        </FieldQueriesProvider>
      ) : (
        // The server sends no record of this form to a blinded viewer: an empty form would
        // suggest that nothing was recorded, so the page says that it is not shown, the same
        // for every participant (R-BLIND-2).
        <BlindedNote />
      )}
      {record && user && formsShownTo(subject).has(formCode) ? (
        <FormReviewPanel
          user={user}
          studyId={p.studyId}
          participantId={p.id}
          record={record}
          queries={recordQueries.queries}
        />
      ) : null}
      <div className="actions">
        <Link to={back} className="button">
          ← {t('participants.forms.backToParticipant', { studyId: p.studyId })}
        </Link>
      </div>
    </section>
  );
}

import type { FormRecord } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { mayEnterForm } from '../auth/access';
import { useSession } from '../auth/session-context';
import { QueryError } from '../components/query-error';
import type { RawData } from '../forms/form-values';
import { nowLocalInput } from '../forms/form-values';
import { localized, study, todayIso, visitDefinition } from '../forms/study';
import { StudyForm } from '../forms/study-form';
import { participantLink, type Tab } from './participant-links';
import { type ParticipantView, useParticipant } from './participants-api';

/** The tab a form belongs to, for the way back. */
function tabOf(visitCode: string, formCode: string): Tab {
  if (formCode === 'adverse_event' && visitCode === 'UNS') return 'adverse-events';
  if (formCode === 'deviation') return 'deviations';
  if (formCode === 'end_of_study') return 'end-of-study';
  if (visitCode === 'TX') return 'treatment';
  if (visitCode === 'SCR') return 'screening';
  if (visitCode === 'BL') return 'baseline';
  return 'visits';
}

/** Proposed values for a new record: now, today, the signed-in user, the study's instrument versions. */
function defaultsFor(formCode: string, seq: number, userName: string, language: string, p: ParticipantView) {
  const today = todayIso();
  const lastDone = [...p.visits].reverse().find((v) => v.status === 'done');
  const byForm: Record<string, Partial<RawData>> = {
    vas: {
      assessed_at: nowLocalInput(),
      assessor_id: userName,
      vas_method: 'paper',
      vas_prompt_version: study.instruments.vasPromptVersion,
    },
    odi: { odi_version: study.instruments.odiVersions.find((v) => v.endsWith(`-${language}`)) ?? '' },
    intervention_tlf_mob: { session_no: String(seq), date: today, therapist_id: userName },
    intervention_us_d5w: { date: today, injector_id: userName, solution: 'dextrose_5' },
    deviation: { date: today },
    end_of_study: { date: today, last_visit: lastDone?.visitCode ?? 'BL' },
  };
  return byForm[formCode] ?? {};
}

/** One eCRF of one participant at one visit (the generic renderer, issue 5 item 3). */
export function FormPage() {
  const { id = '', visitCode = '', formCode = '' } = useParams();
  const [params] = useSearchParams();
  const seq = Math.max(1, Number(params.get('seq') ?? '1') || 1);
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const participant = useParticipant(id);
  const form = study.forms.find((f) => f.code === formCode);

  if (formCode === 'eligibility') return <Navigate to={`/participants/${id}/screening`} replace />;
  if (participant.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (participant.isError) {
    return <QueryError error={participant.error} onRetry={() => void participant.refetch()} />;
  }
  const p = participant.data;
  if (!form) return <p className="panel">{t('participants.forms.unknown')}</p>;
  const record: FormRecord | undefined = p.records.find(
    (r) => r.visitCode === visitCode && r.formCode === formCode && r.seq === seq,
  );
  const visit = visitDefinition(visitCode);
  const visitLabel = visit
    ? localized(visit.label, i18n.language)
    : t(`participants.visitCodes.${visitCode === 'TX' ? 'TX' : 'UNS'}`);
  const back = participantLink(p.id, tabOf(visitCode, formCode));
  const readOnly = !mayEnterForm(user, formCode);

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
      <StudyForm
        key={`${visitCode}-${formCode}-${seq}`}
        participantId={p.id}
        visitCode={visitCode}
        form={form}
        seq={seq}
        record={record}
        readOnly={readOnly}
        headingLevel={1}
        defaults={defaultsFor(formCode, seq, user?.displayName ?? '', i18n.language, p)}
        intro={
          <p className="muted form-context">
            <span className="mono">{p.studyId}</span> · {visitLabel}
          </p>
        }
      />
      <div className="actions">
        <Link to={back} className="button">
          ← {t('participants.forms.backToParticipant', { studyId: p.studyId })}
        </Link>
      </div>
    </section>
  );
}

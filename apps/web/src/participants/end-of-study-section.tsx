import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { RecordStatusBadge } from '../forms/record-status-badge';
import { formDefinition, localized, study, unscheduledVisit } from '../forms/study';
import { valueText } from '../forms/value-text';
import { formLink } from './participant-links';
import type { ParticipantView } from './participants-api';
import { canEnterForm } from './permissions';

/** End of study or withdrawal (protocol §5.2); the allocation itself is never withdrawn. */
export function EndOfStudySection({ participant: p }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const end = study.roles.endOfParticipation;
  const form = formDefinition(end.form);
  const record = p.records.find((r) => r.formCode === end.form);
  const editable = canEnterForm(user?.role, end.form) && p.consentDate !== null;
  const field = (name: string) => form.fields.find((f) => f.name === name);
  return (
    <section className="panel stack" aria-labelledby="eos-title">
      <div className="section-head">
        <h2 id="eos-title">{localized(form.label, i18n.language)}</h2>
        {record ? <RecordStatusBadge record={record} /> : null}
      </div>
      <p className="muted">{t('participants.eos.intro')}</p>
      {record ? (
        <dl className="facts">
          {[end.statusField, 'date', end.lastVisitField, 'reason'].map((name) => {
            const f = field(name);
            return (
              <div key={name}>
                <dt>{f ? localized(f.label, i18n.language) : name}</dt>
                <dd>{valueText(f, record.data[name], i18n.language)}</dd>
              </div>
            );
          })}
        </dl>
      ) : null}
      {!p.consentDate ? <p className="notice">{t('participants.blocked.consent')}</p> : null}
      {editable || record ? (
        <div className="actions">
          <Link
            className={record ? 'button' : 'button primary'}
            to={formLink(p.id, record?.visitCode ?? unscheduledVisit(), end.form)}
          >
            {record
              ? editable
                ? t('participants.forms.open')
                : t('participants.forms.view')
              : t('participants.eos.record')}
          </Link>
        </div>
      ) : null}
    </section>
  );
}

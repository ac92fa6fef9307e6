import { casebookReaderRoles } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { ArmLabel } from './arm-label';
import { allocationOf, type ParticipantView } from './participants-api';
import { ParticipantStatusBadge } from './status-badges';
import { useDates } from './use-dates';
import { useSeesArm } from './use-sees-arm';

/** Study id, site, status and (never for blinded assessors) the arm. */
export function ParticipantHeader({ participant: p }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const dates = useDates();
  const seesArm = useSeesArm();
  const site = user?.sites.find((s) => s.id === p.siteId);
  const allocation = seesArm ? allocationOf(p) : null;
  return (
    <header className="participant-header panel">
      <div className="participant-title">
        <h1 className="mono">{p.studyId}</h1>
        <ParticipantStatusBadge status={p.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('participants.site')}</dt>
          <dd>
            {p.siteCode}
            {site ? <span className="muted"> · {site.name}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('participants.list.screened')}</dt>
          <dd>{dates.day(p.screenedAt)}</dd>
        </div>
        <div>
          <dt>{t('participants.consentDate')}</dt>
          <dd>{dates.day(p.consentDate)}</dd>
        </div>
        {allocation ? (
          <div>
            <dt>{t('participants.arm')}</dt>
            <dd>
              <ArmLabel code={allocation.arm} />
            </dd>
          </div>
        ) : null}
      </dl>
      {user && casebookReaderRoles.includes(user.role) ? (
        // The casebook as of now, in the screen's language (docs/closeout.md "Casebooks").
        <a href={`/api/v1/closeout/casebooks/${p.id}?lang=${i18n.language === 'tr' ? 'tr' : 'en'}`} download>
          {t('participants.casebook')}
        </a>
      ) : null}
    </header>
  );
}

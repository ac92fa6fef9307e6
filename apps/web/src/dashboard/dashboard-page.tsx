import { can, canAny } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { BlindedNote } from '../components/blinded-note';
import { QueryError } from '../components/query-error';
import { needsFor } from '../navigation';
import { visitLabel } from '../review/study-labels';
import { useReviewFormat } from '../review/time-format';
import { ConsortFigure } from './consort-figure';
import { type DashboardView, useDashboard } from './dashboard-api';
import { EmergencyUnblindings } from './emergency-unblindings';
import { EnrollmentChart } from './enrollment-chart';
import { cumulativeOn, monthRange } from './enrollment-series';
import '../styles/monitor.css';

/** The study at a glance (R-MON-2): enrollment, CONSORT, visits and queries. */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const dashboard = useDashboard();
  if (dashboard.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (dashboard.isError)
    return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  const { enrollment } = data;
  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('monitor.dashboard.title')}</h1>
        <p className="muted">
          {t('monitor.dashboard.generated', { time: format.dateTime(data.generatedAt) })}
        </p>
      </div>
      <KeyFigures data={data} />
      <section className="panel" aria-labelledby="enrollment-title">
        <h2 id="enrollment-title">{t('monitor.dashboard.enrollment')}</h2>
        <Enrollment data={data} />
        {enrollment.bySite.length > 0 ? (
          <p className="muted">
            {enrollment.bySite
              .map((s) =>
                t('monitor.dashboard.siteCount', { site: s.siteCode, n: format.number(s.randomized) }),
              )
              .join(' · ')}
          </p>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="consort-title">
        <h2 id="consort-title">{t('monitor.dashboard.consort')}</h2>
        <ConsortFigure consort={data.consort} />
        <Arms consort={data.consort} />
      </section>
      <section className="panel" aria-labelledby="visits-title">
        <h2 id="visits-title">{t('monitor.dashboard.visits')}</h2>
        <VisitProgress visits={data.visits} />
      </section>
      <EmergencyUnblindings data={data} />
    </section>
  );
}

function KeyFigures({ data }: { data: DashboardView }) {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const { user } = useSession();
  const { target, randomized } = data.enrollment;
  const overdue = data.visits.reduce((sum, v) => sum + v.overdue, 0);
  const canOpenQueries = canAny(user, needsFor('/queries'));
  return (
    <ul className="key-figures">
      <li className="panel key-figure">
        <span className="key-label">{t('monitor.dashboard.randomized')}</span>
        <span className="key-value">
          {t('monitor.dashboard.ofTarget', { n: format.number(randomized), target: format.number(target) })}
        </span>
        <meter min={0} max={target} value={randomized} aria-label={t('monitor.dashboard.randomized')} />
        <span className="muted">{format.percent(target > 0 ? randomized / target : 0)}</span>
      </li>
      <li className="panel key-figure">
        <span className="key-label">{t('monitor.dashboard.screened')}</span>
        <span className="key-value">{format.number(data.consort.assessed)}</span>
      </li>
      <li className="panel key-figure">
        <span className="key-label">{t('monitor.dashboard.overdue')}</span>
        <span className={`key-value${overdue > 0 ? ' key-warn' : ''}`}>{format.number(overdue)}</span>
      </li>
      <li className="panel key-figure">
        <span className="key-label">{t('monitor.dashboard.queries')}</span>
        <span className="key-value">
          {t('monitor.dashboard.queryCounts', {
            open: format.number(data.queries.open),
            answered: format.number(data.queries.answered),
          })}
        </span>
        {canOpenQueries ? <Link to="/queries">{t('monitor.dashboard.toQueries')}</Link> : null}
        {can(user, 'verify_source') ? <Link to="/review">{t('monitor.review.indexTitle')}</Link> : null}
      </li>
    </ul>
  );
}

function Enrollment({ data }: { data: DashboardView }) {
  const { t } = useTranslation();
  const { enrollment } = data;
  const now = data.generatedAt.slice(0, 7);
  const last = [now, ...enrollment.months.map((m) => m.month)].sort().at(-1) ?? now;
  const months = monthRange([enrollment.months, ...enrollment.bySite.map((s) => s.months)], last);
  return (
    <EnrollmentChart
      months={months}
      target={enrollment.target}
      total={{
        key: 'total',
        label: t('monitor.dashboard.total'),
        values: cumulativeOn(months, enrollment.months),
      }}
      sites={enrollment.bySite.map((s) => ({
        key: s.siteId,
        label: s.siteCode,
        values: cumulativeOn(months, s.months),
      }))}
    />
  );
}

/** Per-arm numbers: only in the unblinded answer (assessors' schema has no `arms`). */
function Arms({ consort }: { consort: DashboardView['consort'] }) {
  const { t, i18n } = useTranslation();
  const format = useReviewFormat();
  if (!('arms' in consort)) return <BlindedNote subject="consortArms" />;
  if (consort.arms.length === 0) return null;
  const language = i18n.language === 'tr' ? 'tr' : 'en';
  return (
    <table className="compact-table arms-table">
      <caption>{t('monitor.dashboard.byArm')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('monitor.dashboard.arm')}</th>
          <th scope="col">{t('monitor.dashboard.allocated')}</th>
          <th scope="col">{t('monitor.dashboard.analysed')}</th>
        </tr>
      </thead>
      <tbody>
        {consort.arms.map((a) => (
          <tr key={a.code}>
            <th scope="row">{a.label[language]}</th>
            <td>{format.number(a.allocated)}</td>
            <td>{format.number(a.analysed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VisitProgress({ visits }: { visits: DashboardView['visits'] }) {
  const { t, i18n } = useTranslation();
  const format = useReviewFormat();
  if (visits.length === 0) return <p className="muted">{t('monitor.dashboard.noVisits')}</p>;
  const columns = ['upcoming', 'due', 'overdue', 'missed', 'done'] as const;
  return (
    <table className="responsive-table">
      <thead>
        <tr>
          <th scope="col">{t('monitor.dashboard.visit')}</th>
          {columns.map((c) => (
            <th key={c} scope="col">
              {t(`monitor.visitStatus.${c}`)}
            </th>
          ))}
          <th scope="col">{t('monitor.dashboard.completion')}</th>
        </tr>
      </thead>
      <tbody>
        {visits.map((v) => {
          // Completion among visits whose window has opened (upcoming ones are not yet expected).
          const expected = v.due + v.overdue + v.missed + v.done;
          return (
            <tr key={v.visitCode}>
              <th scope="row" data-label={t('monitor.dashboard.visit')}>
                {visitLabel(v.visitCode, i18n.language)}
              </th>
              {columns.map((c) => (
                <td key={c} data-label={t(`monitor.visitStatus.${c}`)}>
                  {c === 'overdue' && v.overdue > 0 ? (
                    <span className="badge badge-warn">{format.number(v.overdue)}</span>
                  ) : (
                    format.number(v[c])
                  )}
                </td>
              ))}
              <td data-label={t('monitor.dashboard.completion')}>
                {expected > 0
                  ? t('monitor.dashboard.completionValue', {
                      done: format.number(v.done),
                      expected: format.number(expected),
                      percent: format.percent(v.done / expected),
                    })
                  : t('common.none')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

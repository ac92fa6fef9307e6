import type { ScorePointBlinded, ScoresResponse } from '@mini-edc/domain';
import { useTranslation } from 'react-i18next';
import { BlindedNote } from '../components/blinded-note';
import { QueryError } from '../components/query-error';
import { localized, visitDefinition } from '../forms/study';
import { useScoreFormat } from '../forms/use-score-format';
import { useScores } from './participants-api';
import { ScoreChart } from './score-chart';

function Responder({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  if (value === null) return <span className="muted">—</span>;
  return value ? (
    <span className="badge badge-ok">✓ {t('participants.scores.reached')}</span>
  ) : (
    <span className="badge badge-off">{t('participants.scores.notReached')}</span>
  );
}

/**
 * VAS and ODI at each visit, change from baseline and MCID (protocol §2.3, §3.2 rule 8). A viewer
 * without `see_outcome_comparison` gets follow-up values only from the server (R-BLIND-2); the
 * table then has no baseline, change or MCID column, and says why in neutral words.
 */
export function ScoresSection({ participantId }: { participantId: string }) {
  const { t, i18n } = useTranslation();
  const scores = useScores(participantId);
  const labelOf = (code: string) => {
    const def = visitDefinition(code);
    return def ? localized(def.label, i18n.language) : code;
  };
  if (scores.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (scores.isError) return <QueryError error={scores.error} onRetry={() => void scores.refetch()} />;
  const data = scores.data;
  const comparison = 'thresholds' in data ? data : null;
  if (data.points.length === 0) {
    return (
      <div className="panel stack">
        <p className="muted">{t('participants.scores.none')}</p>
        {comparison ? null : <BlindedNote subject="scores" />}
      </div>
    );
  }
  return (
    <section className="panel stack" aria-labelledby="scores-title">
      <h2 id="scores-title">{t('participants.scores.title')}</h2>
      {comparison ? <McidNote thresholds={comparison.thresholds} /> : <BlindedNote subject="scores" />}
      <div className="scores-layout">
        {comparison ? (
          <ComparisonTable points={comparison.points} labelOf={labelOf} />
        ) : (
          <ValuesTable points={data.points} labelOf={labelOf} />
        )}
        <ScoreChart points={data.points} labelOf={labelOf} />
      </div>
    </section>
  );
}

function McidNote({ thresholds }: { thresholds: ScoresResponse['thresholds'] }) {
  const { t } = useTranslation();
  return (
    <p className="muted">
      {t('participants.scores.mcid', {
        vasMm: thresholds.vas.absoluteMm,
        vasPct: Math.round(thresholds.vas.relativeFraction * 100),
        odiPoints: thresholds.odi.absolutePoints,
        odiPct: Math.round(thresholds.odi.relativeFraction * 100),
      })}
    </p>
  );
}

type Labels = { labelOf: (code: string) => string };

/** Follow-up values only, for a blinded outcome assessor. */
function ValuesTable({ points, labelOf }: { points: ScorePointBlinded[] } & Labels) {
  const { t } = useTranslation();
  const fmt = useScoreFormat();
  return (
    <table className="compact-table scores-table">
      <caption className="sr-only">{t('participants.scores.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('participants.visits.visit')}</th>
          <th scope="col">{t('participants.scores.vasMm')}</th>
          <th scope="col">{t('participants.scores.odiPct')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.visitCode}>
            <th scope="row">{labelOf(p.visitCode)}</th>
            <td>{p.vasMm ?? '—'}</td>
            <td>{p.odiPctX10 === null ? '—' : fmt.decimal1(p.odiPctX10)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ComparisonTable({ points, labelOf }: { points: ScoresResponse['points'] } & Labels) {
  const { t } = useTranslation();
  const fmt = useScoreFormat();
  return (
    <table className="compact-table scores-table">
      <caption className="sr-only">{t('participants.scores.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('participants.visits.visit')}</th>
          <th scope="col">{t('participants.scores.vasMm')}</th>
          <th scope="col">{t('participants.scores.change')}</th>
          <th scope="col">{t('participants.scores.mcidShort')}</th>
          <th scope="col">{t('participants.scores.odiPct')}</th>
          <th scope="col">{t('participants.scores.change')}</th>
          <th scope="col">{t('participants.scores.mcidShort')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.visitCode}>
            <th scope="row">{labelOf(p.visitCode)}</th>
            <td>{p.vasMm ?? '—'}</td>
            <td>
              {p.vasDelta === null ? '—' : fmt.signed(p.vasDelta)}
              {p.vasLargeChange ? (
                <span className="badge badge-warn" title={t('participants.scores.largeChange')}>
                  ⚠ {t('participants.scores.largeChangeShort')}
                </span>
              ) : null}
            </td>
            <td>
              <Responder value={p.vasResponder} />
            </td>
            <td>{p.odiPctX10 === null ? '—' : fmt.decimal1(p.odiPctX10)}</td>
            <td>{p.odiDeltaX10 === null ? '—' : fmt.signedDecimal1(p.odiDeltaX10)}</td>
            <td>
              <Responder value={p.odiResponder} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

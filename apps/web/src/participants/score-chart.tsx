import type { ScorePointBlinded } from '@mini-edc/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useScoreFormat } from '../forms/use-score-format';

const W = 560;
const H = 240;
const PAD = { left: 40, right: 16, top: 20, bottom: 40 };
/** Keeps the first and last points (and their labels) clear of the axis and the edge. */
const INSET = 40;

/**
 * VAS (mm) and ODI (%) over the visits, both on 0–100, as a small inline SVG (no chart library).
 * The table beside it carries the same numbers for assistive technology.
 */
export function ScoreChart({
  points,
  labelOf,
}: {
  points: ScorePointBlinded[];
  labelOf: (code: string) => string;
}) {
  const { t } = useTranslation();
  const fmt = useScoreFormat();
  const titleId = useId();
  const descId = useId();
  const plotW = W - PAD.left - PAD.right - 2 * INSET;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + INSET + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - (v / 100) * plotH;
  const series = [
    {
      key: 'vasMm',
      label: t('participants.scores.vasMm'),
      cls: 'series-vas',
      values: points.map((p) => p.vasMm),
    },
    {
      key: 'odiPct',
      label: t('participants.scores.odiPct'),
      cls: 'series-odi',
      values: points.map((p) => (p.odiPctX10 === null ? null : p.odiPctX10 / 10)),
    },
  ];
  const pathOf = (values: (number | null)[]) =>
    values
      .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
      .filter(Boolean)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p}`)
      .join(' ');

  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{t('participants.scores.chartTitle')}</title>
        <desc id={descId}>{t('participants.scores.chartDesc')}</desc>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v} className="grid-line">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text key={p.visitCode} className="axis-label" x={x(i)} y={H - PAD.bottom + 20} textAnchor="middle">
            {labelOf(p.visitCode)}
          </text>
        ))}
        {series.map((s) => (
          <g key={s.key} className={s.cls}>
            <path d={pathOf(s.values)} fill="none" />
            {s.values.map((v, i) =>
              v === null ? null : (
                <g key={points[i]?.visitCode}>
                  <circle cx={x(i)} cy={y(v)} r={4.5} />
                  <text x={x(i)} y={y(v) - 9} textAnchor="middle" className="point-label">
                    {s.key === 'odiPct' ? fmt.decimal1(Math.round(v * 10)) : v}
                  </text>
                </g>
              ),
            )}
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.key} className={`legend-item ${s.cls}`}>
            <span className="legend-swatch" aria-hidden="true" /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

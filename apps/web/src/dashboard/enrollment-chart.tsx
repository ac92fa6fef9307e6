import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewFormat } from '../review/time-format';
import { axisMax, type Series } from './enrollment-series';

interface EnrollmentChartProps {
  months: readonly string[];
  total: Series;
  sites: readonly Series[];
  target: number;
}

const W = 720;
const H = 300;
const M = { top: 16, right: 24, bottom: 36, left: 44 };
/** Colour plus dash pattern, so sites are told apart without colour too. */
const siteStyles = [
  { stroke: '#b45309', dash: '6 4' },
  { stroke: '#0f766e', dash: '2 4' },
  { stroke: '#7c3aed', dash: '10 4 2 4' },
  { stroke: '#be123c', dash: '4 2' },
];

/**
 * Cumulative randomizations against the target, total and per site, as inline SVG. The numbers
 * are also in the table below the chart, for screen readers and for reading exact values.
 */
export function EnrollmentChart({ months, total, sites, target }: EnrollmentChartProps) {
  const { t } = useTranslation();
  const format = useReviewFormat();
  const titleId = useId();
  const descId = useId();
  const max = axisMax(target, total.values);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  // Month i spans [x(i), x(i+1)]; its cumulative count is drawn at its end.
  const x = (i: number) => M.left + (plotW * i) / Math.max(months.length, 1);
  const y = (v: number) => M.top + plotH - (plotH * v) / max;
  const path = (values: readonly number[]) =>
    [`M ${x(0)} ${y(0)}`, ...values.map((v, i) => `L ${x(i + 1)} ${y(v)}`)].join(' ');
  const ticks = Array.from({ length: 5 }, (_, i) => Math.round((max * i) / 4));
  const every = Math.ceil(months.length / 8);

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="chart-svg"
      >
        <title id={titleId}>{t('monitor.dashboard.chartTitle')}</title>
        <desc id={descId}>
          {t('monitor.dashboard.chartDesc', {
            randomized: total.values.at(-1) ?? 0,
            target,
          })}
        </desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="chart-grid" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="chart-tick">
              {format.number(v)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          i % every === 0 ? (
            <text
              key={m}
              x={(x(i) + x(i + 1)) / 2}
              y={H - M.bottom + 18}
              textAnchor="middle"
              className="chart-tick"
            >
              {format.month(m)}
            </text>
          ) : null,
        )}
        <line x1={M.left} x2={W - M.right} y1={y(target)} y2={y(target)} className="chart-target" />
        <text x={W - M.right} y={y(target) - 6} textAnchor="end" className="chart-target-label">
          {t('monitor.dashboard.target', { target: format.number(target) })}
        </text>
        {sites.map((s, i) => {
          const style = siteStyles[i % siteStyles.length] ?? siteStyles[0];
          return (
            <path
              key={s.key}
              d={path(s.values)}
              fill="none"
              stroke={style?.stroke}
              strokeDasharray={style?.dash}
              strokeWidth={2}
            />
          );
        })}
        <path d={path(total.values)} fill="none" className="chart-total" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="chart-axis" />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="chart-axis" />
      </svg>
      <figcaption>
        <ul className="chart-legend">
          <li>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" className="chart-total" />
            </svg>{' '}
            {total.label}
          </li>
          {sites.map((s, i) => {
            const style = siteStyles[i % siteStyles.length] ?? siteStyles[0];
            return (
              <li key={s.key}>
                <svg width="28" height="10" aria-hidden="true">
                  <line
                    x1="0"
                    x2="28"
                    y1="5"
                    y2="5"
                    stroke={style?.stroke}
                    strokeDasharray={style?.dash}
                    strokeWidth={2}
                  />
                </svg>{' '}
                {s.label}
              </li>
            );
          })}
          <li>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" className="chart-target" />
            </svg>{' '}
            {t('monitor.dashboard.target', { target: format.number(target) })}
          </li>
        </ul>
      </figcaption>
      <details className="chart-data">
        <summary>{t('monitor.dashboard.showNumbers')}</summary>
        <table className="compact-table">
          <caption className="sr-only">{t('monitor.dashboard.chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitor.dashboard.month')}</th>
              <th scope="col">{total.label}</th>
              {sites.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m, i) => (
              <tr key={m}>
                <th scope="row">{format.month(m)}</th>
                <td>{format.number(total.values[i] ?? 0)}</td>
                {sites.map((s) => (
                  <td key={s.key}>{format.number(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

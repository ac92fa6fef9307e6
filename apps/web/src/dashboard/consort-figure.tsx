import { useTranslation } from 'react-i18next';
import { consortSvgUrl, type DashboardView } from './dashboard-api';

/**
 * The CONSORT flow diagram as the API draws it (the same SVG as the download), in the user's
 * language. The alt text gives the main counts, since an image of text is not read aloud.
 */
export function ConsortFigure({ consort }: { consort: DashboardView['consort'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'tr' ? 'tr' : 'en';
  const arms =
    'arms' in consort
      ? consort.arms.map((a) => t('monitor.dashboard.consortArm', { arm: a.label[language], n: a.allocated }))
      : [];
  const alt = [
    t('monitor.dashboard.consortAlt', {
      assessed: consort.assessed,
      excluded: consort.excluded.total,
      randomized: consort.randomized,
      analysed: consort.analysed,
    }),
    ...arms,
  ].join(' ');
  return (
    <figure className="consort">
      <img src={consortSvgUrl(language)} alt={alt} className="consort-img" />
      <figcaption className="actions">
        <span className="muted">{t('monitor.dashboard.consortCaption')}</span>
        <a href={consortSvgUrl(language, true)} download className="button small">
          {t('monitor.dashboard.downloadSvg')}
        </a>
      </figcaption>
    </figure>
  );
}

import { useTranslation } from 'react-i18next';
import type { NavItem } from '../navigation';

/** Placeholder for sections that other parts of the project will fill in. */
export function ComingSoonPage({ title }: { title: NavItem['label'] }) {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h1>{t(title)}</h1>
      <p className="muted">{t('comingSoon.body')}</p>
    </section>
  );
}

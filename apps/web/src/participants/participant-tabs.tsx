import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tab } from './participant-links';

/** A WAI-ARIA tab list: arrow keys, Home and End move between tabs; the choice lives in the URL. */
export function ParticipantTabs({
  tabs,
  current,
  onSelect,
  badges,
}: {
  tabs: readonly Tab[];
  current: Tab;
  onSelect: (tab: Tab) => void;
  badges?: Partial<Record<Tab, string>>;
}) {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.indexOf(current);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab);
    document.getElementById(`tab-${tab}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={t('participants.tabs.label')} className="tabs">
      {tabs.map((tab) => (
        <button
          key={tab}
          id={`tab-${tab}`}
          type="button"
          role="tab"
          aria-selected={tab === current}
          aria-controls={`panel-${tab}`}
          tabIndex={tab === current ? 0 : -1}
          className="tab"
          onClick={() => onSelect(tab)}
          onKeyDown={onKeyDown}
        >
          {t(`participants.tabs.${tab}`)}
          {badges?.[tab] ? <span className="badge badge-serious tab-badge">{badges[tab]}</span> : null}
        </button>
      ))}
    </div>
  );
}

import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The fields of the record on screen that have an unresolved data query (open or answered), so
 * each field shows a marker beside it; the query itself, with its answer and close steps, is in
 * the panel below the form (#record-queries). Empty outside a form page: no markers.
 */
const FieldQueriesContext = createContext<ReadonlyMap<string, number>>(new Map());

export function FieldQueriesProvider({
  unresolved,
  children,
}: {
  unresolved: ReadonlyMap<string, number>;
  children: ReactNode;
}) {
  return <FieldQueriesContext.Provider value={unresolved}>{children}</FieldQueriesContext.Provider>;
}

/** The marker beside a field with an unresolved query; nothing otherwise. */
export function FieldQueryMarker({ field, label }: { field: string; label: string }) {
  const { t } = useTranslation();
  const count = useContext(FieldQueriesContext).get(field) ?? 0;
  if (count === 0) return null;
  return (
    <a href="#record-queries" className="badge badge-danger query-marker" data-field-query={field}>
      <span aria-hidden="true">⚑ </span>
      {t('participants.formReview.marker', { count })}
      <span className="sr-only"> ({label})</span>
    </a>
  );
}

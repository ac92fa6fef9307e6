import { studyVersionSchema } from '@mini-edc/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client';
import { QueryError } from '../components/query-error';
import { setStudy } from './study';

/** The current study definition version (R-DEF-2); an amendment arrives with the next fetch. */
export const studyQuery = queryOptions({
  queryKey: ['study'],
  queryFn: () => apiFetch('/study', { schema: studyVersionSchema }),
  staleTime: 60_000,
});

export function useStudyVersion() {
  return useQuery({ ...studyQuery, refetchOnWindowFocus: true });
}

/**
 * Renders its screens once the server's study definition is here, and again (keyed by version)
 * when a new version is published: forms, visits, criteria and labels are never bundled.
 */
export function StudyGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const query = useStudyVersion();
  if (query.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  setStudy(query.data.definition, query.data.timeZone);
  return <Fragment key={query.data.version}>{children}</Fragment>;
}

import type { Health } from '@mini-edc/domain';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/client';

export function HomePage() {
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => apiFetch<Health>('/health'),
    retry: false,
  });
  if (health.isPending) return <p>Loading…</p>;
  if (health.isError) {
    return (
      <p role="alert" className="error">
        The server cannot be reached: {health.error.message}
      </p>
    );
  }
  const { study, database } = health.data;
  return (
    <section>
      <h1>{study.name}</h1>
      <p>
        Study <strong>{study.id}</strong>
      </p>
      <p data-testid="health-status">
        API: {health.data.status} · database ({database.engine}):{' '}
        {database.reachable ? 'reachable' : 'unreachable'}
      </p>
    </section>
  );
}

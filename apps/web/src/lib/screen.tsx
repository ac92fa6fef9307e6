import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { matchRoutes, type Params, type RouteObject } from 'react-router';

/** A screen in its own chunk, and the function that fetches that chunk before it is drawn. */
export interface Screen<P extends object = Record<string, never>> {
  Component: ComponentType<P>;
  preload: () => Promise<void>;
}

/**
 * A screen loaded on demand (React.lazy) that can also be fetched ahead: the app, started on a
 * deep link, fetches the screen's chunk while it fetches its catalogue and the study definition,
 * and draws the screen directly once it is here. React.lazy alone starts the download only when
 * the screen renders and then waits for Suspense's next reveal, two steps the first paint of a
 * signed-in page on a slow network pays for (docs/benchmarks.md, "Web app").
 */
export function screen<M, P extends object = Record<string, never>>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): Screen<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = () => {
    pending ??= load().then((module) => {
      loaded = pick(module);
      return loaded;
    });
    return pending;
  };
  const Lazy = lazy(() => fetchOnce().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per screen when its module loads, never during a render
  function Component(props: P) {
    const Ready = loaded;
    return Ready ? <Ready {...props} /> : <Lazy {...props} />;
  }
  return {
    Component,
    preload: () =>
      fetchOnce().then(
        () => undefined,
        // A failed download is retried, and reported, by the render that needs it.
        () => undefined,
      ),
  };
}

/** What a screen's data fetch ahead gets: the route's parameters, the query string, the cache. */
export interface Ahead {
  params: Params;
  search: URLSearchParams;
  client: QueryClient;
}

/** What a route carries so the app can fetch its screen, and the data it opens with, ahead. */
interface AheadHandle {
  preload: () => Promise<void>;
  data?: (ahead: Ahead) => Promise<unknown>;
}

export function preloads<P extends object>(
  target: Screen<P>,
  data?: (ahead: Ahead) => Promise<unknown>,
): AheadHandle {
  return { preload: target.preload, data };
}

function isAheadHandle(handle: unknown): handle is AheadHandle {
  return (
    typeof handle === 'object' &&
    handle !== null &&
    'preload' in handle &&
    typeof handle.preload === 'function' &&
    (!('data' in handle) || handle.data === undefined || typeof handle.data === 'function')
  );
}

/**
 * Fetches the chunks of the screens `location` shows and the data they open with, into the query
 * cache the screens read. Failures are left to the screens, which ask again and report them.
 */
export function preloadScreens(
  routes: RouteObject[],
  location: { pathname: string; search: string },
  client: QueryClient,
): void {
  const search = new URLSearchParams(location.search);
  for (const match of matchRoutes(routes, location.pathname) ?? []) {
    const handle: unknown = match.route.handle;
    if (!isAheadHandle(handle)) continue;
    void handle.preload();
    void handle.data?.({ params: match.params, search, client }).catch(() => undefined);
  }
}

/** The screen, with the localized "Loading…" while its chunk is still on its way. */
export function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingText />}>{children}</Suspense>;
}

function LoadingText() {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}

import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { matchRoutes, type RouteObject } from 'react-router';

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

/** What a route carries so the app can fetch its screen ahead (see preloadScreens). */
export function preloads<P extends object>(target: Screen<P>): { preload: () => Promise<void> } {
  return { preload: target.preload };
}

function preloadOf(handle: unknown): (() => Promise<void>) | null {
  if (typeof handle !== 'object' || handle === null || !('preload' in handle)) return null;
  const { preload } = handle;
  return typeof preload === 'function' ? () => Promise.resolve(preload()).then(() => undefined) : null;
}

/** Fetches the chunks of the screens `pathname` shows; resolves when they are here (or failed). */
export function preloadScreens(routes: RouteObject[], pathname: string): Promise<void> {
  const matches = matchRoutes(routes, pathname) ?? [];
  const loads = matches.flatMap((match) => {
    const preload = preloadOf(match.route.handle);
    return preload ? [preload()] : [];
  });
  return Promise.all(loads).then(() => undefined);
}

/** The screen, with the localized "Loading…" while its chunk is still on its way. */
export function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingText />}>{children}</Suspense>;
}

function LoadingText() {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}

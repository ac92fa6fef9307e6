/**
 * What a signed-in deep link opens with, so index.html can name it for the browser to fetch at
 * once: the screen's chunk (its source file, as Vite's manifest keys it) and the API answers the
 * screen asks for first. Without these the screen's chunk waits for the app to run, and its data
 * for the chunk: three round trips on a clinic tablet's network before the first field shows
 * (docs/benchmarks.md, "Web app"; R-UI-4). Only answers every role that may open the screen can
 * read are named (read_participants), so a hint never costs a refusal. The paths follow
 * apps/web/src/router.tsx; a path missing here is still served, only without its screen's hints.
 */

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Visit and form codes of the study definition: letters, digits and underscores.
const code = '[A-Za-z0-9_]{1,40}';

export interface ScreenHints {
  /** The screen's source file, a key of Vite's build manifest. */
  screen: string;
  /** Same-origin API paths the screen fetches as it opens. */
  data: string[];
}

interface ScreenRoute {
  path: RegExp;
  screen: string;
  data: (id: string | undefined, filtered: boolean) => string[];
}

const participant = (id: string | undefined) =>
  id ? [`/api/v1/participants/${id}`, '/api/v1/study/status'] : [];

const routes: ScreenRoute[] = [
  {
    path: /^\/participants\/?$/,
    screen: 'src/participants/participants-page.tsx',
    // A filtered list (?status=…) asks for another answer than the one named here.
    data: (_id, filtered) =>
      filtered ? ['/api/v1/study/status'] : ['/api/v1/participants', '/api/v1/study/status'],
  },
  {
    path: new RegExp(`^/participants/(${uuid})/?$`),
    screen: 'src/participants/participant-page.tsx',
    data: participant,
  },
  {
    path: new RegExp(`^/participants/(${uuid})/visits/${code}/forms/odi/?$`),
    screen: 'src/participants/form-page.tsx',
    // The ODI form shows the study's licensed statements when it has loaded them.
    data: (id) => [...participant(id), '/api/v1/instruments/odi/statements'],
  },
  {
    path: new RegExp(`^/participants/(${uuid})/visits/${code}/forms/${code}/?$`),
    screen: 'src/participants/form-page.tsx',
    data: participant,
  },
  { path: /^\/grid\/?$/, screen: 'src/grid/record-grid-page.tsx', data: () => [] },
];

/** The hints for a page's path and whether it has a query string, or null for a path with none. */
export function screenHintsFor(path: string, hasQuery: boolean): ScreenHints | null {
  for (const route of routes) {
    const match = route.path.exec(path);
    if (match) return { screen: route.screen, data: route.data(match[1], hasQuery) };
  }
  return null;
}

/** Every screen file the table names, for the check that each is a chunk of the build. */
export const hintedScreens = [...new Set(routes.map((route) => route.screen))];

import type { Rollup } from 'vite';

type GetModuleInfo = Rollup.GetModuleInfo;

/**
 * Rollup gives every module that two screens share a chunk of its own, so a screen opened on a
 * deep link asked for some thirty files of one or two kilobytes each, a round trip apiece on a slow
 * network (docs/benchmarks.md, "Web app"). The modules that only screens use (neither the entry,
 * which the sign-in page loads, nor the app every signed-in page loads) and that two screens or
 * more share go into one chunk instead; what one screen alone uses stays in that screen's chunk.
 */
export function sharedScreenChunk(): (id: string, meta: Rollup.ManualChunkMeta) => string | undefined {
  let chunks: Map<string, string> | null = null;
  return (id, { getModuleInfo, getModuleIds }) => {
    chunks ??= chunkOf(getModuleInfo, [...getModuleIds()]);
    return chunks.get(id);
  };
}

/**
 * A module this small (its code, in characters, before minifying) costs more as a request of its
 * own than as bytes in a screen that does not need it; larger shared modules (the form fields,
 * the study form) keep a chunk of their own, so the participant list does not download them.
 */
const smallModule = 6_000;

function staticClosure(getModuleInfo: GetModuleInfo, start: string, into = new Set<string>()): Set<string> {
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || into.has(id)) continue;
    into.add(id);
    for (const imported of getModuleInfo(id)?.importedIds ?? []) stack.push(imported);
  }
  return into;
}

/**
 * The entry's and the app's modules are named too: a manual chunk takes in every module it
 * imports that no other chunk is named for, and would otherwise swallow the app and the entry.
 */
function chunkOf(getModuleInfo: GetModuleInfo, ids: string[]): Map<string, string> {
  // The module graph is complete when manualChunks first runs; its ids are absolute paths.
  const entry = ids.find((id) => id.endsWith('/src/main.tsx'));
  const app = ids.find((id) => id.endsWith('/src/app.tsx'));
  if (!entry || !app) return new Map();
  const chunks = new Map<string, string>();
  // The entry is index.html: main.tsx and the module-preload polyfill Vite adds beside it.
  const inEntry = new Set<string>();
  for (const id of ids) if (getModuleInfo(id)?.isEntry) staticClosure(getModuleInfo, id, inEntry);
  for (const id of inEntry) chunks.set(id, 'index');
  const alwaysLoaded = staticClosure(getModuleInfo, app, new Set(inEntry));
  for (const id of alwaysLoaded) if (!inEntry.has(id)) chunks.set(id, 'app');
  // Every screen (a module some code imports dynamically), found from the entry outwards.
  const screens = new Set<string>();
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const info = getModuleInfo(id);
    for (const imported of info?.importedIds ?? []) stack.push(imported);
    for (const imported of info?.dynamicallyImportedIds ?? []) {
      // The catalogues stay one chunk per language: a browser loads only its own.
      if (!imported.includes('/src/i18n/')) screens.add(imported);
      stack.push(imported);
    }
  }
  const users = new Map<string, number>();
  for (const screen of screens) {
    for (const id of staticClosure(getModuleInfo, screen)) {
      if (!alwaysLoaded.has(id) && !screens.has(id)) users.set(id, (users.get(id) ?? 0) + 1);
    }
  }
  for (const [id, count] of users) {
    const size = getModuleInfo(id)?.code?.length ?? Number.POSITIVE_INFINITY;
    if (count >= 2 && size <= smallModule) chunks.set(id, 'screens');
  }
  return chunks;
}

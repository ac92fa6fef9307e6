import type { Rollup } from 'vite';

type GetModuleInfo = Rollup.GetModuleInfo;
type ManualChunkMeta = Rollup.ManualChunkMeta;

/**
 * Rollup gives every set of modules that the same screens share a chunk of its own, so a screen
 * opened on a deep link asked for some forty files of one or two kilobytes each, a round trip
 * apiece on a slow network (docs/benchmarks.md, "Web app"). Lighthouse's simulated slow 4G counts
 * each request as a round trip on one of six connections while its share of the bandwidth idles,
 * so the chunks a signed-in page needs are few and large:
 * - `app`: the app and everything it imports, with what the catalogues share with it or with the
 *   screens (the message codes), but nothing the sign-in page (the entry) loads;
 * - `screens`: the study gate and the small modules two screens or more share, and what they
 *   import;
 * - `form-kit`: those of them that need the form library, which the participant list does not.
 * Everything else (the entry, each screen's own modules, each catalogue's text) is left where
 * Rollup puts it (`onlyExplicitManualChunks` in vite.config.ts), so the entry, whose top-level
 * await waits for the app, is imported by no chunk. scripts/report-size.mjs fails the build on a
 * chunk importing the entry and on chunks importing one another in a circle.
 */
export function sharedScreenChunk(): (id: string, meta: ManualChunkMeta) => string | undefined {
  let chunks: Map<string, string> | null = null;
  return (id, { getModuleInfo, getModuleIds }) => {
    chunks ??= screenChunks(new ModuleGraph(getModuleInfo), [...getModuleIds()]);
    return chunks.get(id);
  };
}

/**
 * Shared by this many screens or more: a module only one screen uses stays in that screen's chunk.
 * Two is enough: the participant page, the form and the wizard share a dozen small modules, a
 * request each when Rollup splits them, more than their bytes cost the list.
 */
const manyScreens = 2;

/**
 * A module this small (its code, in characters, before minifying) costs more as a request of its
 * own than as bytes in a screen that does not need it; larger shared modules (the study form, the
 * record grid's table) keep a chunk of their own, so the participant list does not download them.
 */
const smallModule = 12_000;

function screenChunks(graph: ModuleGraph, ids: string[]): Map<string, string> {
  const entries = ids.filter((id) => graph.info(id)?.isEntry);
  const appModule = ids.find((id) => id.endsWith('/src/app.tsx'));
  if (!appModule || entries.length === 0) return new Map();
  // Every module some code imports dynamically: the app, each screen and each catalogue.
  const dynamic = new Set(ids.flatMap((id) => graph.info(id)?.dynamicallyImportedIds ?? []));
  // One catalogue chunk per language, so that a browser loads only its own.
  const catalogues = [...dynamic].filter((id) => id.includes('/src/i18n/'));
  const screens = [...dynamic].filter((id) => id !== appModule && !catalogues.includes(id));
  const signInPage = graph.closure(entries);
  // Followed through the modules the sign-in page has too (zod's index, say) to what lies behind.
  const appClosure = graph.closure(appModule);
  const screenClosure = graph.closure(screens);
  const sharedWithCatalogues = [...graph.closure(catalogues)].filter(
    (id) => appClosure.has(id) || screenClosure.has(id),
  );
  const app = [...appClosure, ...sharedWithCatalogues].filter(
    (id) => !signInPage.has(id) && (id === appModule || !dynamic.has(id)),
  );
  const alwaysLoaded = new Set([...signInPage, ...app]);
  const users = new Map<string, number>();
  for (const screen of screens) {
    for (const id of graph.closure(screen)) {
      if (!alwaysLoaded.has(id) && !dynamic.has(id)) users.set(id, (users.get(id) ?? 0) + 1);
    }
  }
  const shared = [...users]
    .filter(
      ([id, count]) =>
        count >= manyScreens && (graph.info(id)?.code?.length ?? Number.POSITIVE_INFINITY) <= smallModule,
    )
    .map(([id]) => id);
  // Every signed-in screen but one waits for the study gate, which is fetched beside the app.
  const gate = screens.filter((id) => id.endsWith('/src/forms/study-gate.tsx'));
  // What those modules import goes with them (unless the entry or the app loads it), so that the
  // chunk never imports a screen's chunk that imports it back.
  const grouped = [...graph.closure([...shared, ...gate], alwaysLoaded)].filter(
    (id) => !alwaysLoaded.has(id),
  );
  // Nothing in 'screens' imports 'form-kit' (a module that did would need the library too), and
  // neither imports a screen, so the three chunks form no circle.
  const formLibrary = grouped.filter((id) => formLibraries.some((name) => id.includes(name)));
  const needsForms = new Set<string>();
  for (const id of grouped) {
    if (formLibrary.some((library) => graph.closure(id, alwaysLoaded).has(library))) needsForms.add(id);
  }
  const chunks = new Map<string, string>(app.map((id) => [id, 'app']));
  for (const id of grouped) chunks.set(id, needsForms.has(id) ? 'form-kit' : 'screens');
  return chunks;
}

/** Packages only screens with a form use (their modules' ids contain these paths). */
const formLibraries = ['/node_modules/react-hook-form/', '/node_modules/@hookform/'];

/** `import … from 'x'`, `export … from 'x'` and `import 'x'`, in the order they appear. */
const importStatement =
  /(?:^|[;\n])\s*(import|export)\s*(?:(type\s+)?([\w$*\s{},]*?)\s*from\s*)?["']([^"']+)["']/g;

type Import = { specifier: string; names: string[] | null };

/**
 * The static imports between modules, seen through re-exporting index files: a screen that takes
 * one contract from `@mini-edc/domain` depends on the file defining it, not on the whole package
 * (Rollup does the same when it places modules, the package having no side effects).
 */
class ModuleGraph {
  private readonly deps = new Map<string, string[]>();
  private readonly exported = new Map<string, Map<string, string>>();

  constructor(readonly info: GetModuleInfo) {}

  /** start and everything it imports, stopping at the modules in `stop`. */
  closure(
    start: string | string[],
    stop: ReadonlySet<string> = new Set(),
    into = new Set<string>(),
  ): Set<string> {
    const stack = typeof start === 'string' ? [start] : [...start];
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === undefined || into.has(id) || stop.has(id)) continue;
      into.add(id);
      stack.push(...this.dependencies(id));
    }
    return into;
  }

  /** The modules id needs: through an index file, only those defining the names it takes. */
  private dependencies(id: string): string[] {
    const known = this.deps.get(id);
    if (known) return known;
    const imported = this.info(id)?.importedIds ?? [];
    const imports = this.imports(id);
    let deps: string[] = [...imported];
    if (imports) {
      deps = imports.flatMap(({ names }, i) => {
        const target = imported[i];
        if (target === undefined) return [];
        const exports = names && this.isIndex(target) ? this.exportsOf(target) : null;
        if (!exports || !names) return [target];
        return names.map((name) => exports.get(name) ?? target);
      });
    }
    this.deps.set(id, deps);
    return deps;
  }

  /** The module's static imports, one per imported id, or null when they cannot be matched up. */
  private imports(id: string): Import[] | null {
    const info = this.info(id);
    if (!info?.code) return null;
    const seen = new Map<string, Import>();
    for (const match of info.code.matchAll(importStatement)) {
      const [, keyword, typeOnly, clause = '', specifier = ''] = match;
      if (typeOnly) continue;
      const names = importedNames(keyword === 'export', clause);
      const previous = seen.get(specifier);
      if (!previous) seen.set(specifier, { specifier, names });
      else previous.names = previous.names && names ? [...previous.names, ...names] : null;
    }
    const imports = [...seen.values()];
    return imports.length === info.importedIds.length ? imports : null;
  }

  private isIndex(id: string): boolean {
    const local = this.info(id)?.exportedBindings?.['.'];
    return local !== undefined && local.length === 0;
  }

  /** Name → the module that defines it, following `export * from` and `export { … } from`. */
  private exportsOf(id: string): Map<string, string> {
    const known = this.exported.get(id);
    if (known) return known;
    const exports = new Map<string, string>();
    this.exported.set(id, exports);
    const info = this.info(id);
    const imports = this.imports(id);
    if (!info?.exportedBindings || !imports) return exports;
    for (const name of info.exportedBindings['.'] ?? []) exports.set(name, id);
    imports.forEach(({ specifier }, i) => {
      const target = info.importedIds[i];
      const names = info.exportedBindings?.[specifier];
      if (target === undefined || !names) return;
      if (names.includes('*')) {
        for (const [name, from] of this.exportsOf(target)) if (!exports.has(name)) exports.set(name, from);
      }
      for (const name of names.filter((n) => n !== '*')) {
        exports.set(name, this.isIndex(target) ? (this.exportsOf(target).get(name) ?? target) : target);
      }
    });
    return exports;
  }
}

/** The names an import or re-export clause takes, or null for all of them. */
function importedNames(reexport: boolean, clause: string): string[] | null {
  const braces = /\{([^}]*)\}/.exec(clause);
  // `import 'x'` runs the whole module.
  if (clause.trim() === '') return null;
  if (clause.includes('*') || (!braces && clause.trim() !== '' && reexport)) return null;
  const names = (braces?.[1] ?? '')
    .split(',')
    .map((part) => part.trim().replace(/^type\s+/, ''))
    .filter((part) => part !== '')
    .map((part) => part.split(/\s+as\s+/)[0]?.trim() ?? part);
  const defaultName = clause
    .replace(/\{[^}]*\}/, '')
    .replace(',', '')
    .trim();
  if (defaultName !== '' && !reexport) names.push('default');
  return names;
}

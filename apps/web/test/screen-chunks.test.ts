import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { sharedScreenChunk } from '../screen-chunks';

// A made-up module graph in the shape Rollup gives manualChunks: the entry, the app, a catalogue
// and five screens sharing small modules. The chunk a shared module is put in decides what a
// screen downloads before it draws (docs/benchmarks.md, "Web app").
const src = (name: string) => `/repo/src/${name}.tsx`;
const formLibrary = '/repo/node_modules/react-hook-form/dist/index.esm.mjs';
const screens = ['list', 'form', 'wizard', 'review', 'participant'];
const withForms = screens.filter((screen) => screen !== 'list');

type Module = { code: string; imports?: string[]; dynamic?: string[]; entry?: boolean };
const modules: Record<string, Module> = {
  [src('main')]: { code: '', entry: true, dynamic: [src('app')] },
  [src('app')]: { code: '', dynamic: ['/repo/src/i18n/en.ts', ...screens.map(src)] },
  '/repo/src/i18n/en.ts': { code: '' },
  ...Object.fromEntries(
    screens.map((screen) => [
      src(screen),
      { code: '', imports: [src('query-error'), ...(withForms.includes(screen) ? [src('field')] : [])] },
    ]),
  ),
  [src('query-error')]: { code: 'export const QueryError = 1;' },
  [src('field')]: { code: 'export const Field = 1;', imports: [formLibrary] },
  [formLibrary]: { code: 'export const useForm = 1;' },
};

// Only the fields screen-chunks.ts reads; with no import clauses in the code, each import is
// taken whole.
function info(id: string): Rollup.ModuleInfo | null {
  const module = modules[id];
  if (!module) return null;
  const known: Partial<Rollup.ModuleInfo> = {
    id,
    code: module.code,
    isEntry: module.entry ?? false,
    importedIds: module.imports ?? [],
    dynamicallyImportedIds: module.dynamic ?? [],
  };
  return known as Rollup.ModuleInfo;
}

function chunkOf(id: string): string | undefined {
  const place = sharedScreenChunk();
  return place(id, { getModuleInfo: info, getModuleIds: () => Object.keys(modules).values() });
}

describe('shared screen chunks', () => {
  it('groups the small modules four screens or more share', () => {
    expect(chunkOf(src('query-error'))).toBe('screens');
  });

  it('puts the form library, and what needs it, where a screen without a form does not load it', () => {
    expect(chunkOf(src('field'))).toBe('form-kit');
    expect(chunkOf(formLibrary)).toBe('form-kit');
  });

  it('leaves the entry, the app, the catalogues and the screens to Rollup', () => {
    for (const id of [src('main'), src('app'), '/repo/src/i18n/en.ts', ...screens.map(src)]) {
      expect(chunkOf(id)).toBeUndefined();
    }
  });
});

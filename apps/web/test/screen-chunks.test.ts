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
  [src('main')]: { code: '', entry: true, imports: [src('react')], dynamic: [src('app')] },
  [src('react')]: { code: '' },
  [src('app')]: {
    code: '',
    imports: [src('react'), src('router')],
    dynamic: ['/repo/src/i18n/en.ts', src('forms/study-gate'), ...screens.map(src)],
  },
  [src('router')]: { code: '' },
  '/repo/src/i18n/en.ts': { code: '', imports: [src('codes')] },
  // The message codes: the English text words them, the review screen lists them.
  [src('codes')]: { code: '' },
  [src('forms/study-gate')]: { code: '', imports: [src('study-schema')] },
  [src('study-schema')]: { code: '' },
  [src('only-the-list')]: { code: '' },
  ...Object.fromEntries(
    screens.map((screen) => [
      src(screen),
      {
        code: '',
        imports: [
          src('query-error'),
          ...(withForms.includes(screen) ? [src('field')] : []),
          ...(screen === 'list' ? [src('only-the-list')] : []),
          ...(screen === 'review' ? [src('codes')] : []),
        ],
      },
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
  it('puts the app, what it imports and what the catalogues share with it or a screen in one chunk', () => {
    for (const id of [src('app'), src('router'), src('codes')]) expect(chunkOf(id), id).toBe('app');
  });

  it('leaves what the sign-in page loads, the catalogues and each screen to Rollup', () => {
    for (const id of [
      src('main'),
      src('react'),
      '/repo/src/i18n/en.ts',
      src('only-the-list'),
      ...screens.map(src),
    ]) {
      expect(chunkOf(id), id).toBeUndefined();
    }
  });

  it('groups the study gate and the small modules two screens or more share', () => {
    for (const id of [src('forms/study-gate'), src('study-schema'), src('query-error')]) {
      expect(chunkOf(id), id).toBe('screens');
    }
  });

  it('puts the form library, and what needs it, where a screen without a form does not load it', () => {
    expect(chunkOf(src('field'))).toBe('form-kit');
    expect(chunkOf(formLibrary)).toBe('form-kit');
  });
});

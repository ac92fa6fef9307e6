import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The build's own check (scripts/report-size.mjs) run on a small made-up build: the entry awaits
// the app at its top level (src/main.tsx), so a chunk importing the entry's chunk, or chunks
// importing one another in a circle, leave the app undrawn; the build must refuse both.
const script = fileURLToPath(new URL('../scripts/report-size.mjs', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Chunk = { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[] };

function build(extra: Record<string, Chunk>, appImports: string[] = []) {
  const dist = mkdtempSync(join(tmpdir(), 'edc-chunks-'));
  dirs.push(dist);
  const manifest: Record<string, Chunk> = {
    'index.html': { file: 'assets/index-aaaaaaaa.js', src: 'index.html', isEntry: true },
    'src/i18n/sign-in.en.ts': { file: 'assets/sign-in.en-aaaaaaaa.js', isDynamicEntry: true },
    'src/i18n/en.ts': { file: 'assets/en-aaaaaaaa.js', isDynamicEntry: true },
    'src/i18n/desk.en.ts': { file: 'assets/desk.en-aaaaaaaa.js', isDynamicEntry: true },
    'src/app.tsx': {
      file: 'assets/app-aaaaaaaa.js',
      src: 'src/app.tsx',
      isDynamicEntry: true,
      imports: appImports,
    },
    ...extra,
  };
  mkdirSync(join(dist, '.vite'), { recursive: true });
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, '.vite/manifest.json'), JSON.stringify(manifest));
  for (const chunk of Object.values(manifest)) writeFileSync(join(dist, chunk.file), 'export {};\n');
  return dist;
}

function report(dist: string): { ok: boolean; output: string } {
  try {
    return {
      ok: true,
      output: execFileSync(process.execPath, [script, `${dist}/`], { encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the build refuses a chunk graph that would leave the app undrawn', () => {
  it('accepts chunks that import one another one way', () => {
    const dist = build(
      {
        '_shell.js': { file: 'assets/shell-aaaaaaaa.js' },
        'src/participants/participants-page.tsx': {
          file: 'assets/participants-page-aaaaaaaa.js',
          isDynamicEntry: true,
          imports: ['_shell.js', 'src/app.tsx'],
        },
      },
      ['_shell.js'],
    );
    const { ok, output } = report(dist);
    expect(output).not.toMatch(/over budget/);
    expect(ok).toBe(true);
  });

  it("refuses a chunk that imports the entry's chunk", () => {
    const dist = build({}, ['index.html']);
    const { ok, output } = report(dist);
    expect(ok).toBe(false);
    expect(output).toContain("assets/app-aaaaaaaa.js imports the entry's chunk");
  });

  it('refuses chunks that import one another in a circle', () => {
    const dist = build({ '_screens.js': { file: 'assets/screens-aaaaaaaa.js', imports: ['src/app.tsx'] } }, [
      '_screens.js',
    ]);
    const { ok, output } = report(dist);
    expect(ok).toBe(false);
    expect(output).toContain(
      'chunks import one another in a circle: assets/app-aaaaaaaa.js → assets/screens-aaaaaaaa.js → assets/app-aaaaaaaa.js',
    );
  });
});

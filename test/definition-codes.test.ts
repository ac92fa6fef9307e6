// Roles of forms are data (docs/study-definition.md): no code outside the study definition names
// a form or a visit of this trial. Names in string literals of apps/*/src and packages/domain/src
// (the definition files in packages/domain/src/study/ excepted) fail this test; tests may name them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lbpTrial } from '../packages/domain/src/index';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const definitionFiles = join(repoRoot, 'packages/domain/src/study');

const codes = [
  ...lbpTrial.forms.map((f) => f.code),
  ...lbpTrial.visits.map((v) => v.code),
  lbpTrial.roles.treatmentVisit.code,
  lbpTrial.roles.unscheduledVisit.code,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === definitionFiles || name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every string literal ('…', "…" or `…` without interpolation) that is exactly a code. */
function codeLiterals(source: string, known: readonly string[]): { line: number; code: string }[] {
  const set = new Set(known);
  const found: { line: number; code: string }[] = [];
  source.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/(['"`])([A-Za-z0-9_]+)\1/g)) {
      const code = m[2] ?? '';
      if (set.has(code)) found.push({ line: i + 1, code });
    }
  });
  return found;
}

describe('form and visit codes live in the study definition only', () => {
  it('finds a code literal when one is there (the scanner can fail)', () => {
    const planted = `if (formCode === 'vas') return "BL";\nconst x = \`odi\`;\nconst ok = 'vas_mm';`;
    expect(codeLiterals(planted, codes)).toEqual([
      { line: 1, code: 'vas' },
      { line: 1, code: 'BL' },
      { line: 2, code: 'odi' },
    ]);
  });

  it('apps/*/src and packages/domain/src name no form or visit code outside the definition', () => {
    const roots = [
      ...readdirSync(join(repoRoot, 'apps')).map((app) => join(repoRoot, 'apps', app, 'src')),
      join(repoRoot, 'packages/domain/src'),
    ].filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory());
    const files = roots.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const offences = files.flatMap((file) =>
      codeLiterals(readFileSync(file, 'utf8'), codes).map(
        ({ line, code }) => `${relative(repoRoot, file)}:${line} "${code}"`,
      ),
    );
    expect(offences).toEqual([]);
  });
});

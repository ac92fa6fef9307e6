// The build's JavaScript budget (docs/architecture.md, "Web delivery"), read from Vite's manifest:
// - the sign-in page's initial JavaScript: the entry chunk, every chunk it imports statically, and
//   the larger of the two language catalogues (a browser loads only its own language), gzip;
// - each route chunk: what navigating to a screen adds to what is already loaded, gzip.
// Prints both and fails the build above EDC_INITIAL_JS_BUDGET_KB / EDC_ROUTE_JS_BUDGET_KB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
// The target is 120 KB; it is not reached. The libraries the first screen cannot do without weigh
// about 174 KB gzip on their own (react-dom 65, react-router 31, zod 27, i18next 18,
// react-hook-form 15, TanStack Query 11, react 5): below 120 KB one of them must go
// (docs/benchmarks.md, "Web app"). The budget holds what the split reached, so it cannot grow back.
const initialBudgetKb = Number(process.env.EDC_INITIAL_JS_BUDGET_KB ?? 193);
const routeBudgetKb = Number(process.env.EDC_ROUTE_JS_BUDGET_KB ?? 100);
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const sizes = new Map();
function gzipKb(file) {
  let kb = sizes.get(file);
  if (kb === undefined) {
    kb = gzipSync(readFileSync(join(dist, file))).length / 1024;
    sizes.set(file, kb);
  }
  return kb;
}

/** The files of a chunk and of everything it imports statically. */
function closure(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, into);
  return into;
}

const total = (files) => [...files].reduce((sum, file) => sum + gzipKb(file), 0);
const name = (key) => key.replace(/^src\//, '');
const isCatalogue = (key) => /^src\/i18n\/(en|tr)\.ts$/.test(key);

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initial = closure(entryKey);
const dynamic = Object.keys(manifest).filter((key) => manifest[key].isDynamicEntry);
const added = (key) => [...closure(key)].filter((file) => !initial.has(file));

// Turkish loads tr.ts and tr-messages.ts together (src/i18n/index.ts).
const catalogues = ['en', 'tr'].map((locale) => {
  const keys = dynamic.filter(
    (key) => key === `src/i18n/${locale}.ts` || key === `src/i18n/${locale}-messages.ts`,
  );
  return { locale, kb: total(new Set(keys.flatMap(added))) };
});
const catalogue = catalogues.reduce((a, b) => (b.kb > a.kb ? b : a));
const initialKb = total(initial) + catalogue.kb;

const failures = [];
console.log(`sign-in page, initial JavaScript (gzip):`);
for (const file of initial) console.log(`  ${file.padEnd(48)} ${gzipKb(file).toFixed(1)} KB`);
console.log(`  + ${catalogue.locale} catalogue${' '.repeat(36)} ${catalogue.kb.toFixed(1)} KB`);
console.log(`  = ${initialKb.toFixed(1)} KB (budget ${initialBudgetKb} KB)`);
if (initialKb > initialBudgetKb)
  failures.push(`the sign-in page's initial JavaScript is ${initialKb.toFixed(1)} KB`);

console.log(`route chunks, JavaScript added on first navigation (gzip, budget ${routeBudgetKb} KB each):`);
const routes = dynamic
  .filter((key) => !key.startsWith('src/i18n/'))
  .map((key) => ({ key, kb: total(new Set(added(key))) }))
  .sort((a, b) => b.kb - a.kb);
for (const { key, kb } of routes) {
  console.log(`  ${name(key).padEnd(48)} ${kb.toFixed(1)} KB`);
  if (kb > routeBudgetKb) failures.push(`${name(key)} adds ${kb.toFixed(1)} KB`);
}
if (!dynamic.some(isCatalogue)) failures.push('the language catalogues are not split from the entry');

if (failures.length > 0) {
  for (const failure of failures) console.error(`over budget: ${failure}`);
  console.error('split the screen with React.lazy, or move what only some screens need out of the entry');
  process.exit(1);
}

// The build's JavaScript budget (docs/architecture.md, "Web delivery"), read from Vite's manifest:
// - the sign-in page's initial JavaScript: the entry chunk (React and the sign-in page), every
//   chunk it imports statically, and the larger of the two sign-in texts (a browser loads only its
//   own language), gzip;
// - the app loaded after sign-in (src/app.tsx: router, forms, queries, contracts) with the larger
//   of the two catalogues every signed-in page loads, gzip (the desk screens' text is printed apart);
// - each route chunk: what navigating to a screen adds to the app, gzip.
// Prints all three and fails the build above EDC_INITIAL_JS_BUDGET_KB / EDC_APP_JS_BUDGET_KB /
// EDC_ROUTE_JS_BUDGET_KB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
// The target for the sign-in page is 120 KB (R-UI-4 in docs/requirements.md); its budget holds what the split
// reached (72 KB in docs/benchmarks.md, "Web app", and 77 KB since the entry sets zod's options
// before any chunk runs: src/zod-config.ts) so it cannot grow back unnoticed. The app's
// budget leaves room for the catalogues, which grow with every message the server can send.
const initialBudgetKb = Number(process.env.EDC_INITIAL_JS_BUDGET_KB ?? 80);
const appBudgetKb = Number(process.env.EDC_APP_JS_BUDGET_KB ?? 120);
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
const without = (files, loaded) => new Set([...files].filter((file) => !loaded.has(file)));

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initial = closure(entryKey);
const dynamic = Object.keys(manifest).filter((key) => manifest[key].isDynamicEntry);

/** The larger language: what `keysOf(locale)` adds to `loaded`, for en and tr. */
function largerLanguage(keysOf, loaded) {
  return ['en', 'tr']
    .map((locale) => {
      const keys = dynamic.filter((key) => keysOf(locale).includes(key));
      const files = new Set(keys.flatMap((key) => [...without(closure(key), loaded)]));
      return { locale, keys, kb: total(files) };
    })
    .reduce((a, b) => (b.kb > a.kb ? b : a));
}

const failures = [];
// The entry awaits the app at its top level (src/main.tsx): a chunk that imported the entry's
// chunk would wait for it while it waits for the app, and the app would never draw.
for (const [key, chunk] of Object.entries(manifest)) {
  if (key !== entryKey && [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].includes(entryKey)) {
    failures.push(`${chunk.file} imports the entry's chunk, which awaits the app: the app would never draw`);
  }
}
// Chunks that import one another in a circle run in an order no module chose: a constant read
// before its chunk has run throws ("Cannot access … before initialization").
const state = new Map();
function findCycle(key, path) {
  if (state.get(key) === 'done') return;
  if (state.get(key) === 'open') {
    failures.push(
      `chunks import one another in a circle: ${[...path.slice(path.indexOf(key)), key].map((k) => manifest[k]?.file ?? k).join(' → ')}`,
    );
    return;
  }
  state.set(key, 'open');
  for (const imported of manifest[key]?.imports ?? []) findCycle(imported, [...path, key]);
  state.set(key, 'done');
}
for (const key of Object.keys(manifest)) findCycle(key, []);
const signInText = largerLanguage((l) => [`src/i18n/sign-in.${l}.ts`], initial);
const initialKb = total(initial) + signInText.kb;
console.log('sign-in page, initial JavaScript (gzip):');
for (const file of initial) console.log(`  ${file.padEnd(48)} ${gzipKb(file).toFixed(1)} KB`);
console.log(`  + ${signInText.locale} sign-in text${' '.repeat(34)} ${signInText.kb.toFixed(1)} KB`);
console.log(`  = ${initialKb.toFixed(1)} KB (budget ${initialBudgetKb} KB)`);
if (initialKb > initialBudgetKb)
  failures.push(`the sign-in page's initial JavaScript is ${initialKb.toFixed(1)} KB`);
if (signInText.keys.length === 0) failures.push('the sign-in texts are not split from the entry');

// src/app.tsx, in the chunk Vite names after it (its key is the chunk's when modules were merged).
const appKey = dynamic.find(
  (key) => manifest[key].src === 'src/app.tsx' || /^assets\/app-[\w-]{8}\.js$/.test(manifest[key].file),
);
const app = without(closure(appKey), initial);
const loaded = new Set([...initial, ...app]);
// Each language is one catalogue module (src/i18n/catalogues.ts).
const catalogue = largerLanguage((l) => [`src/i18n/${l}.ts`], loaded);
const appKb = total(app) + catalogue.kb;
console.log(`the app, loaded after sign-in (gzip): ${total(app).toFixed(1)} KB`);
console.log(
  `  + ${catalogue.locale} catalogue ${catalogue.kb.toFixed(1)} KB = ${appKb.toFixed(1)} KB (budget ${appBudgetKb} KB)`,
);
if (!appKey) failures.push('the app is not split from the sign-in page');
if (appKb > appBudgetKb) failures.push(`the app after sign-in is ${appKb.toFixed(1)} KB`);
if (catalogue.keys.length === 0) failures.push('the language catalogues are not split from the app');
// The desk screens' text (src/i18n/catalogues.ts, deskCatalogues) loads with those screens only.
const desk = largerLanguage((l) => [`src/i18n/desk.${l}.ts`], loaded);
console.log(`  desk screens' text, loaded with the first of them: ${desk.locale} ${desk.kb.toFixed(1)} KB`);
if (desk.keys.length === 0) failures.push("the desk screens' text is not split from the catalogues");

console.log(`route chunks, JavaScript added on first navigation (gzip, budget ${routeBudgetKb} KB each):`);
const routes = dynamic
  .filter((key) => !key.startsWith('src/i18n/') && key !== appKey)
  .map((key) => ({ key, kb: total(without(closure(key), loaded)) }))
  .sort((a, b) => b.kb - a.kb);
for (const { key, kb } of routes) {
  console.log(`  ${name(key).padEnd(48)} ${kb.toFixed(1)} KB`);
  if (kb > routeBudgetKb) failures.push(`${name(key)} adds ${kb.toFixed(1)} KB`);
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`over budget: ${failure}`);
  console.error('split the screen with React.lazy, or move what only some screens need out of the entry');
  process.exit(1);
}

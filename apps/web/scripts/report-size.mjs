// Prints the gzip size of the JavaScript the browser must load before the first screen (the
// entry chunk and what index.html preloads) and fails the build above the budget (issue 9: 250 KB).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const budgetKb = Number(process.env.EDC_INITIAL_JS_BUDGET_KB ?? 250);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of initial) {
  const gz = gzipSync(readFileSync(join(dist, file))).length;
  total += gz;
  console.log(`  ${file.padEnd(40)} ${(gz / 1024).toFixed(1)} KB gzip`);
}
const kb = total / 1024;
console.log(`initial JavaScript: ${kb.toFixed(1)} KB gzip (budget ${budgetKb} KB)`);
if (kb > budgetKb) {
  console.error('initial JavaScript is over budget: split a route with React.lazy');
  process.exit(1);
}
